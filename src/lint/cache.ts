import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../db/atomic-write.js';
import type { RememberedProject } from '../analyzer/source-files.js';
import type { FileNotice } from '../model/call.js';
import type { FileResult } from '../model/finding.js';

export const DEFAULT_CACHE_FILE = '.docker-api-compat-cache';
const CACHE_FORMAT = 'docker-api-compat/lint-cache';
const CACHE_SCHEMA = 1;

/** One file's lint outcome, valid while the file's content hash and the run's key stay the same. */
export interface CacheEntry {
  hash: string;
  result: FileResult;
  notices: FileNotice[];
}

export type CacheEntries = Map<string, CacheEntry>;

interface StoredCache {
  format: string;
  schema: number;
  key: string;
  entries: Record<string, CacheEntry>;
  /** tsconfig expansions, so a warm run need not load the compiler to list a project's files. */
  projects?: RememberedProject[];
}

/** What a cache file holds for one key. */
export interface CacheContents {
  entries: CacheEntries;
  projects: RememberedProject[];
}

export function hashContent(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * What every cached result depends on besides the file itself: tool version, database, target,
 * effective rule severities and options. Any change invalidates the whole cache.
 */
export function createCacheKey(parts: Record<string, unknown>): string {
  return hashContent(JSON.stringify(parts, Object.keys(parts).sort()));
}

/** The entries of a cache file made under the same key; a missing, foreign or corrupted file reads as empty. */
export async function readCache(file: string, key: string): Promise<CacheEntries> {
  return (await readCacheContents(file, key)).entries;
}

/** Entries and remembered tsconfig expansions of a cache file made under the same key; empty when unusable. */
export async function readCacheContents(file: string, key: string): Promise<CacheContents> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { entries: new Map(), projects: [] };
  }
  try {
    const stored = JSON.parse(text) as StoredCache;
    if (!isStoredCache(stored) || stored.key !== key) return { entries: new Map(), projects: [] };
    return {
      entries: new Map(Object.entries(stored.entries).filter(([, entry]) => isEntry(entry))),
      projects: Array.isArray(stored.projects) ? stored.projects.filter(isRememberedProject) : [],
    };
  } catch {
    return { entries: new Map(), projects: [] };
  }
}

/** Atomic (temp file + rename): a concurrent run or a crash never leaves a torn cache. */
export async function writeCache(file: string, key: string, entries: CacheEntries, projects: readonly RememberedProject[] = []): Promise<void> {
  const sorted = [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const stored: StoredCache = { format: CACHE_FORMAT, schema: CACHE_SCHEMA, key, entries: Object.fromEntries(sorted) };
  if (projects.length > 0) stored.projects = [...projects].sort((a, b) => (a.configPath < b.configPath ? -1 : a.configPath > b.configPath ? 1 : 0));
  await writeFileAtomic(file, JSON.stringify(stored));
}

function isStoredCache(value: unknown): value is StoredCache {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Partial<StoredCache>;
  return (
    v.format === CACHE_FORMAT &&
    v.schema === CACHE_SCHEMA &&
    typeof v.key === 'string' &&
    v.entries !== null &&
    typeof v.entries === 'object' &&
    !Array.isArray(v.entries)
  );
}

function isEntry(value: unknown): value is CacheEntry {
  if (value === null || typeof value !== 'object') return false;
  const entry = value as Partial<CacheEntry>;
  return (
    typeof entry.hash === 'string' &&
    Array.isArray(entry.notices) &&
    entry.result !== null &&
    typeof entry.result === 'object' &&
    typeof entry.result.filePath === 'string' &&
    Array.isArray(entry.result.findings) &&
    Array.isArray(entry.result.unusedDirectives)
  );
}

function isRememberedProject(value: unknown): value is RememberedProject {
  if (value === null || typeof value !== 'object') return false;
  const p = value as Partial<RememberedProject>;
  return (
    typeof p.configPath === 'string' &&
    p.options !== null &&
    typeof p.options === 'object' &&
    Array.isArray(p.fileNames) &&
    p.fileNames.every((f) => typeof f === 'string') &&
    Array.isArray(p.roots) &&
    p.roots.every((r) => typeof r === 'string') &&
    isRecordOf(p.inputs, (v) => v === null || typeof v === 'string') &&
    isRecordOf(p.directories, (v) => typeof v === 'string')
  );
}

function isRecordOf(value: unknown, isValue: (v: unknown) => boolean): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every(isValue);
}
