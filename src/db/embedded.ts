import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import type { ApiHistory } from '../model/history.js';
import { decodeDatabaseContents, type DatabaseContents } from './codec.js';
import { findPackageSpecsDir } from './package-root.js';

/** The database file name inside a specs folder. */
export const DATABASE_FILE = 'api-history.json';

let cached: DatabaseContents | undefined;

export function findEmbeddedDatabaseFile(): string {
  return path.join(findPackageSpecsDir(), DATABASE_FILE);
}

/** The history shipped with the package, read and checked once per process. */
export function loadEmbeddedHistory(): ApiHistory {
  return loadEmbeddedContents().history;
}

/** The history plus where it came from (upstream commit, input file hashes). */
export function loadEmbeddedContents(): DatabaseContents {
  if (cached) return cached;
  const file = findEmbeddedDatabaseFile();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? 'embedded database not found: run specs build (or pass --specs DIR)' : `cannot read embedded database (${code ?? String(error)})`,
      file,
    );
  }
  return (cached = decodeDatabaseContents(text, file));
}
