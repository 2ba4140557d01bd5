import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { findPackageSpecsDir } from './package-root.js';
import { parseSourceCommit } from './source.js';

/**
 * What `specs fetch` downloads and the sha256 each file must have, for one moby commit.
 * Generated from the spec folder's SOURCE.md by `specs build`; committed as `specs/manifest.json`.
 */
export interface SpecManifest {
  commit: string;
  files: SpecManifestEntry[];
}

export interface SpecManifestEntry {
  /** File name in a spec folder: `v1.41.yaml`, `CHANGELOG.md`. */
  file: string;
  /** Path inside the moby repository: `api/docs/v1.41.yaml`, `api/swagger.yaml`. */
  path: string;
  sha256: string;
}

export const MANIFEST_FILE = 'manifest.json';

const TABLE_ROW = /^\|\s*([^|\s]+)\s*\|\s*([^|\s]+)[^|]*\|\s*$/;
const HASH_LINE = /^([0-9a-f]{64})\s+\*?(\S+)\s*$/;

/**
 * Reads the facts of a SOURCE.md: the commit, the file -> upstream path table, the sha256 list.
 * Undefined when the text lacks a commit or any listed file lacks a path or a hash.
 */
export function parseSourceManifest(text: string): SpecManifest | undefined {
  const commit = parseSourceCommit(text);
  if (!commit) return undefined;
  const paths = new Map<string, string>();
  const hashes = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const row = TABLE_ROW.exec(line.trim());
    if (row && !row[1]!.startsWith('-') && row[2]!.includes('/')) paths.set(row[1]!, row[2]!);
    const hash = HASH_LINE.exec(line.trim());
    if (hash) hashes.set(hash[2]!, hash[1]!);
  }
  if (paths.size === 0) return undefined;
  const files: SpecManifestEntry[] = [];
  for (const [file, upstreamPath] of paths) {
    const sha256 = hashes.get(file);
    if (!sha256) return undefined;
    files.push({ file, path: upstreamPath, sha256 });
  }
  return { commit, files: files.sort(compareManifestFiles) };
}

/** Stable text: fixed key order, one file per line. */
export function encodeManifest(manifest: SpecManifest): string {
  const lines = manifest.files.map((f) => `    ${JSON.stringify({ file: f.file, path: f.path, sha256: f.sha256 })}`);
  return `{\n  "commit": ${JSON.stringify(manifest.commit)},\n  "files": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

export function decodeManifest(text: string, file?: string): SpecManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`not valid JSON (${error instanceof Error ? error.message : String(error)})`, file);
  }
  const manifest = value as Partial<SpecManifest> | null;
  if (
    !manifest ||
    typeof manifest.commit !== 'string' ||
    !Array.isArray(manifest.files) ||
    !manifest.files.every((f) => f && typeof f.file === 'string' && typeof f.path === 'string' && typeof f.sha256 === 'string')
  ) {
    throw new InputError('not a spec manifest (expected {commit, files: [{file, path, sha256}]})', file);
  }
  return manifest as SpecManifest;
}

export async function loadManifest(file = path.join(findPackageSpecsDir(), MANIFEST_FILE)): Promise<SpecManifest> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read spec manifest (${(error as NodeJS.ErrnoException).code ?? String(error)})`, file);
  }
  return decodeManifest(text, file);
}

/** CHANGELOG.md first, then versions in numeric order. */
function compareManifestFiles(a: SpecManifestEntry, b: SpecManifestEntry): number {
  const va = versionKey(a.file);
  const vb = versionKey(b.file);
  if (!va || !vb) return va ? 1 : vb ? -1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
  return va[0] - vb[0] || va[1] - vb[1];
}

function versionKey(file: string): [number, number] | undefined {
  const match = /^v(\d+)\.(\d+)\./.exec(file);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}
