import fs from 'node:fs';
import path from 'node:path';
import type ts from 'typescript';
import { MAX_FILE_BYTES } from '../scan.js';
import { decodeSourceText } from '../source-files.js';
import type { ModuleSource } from './import-closure.js';
import { parseProjectModule } from './project-sources.js';

interface CachedModule {
  mtimeMs: number;
  size: number;
  /** undefined: too large, binary, not decodable or unreadable (the same files a scan skips). */
  text: string | undefined;
  /** Parsed on first use; null when it could not be. */
  sourceFile?: ts.SourceFile | null;
}

/** Enough for a large project; an editor's long-lived linter forgets the oldest files past it. */
const DEFAULT_MAX_ENTRIES = 4096;

/**
 * Project modules read synchronously from disk (never executed), remembered by absolute path and
 * modification time: a linter that builds an import closure per linted file, six rules a file,
 * reads and parses each shared module once per run, and sees a module again once it is saved.
 */
export class DiskModuleSource implements ModuleSource {
  private readonly entries = new Map<string, CachedModule>();

  constructor(private readonly maxEntries = DEFAULT_MAX_ENTRIES) {}

  isFile(file: string): boolean {
    try {
      return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
    } catch {
      return false;
    }
  }

  readText(file: string): string | undefined {
    return this.readEntry(path.resolve(file))?.text;
  }

  /** The module parsed, shared by every closure that reads the same text; a ModuleParser for ProjectSources. */
  readonly parse = (file: string, text: string): ts.SourceFile | undefined => {
    const key = path.resolve(file);
    const entry = this.entries.get(key);
    // The entry file of a closure is an editor's buffer, not necessarily what is on disk.
    if (!entry || entry.text !== text) return parseProjectModule(key, text);
    if (entry.sourceFile === undefined) entry.sourceFile = parseProjectModule(key, text) ?? null;
    return entry.sourceFile ?? undefined;
  };

  private readEntry(file: string): CachedModule | undefined {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(file, { throwIfNoEntry: false });
    } catch {
      stat = undefined;
    }
    if (!stat?.isFile()) {
      this.entries.delete(file);
      return undefined;
    }
    const cached = this.entries.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
    const entry: CachedModule = { mtimeMs: stat.mtimeMs, size: stat.size, text: stat.size > MAX_FILE_BYTES ? undefined : readDecoded(file) };
    this.entries.delete(file);
    this.entries.set(file, entry);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return entry;
  }
}

function readDecoded(file: string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  // Read past the size check: a file that grew in between is still held to the limit.
  if (bytes.length > MAX_FILE_BYTES) return undefined;
  const decoded = decodeSourceText(bytes);
  return 'text' in decoded ? decoded.text : undefined;
}
