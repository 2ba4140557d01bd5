import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import { CONFIG_FILE, PACKAGE_JSON_KEY, validateConfig, type LintConfig } from '../lint/config.js';

/**
 * The nearest `.docker-api-compat.json` or package.json with a `docker-api-compat` key, from `dir`
 * upward: loadConfig's search, synchronous because ESLint rules are. `cwd` only shortens the file
 * names in error messages. Throws InputError for a config that is not valid JSON or not valid.
 */
export function readConfigSync(dir: string, cwd: string): LintConfig {
  let current = path.resolve(dir);
  for (;;) {
    const configFile = path.join(current, CONFIG_FILE);
    const text = readText(configFile, cwd);
    if (text !== undefined) return validateConfig(parseJson(text, configFile, cwd), configFile, cwd);
    const packageFile = path.join(current, 'package.json');
    const packageText = readText(packageFile, cwd);
    if (packageText !== undefined) {
      const section = readPackageKey(packageText);
      if (section !== undefined) return validateConfig(section, packageFile, cwd, `${PACKAGE_JSON_KEY}.`);
    }
    const parent = path.dirname(current);
    if (parent === current) return { rules: {}, ignore: [] };
    current = parent;
  }
}

function readText(file: string, cwd: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (code === 'EISDIR') throw new InputError('is a directory, not a config file', displayPath(file, cwd));
    throw new InputError(`cannot read config (${code ?? String(error)})`, displayPath(file, cwd));
  }
}

function parseJson(text: string, file: string, cwd: string): unknown {
  try {
    return JSON.parse(stripBom(text));
  } catch (error) {
    throw new InputError(`not valid JSON (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`, displayPath(file, cwd));
  }
}

/** A broken package.json of some parent folder is not ours to complain about (as in loadConfig). */
function readPackageKey(text: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(stripBom(text));
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  return (data as Record<string, unknown>)[PACKAGE_JSON_KEY];
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
