import { createHash } from 'node:crypto';

/**
 * Where the data of a database came from: the upstream commit (when the spec folder says) and
 * each input file's sha256, by file name only so the database never depends on where it was built.
 */
export interface SpecSource {
  commit?: string;
  /** File name -> sha256 (hex), sorted by file name. */
  files: Record<string, string>;
}

export function hashText(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

const COMMIT_PATTERN = /\bcommit\s+([0-9a-f]{40})\b/i;

/** The moby commit named in a SOURCE.md; only the hash is kept, never the file's prose. */
export function parseSourceCommit(sourceMarkdown: string): string | undefined {
  return COMMIT_PATTERN.exec(sourceMarkdown)?.[1]?.toLowerCase();
}

export function sortFileHashes(files: Record<string, string>): Record<string, string> {
  const sorted: Record<string, string> = {};
  for (const name of Object.keys(files).sort(compareText)) sorted[name] = files[name]!;
  return sorted;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
