import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'docker-api-compat';

let cachedRoot: string | undefined;

/**
 * The folder holding this package's package.json. Searched upwards from this module, because
 * the module runs from `src/db/` under vitest and from `dist/src/db/` once compiled.
 */
export function findPackageRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === PACKAGE_NAME) return (cachedRoot = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package root above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

function readPackageName(file: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}

/** The package's `specs/` folder: the committed database and the fetch manifest. */
export function findPackageSpecsDir(): string {
  return path.join(findPackageRoot(), 'specs');
}
