import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildHistory } from '../history/build.js';
import { loadSpecDirectory, type LoadOptions } from '../loaders/index.js';
import type { ApiHistory } from '../model/history.js';
import { writeFileAtomic } from './atomic-write.js';
import { encodeDatabase } from './codec.js';
import { DATABASE_FILE } from './embedded.js';
import { encodeManifest, MANIFEST_FILE, parseSourceManifest } from './manifest.js';
import type { SpecSource } from './source.js';

export interface BuiltDatabase {
  history: ApiHistory;
  source: SpecSource;
  /** The database file's text. */
  text: string;
  /** The fetch manifest's text, when the spec folder has a SOURCE.md listing paths and hashes. */
  manifestText?: string;
}

/** Loads a spec folder and encodes it, in memory: `specs build` writes the result, the freshness test compares it. */
export async function buildDatabase(specsDir: string, options: LoadOptions = {}): Promise<BuiltDatabase> {
  const { surfaces, changelog, source } = await loadSpecDirectory(specsDir, options);
  const history = buildHistory(surfaces, changelog);
  const text = encodeDatabase(history, source);
  const manifest = parseSourceManifest(await readOptionalText(path.join(specsDir, 'SOURCE.md')));
  return manifest ? { history, source, text, manifestText: encodeManifest(manifest) } : { history, source, text };
}

export interface WrittenDatabase {
  databaseFile: string;
  manifestFile?: string;
  bytes: number;
}

export async function writeDatabase(built: BuiltDatabase, outDir: string): Promise<WrittenDatabase> {
  const databaseFile = path.join(outDir, DATABASE_FILE);
  await writeFileAtomic(databaseFile, built.text);
  const written: WrittenDatabase = { databaseFile, bytes: Buffer.byteLength(built.text) };
  if (built.manifestText !== undefined) {
    written.manifestFile = path.join(outDir, MANIFEST_FILE);
    await writeFileAtomic(written.manifestFile, built.manifestText);
  }
  return written;
}

async function readOptionalText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}
