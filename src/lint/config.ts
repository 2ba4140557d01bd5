import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../schema/config.schema.json' with { type: 'json' };
import { InputError } from '../errors.js';
import type { RuleSetting } from '../model/finding.js';
import type { RuleSettings } from './engine.js';

export const CONFIG_FILE = '.docker-api-compat.json';
export const PACKAGE_JSON_KEY = 'docker-api-compat';

/** The settings of a config file; paths in it already resolved against its directory. */
export interface LintConfig {
  target?: string;
  rules: RuleSettings;
  /** Gitignore-style patterns relative to `baseDir`. */
  ignore: string[];
  /** Absolute. */
  specs?: string;
  /** Where the config came from (absolute), absent when none was found. */
  file?: string;
  /** The directory paths in the config are relative to. */
  baseDir?: string;
}

interface RawConfig {
  target?: string;
  rules?: Record<string, RuleSetting>;
  ignore?: string[];
  specs?: string;
}

let validator: ValidateFunction<RawConfig> | undefined;

/**
 * The schema validator, compiled on first use: loading ajv and compiling costs ~0.1 s, which a run
 * without a config file (most cached lint runs) should not pay. ajv is CommonJS, so `require` keeps
 * `validateConfig` synchronous.
 */
function getValidator(): ValidateFunction<RawConfig> {
  if (!validator) {
    const { Ajv } = createRequire(import.meta.url)('ajv') as { Ajv: typeof AjvClass };
    validator = new Ajv({ allErrors: true, strict: true }).compile<RawConfig>(schema);
  }
  return validator;
}

/**
 * `--config <file>` when given, else the nearest `.docker-api-compat.json` or package.json with a
 * `docker-api-compat` key, from `cwd` upward. JSON only: a config is never evaluated.
 */
export async function loadConfig(options: { cwd: string; configFile?: string }): Promise<LintConfig> {
  if (options.configFile !== undefined) {
    const file = path.resolve(options.cwd, options.configFile);
    const text = await readText(file, options.cwd);
    if (text === undefined) throw new InputError('config file not found', displayPath(file, options.cwd));
    const data = parseJson(text, file, options.cwd);
    // An explicit package.json means its docker-api-compat key.
    if (path.basename(file) === 'package.json') {
      return validateConfig(readPackageKey(data) ?? {}, file, options.cwd, `${PACKAGE_JSON_KEY}.`);
    }
    return validateConfig(data, file, options.cwd);
  }
  let dir = path.resolve(options.cwd);
  for (;;) {
    const configFile = path.join(dir, CONFIG_FILE);
    const text = await readText(configFile, options.cwd);
    if (text !== undefined) return validateConfig(parseJson(text, configFile, options.cwd), configFile, options.cwd);
    const packageFile = path.join(dir, 'package.json');
    const packageText = await readText(packageFile, options.cwd);
    if (packageText !== undefined) {
      const section = readPackageKey(parseJsonOrUndefined(packageText));
      if (section !== undefined) return validateConfig(section, packageFile, options.cwd, `${PACKAGE_JSON_KEY}.`);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return { rules: {}, ignore: [] };
    dir = parent;
  }
}

/** Checks a parsed config against the schema; errors name the file and the key, one line. */
export function validateConfig(data: unknown, file: string, cwd: string, keyPrefix = ''): LintConfig {
  const shown = displayPath(file, cwd);
  const validate = getValidator();
  if (!validate(data)) {
    const error = pickError(validate.errors ?? []);
    throw new InputError(describeSchemaError(error, keyPrefix), shown);
  }
  const baseDir = path.dirname(file);
  const config: LintConfig = { rules: { ...(data.rules ?? {}) }, ignore: [...(data.ignore ?? [])], file, baseDir };
  if (data.target !== undefined) config.target = data.target;
  if (data.specs !== undefined) config.specs = path.resolve(baseDir, data.specs);
  return config;
}

function pickError(errors: readonly ErrorObject[]): ErrorObject {
  // An unknown key says more than the "must match" noise it causes elsewhere.
  return errors.find((e) => e.keyword === 'additionalProperties') ?? errors[0]!;
}

function describeSchemaError(error: ErrorObject, keyPrefix: string): string {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'additionalProperties') {
    const name = String((error.params as { additionalProperty: string }).additionalProperty);
    const key = [...segments, name].join('.');
    return `${keyPrefix}${key}: ${segments[0] === 'rules' ? 'unknown rule' : 'unknown key'}`;
  }
  const key = segments.length > 0 ? segments.join('.') : '(root)';
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.join(', ');
    return `${keyPrefix}${key}: must be one of ${allowed}`;
  }
  return `${keyPrefix}${key}: ${error.message ?? 'invalid'}`;
}

function readPackageKey(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  return (data as Record<string, unknown>)[PACKAGE_JSON_KEY];
}

function parseJson(text: string, file: string, cwd: string): unknown {
  try {
    return JSON.parse(stripBom(text));
  } catch (error) {
    throw new InputError(`not valid JSON (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`, displayPath(file, cwd));
  }
}

/** A broken package.json of some parent folder is not ours to complain about. */
function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(stripBom(text));
  } catch {
    return undefined;
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

async function readText(file: string, cwd: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (code === 'EISDIR') throw new InputError('is a directory, not a config file', displayPath(file, cwd));
    throw new InputError(`cannot read config (${code ?? String(error)})`, displayPath(file, cwd));
  }
}

function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
