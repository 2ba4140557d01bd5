import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodeDatabase } from '../db/codec.js';
import { DATABASE_FILE, loadEmbeddedHistory } from '../db/embedded.js';
import { InputError, UsageError } from '../errors.js';
import type { ApiHistory } from '../model/history.js';

interface CachedDatabase {
  mtimeMs: number;
  size: number;
  history: ApiHistory;
}

/** Editors keep the plugin loaded for hours: a rebuilt database file is read again, an unchanged one is not. */
const databases = new Map<string, CachedDatabase>();

/**
 * The history the plugin checks against: the embedded database, or the built database
 * (`api-history.json`, written by `specs build --out DIR`) of a `specs` folder. ESLint rules are
 * synchronous and loading raw spec files is not, so a folder of raw specs alone is refused with a
 * one-line error saying how to build its database.
 */
export function loadPluginHistory(specs: string | undefined): ApiHistory {
  if (specs === undefined) return loadEmbeddedHistory();
  const file = findDatabaseFile(specs);
  const stat = statSync(file);
  const cached = databases.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.history;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read database (${(error as NodeJS.ErrnoException).code ?? String(error)})`, file);
  }
  const history = decodeDatabase(text, file);
  databases.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, history });
  return history;
}

/** `specs` may name the database file itself or a folder holding one. */
function findDatabaseFile(specs: string): string {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(specs).isDirectory();
  } catch {
    throw new UsageError(`specs folder not found: ${specs}`);
  }
  if (!isDirectory) return specs;
  const file = path.join(specs, DATABASE_FILE);
  try {
    statSync(file);
  } catch {
    throw new UsageError(
      `the ESLint plugin reads a built database, and ${specs} has no ${DATABASE_FILE}: run \`docker-api-compat specs build --from ${specs} --out <dir>\` and point specs at <dir>`,
    );
  }
  return file;
}
