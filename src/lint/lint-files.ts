import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import ignore from 'ignore';
import type { ScanOutcome } from '../analyzer/scan.js';
import { registerTypeScriptLoader } from '../analyzer/typescript-loader.js';
import { findEmbeddedDatabaseFile, loadEmbeddedHistory } from '../db/embedded.js';
import type { FileNotice, ScanResult } from '../model/call.js';
import type { FileResult } from '../model/finding.js';
import type { ApiHistory } from '../model/history.js';
import type { ProjectMemo, RememberedProject } from '../analyzer/source-files.js';
import { createCacheKey, DEFAULT_CACHE_FILE, hashContent, readCacheContents, writeCache, type CacheEntries } from './cache.js';
import { loadConfig, type LintConfig } from './config.js';
import { lintCalls, resolveSeverities, type RuleSettings } from './engine.js';
import { listHistoryVersions } from './presence.js';
import { readStagedFiles, isOversized } from './staged.js';
import { resolveTarget, type TargetRange } from './target.js';
import { readToolVersion } from './tool-version.js';

export interface LintFilesOptions {
  /** Files, directories and globs; the working directory when empty. With `staged`, a filter on the staged files. */
  paths: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** `--target`, `--docker`: see resolveTarget. */
  target?: string;
  docker?: string;
  /** `--config`; otherwise found upward from cwd. */
  configFile?: string;
  /** `--ignore` patterns, gitignore-style, relative to cwd. */
  ignore?: string[];
  noTypes?: boolean;
  /** Raw spec folder (global `--specs`); wins over the config's `specs`. */
  specs?: string;
  /** Rule settings on top of the config's. */
  rules?: RuleSettings;
  cache?: boolean;
  /** Cache file (or a folder to put `.docker-api-compat-cache` in); default `<cwd>/.docker-api-compat-cache`. */
  cacheLocation?: string;
  /** Lint what is staged in the git index instead of the work tree. */
  staged?: boolean;
  reportUnusedDisableDirectives?: boolean;
  /** A history to use instead of loading one (tests, embedding). */
  history?: ApiHistory;
  onProgress?: (progress: { done: number; total: number }) => void;
}

export interface LintRun {
  results: FileResult[];
  notices: FileNotice[];
  target: TargetRange;
  config: LintConfig;
  /** How many files were linted, and how many of them came from the cache. */
  stats: { files: number; cached: number };
}

interface Source {
  file: string;
  /** Absent when the file could not be read here (the scanner then reports why). */
  text?: string;
  hash?: string;
}

/**
 * The heavy modules (the TypeScript compiler, the spec loaders) load on first use, so a run that
 * needs neither (everything cached, embedded database) does not pay for them.
 */
// The TypeScript module hook is registered here, right before a module that imports the compiler,
// not up front: the hook starts a loader thread (~0.1 s) that a fully cached run would not use.
const loadAnalyzer = () => {
  registerTypeScriptLoader();
  return import('../analyzer/scan.js');
};
const loadSourceFiles = () => import('../analyzer/source-files.js');
const loadSuppressions = () => {
  registerTypeScriptLoader();
  return import('./suppressions.js');
};

/** Config discovery, history, target, file selection, scan, rules, suppressions and the cache: one lint run. */
export async function lintFiles(options: LintFilesOptions): Promise<LintRun> {
  const cwd = path.resolve(options.cwd);
  const config = await loadConfig({ cwd, ...(options.configFile !== undefined ? { configFile: options.configFile } : {}) });
  const specs = options.specs ?? config.specs;
  // The embedded database is read directly: loadHistory would also load the spec loaders it does not need then.
  const history =
    options.history ??
    (specs === undefined ? loadEmbeddedHistory() : await (await import('../db/load-history.js')).loadHistory({ cwd, specs }));
  const target = resolveTarget(
    {
      ...(options.target !== undefined ? { target: options.target } : {}),
      ...(options.docker !== undefined ? { docker: options.docker } : {}),
      ...(config.target !== undefined ? { configTarget: config.target } : {}),
      env: options.env ?? {},
    },
    listHistoryVersions(history),
  );
  const rules: RuleSettings = { ...config.rules, ...(options.rules ?? {}) };
  const reportUnused = options.reportUnusedDisableDirectives ?? false;
  const isConfigIgnored = createConfigIgnore(config, cwd);
  // Config patterns go to the scanner only when they share its base (cwd); otherwise they filter afterwards.
  const scanIgnore = [...(options.ignore ?? []), ...(config.baseDir === cwd ? config.ignore : [])];

  const finish = async (scan: ScanResult, texts: ReadonlyMap<string, string>): Promise<FileResult[]> => {
    const { applyDirectives, parseDirectives } = await loadSuppressions();
    return lintCalls(scan, history, { target, rules, cwd }).map((result) => {
      const text = texts.get(result.filePath);
      return text === undefined ? result : applyDirectives(result, parseDirectives(text, result.filePath), { reportUnused });
    });
  };

  let cacheFile: string | undefined;
  let cacheKey = '';
  let entries: CacheEntries = new Map();
  let projectMemo: MemoWithChanges | undefined;
  if (options.cache) {
    cacheFile = await resolveCacheFile(cwd, options.cacheLocation);
    cacheKey = createCacheKey({
      tool: readToolVersion(),
      database: await computeDatabaseChecksum(history, options.history !== undefined || specs !== undefined),
      target: target.versions,
      rules: [...resolveSeverities(rules)],
      reportUnused,
      noTypes: options.noTypes ?? false,
    });
    const contents = await readCacheContents(cacheFile, cacheKey);
    entries = contents.entries;
    projectMemo = createProjectMemo(contents.projects);
  }

  const scanWorkTree = async () => (await loadAnalyzer()).scanFiles({ paths: options.paths, cwd, ignore: scanIgnore, noTypes: options.noTypes ?? false, history });
  let sources: Source[];
  const notices: FileNotice[] = [];
  let scanMisses: (misses: Source[]) => Promise<ScanResult>;

  if (options.staged) {
    const cliIgnore = ignore().add(options.ignore ?? []);
    const filters = options.paths.map((p) => path.resolve(cwd, p));
    const { isSourceFile } = await loadSourceFiles();
    const staged = await readStagedFiles(cwd, (file) => {
      if (!isSourceFile(file) || isConfigIgnored(file)) return false;
      const fromCwd = toPosix(path.relative(cwd, file));
      if (isInside(fromCwd) && cliIgnore.ignores(fromCwd)) return false;
      return filters.length === 0 || filters.some((f) => file === f || isInside(path.relative(f, file)));
    });
    sources = [];
    for (const { file, content } of staged) {
      if (isOversized(content)) notices.push({ file, kind: 'too-large', message: 'not analyzed: the staged file is over the 4 MiB limit' });
      else if (content.subarray(0, 8000).includes(0)) notices.push({ file, kind: 'binary-file', message: 'not analyzed: binary content' });
      else sources.push({ file, text: content.toString('utf8'), hash: hashContent(content) });
    }
    scanMisses = async (misses) => {
      const { scanSource } = await loadAnalyzer();
      return mergeScans(misses.map((s) => scanSource(s.file, s.text ?? '', { history })));
    };
  } else if (options.cache) {
    const found = await (await loadSourceFiles()).findSourceFiles({
      paths: options.paths,
      cwd,
      ignore: scanIgnore,
      ...(projectMemo ? { projectMemo } : {}),
    });
    notices.push(...found.notices);
    sources = await Promise.all(found.files.filter((f) => !isConfigIgnored(f)).map(readSource));
    const all = sources.length;
    scanMisses = async (misses) => {
      if (misses.length === 0) return emptyScan();
      // Nothing cached: the same scan as without a cache, so per-folder tsconfig projects stay typed.
      if (misses.length === all) return filterScan(await scanWorkTree(), (f) => !isConfigIgnored(f));
      return (await loadAnalyzer()).scanFiles({ paths: misses.map((s) => s.file), cwd, noTypes: options.noTypes ?? false, history });
    };
  } else {
    if (options.onProgress) {
      const found = await (await loadSourceFiles()).findSourceFiles({ paths: options.paths, cwd, ignore: scanIgnore });
      options.onProgress({ done: 0, total: found.files.length });
    }
    const kept = filterScan(await scanWorkTree(), (f) => !isConfigIgnored(f));
    const texts = new Map<string, string>();
    await Promise.all(
      kept.files.map(async (file) => {
        const source = await readSource(file);
        if (source.text !== undefined) texts.set(file, source.text);
      }),
    );
    options.onProgress?.({ done: kept.files.length, total: kept.files.length });
    return { results: await finish(kept, texts), notices: kept.notices, target, config, stats: { files: kept.files.length, cached: 0 } };
  }

  const total = sources.length;
  const results: FileResult[] = [];
  const misses: Source[] = [];
  for (const source of sources) {
    const entry = source.hash === undefined ? undefined : entries.get(source.file);
    if (entry && entry.hash === source.hash) {
      results.push(entry.result);
      notices.push(...entry.notices);
    } else {
      misses.push(source);
    }
  }
  options.onProgress?.({ done: results.length, total });
  if (misses.length > 0) {
    const scan = await scanMisses(misses);
    const texts = new Map(misses.filter((s) => s.text !== undefined).map((s) => [s.file, s.text!]));
    const fresh = await finish(scan, texts);
    results.push(...fresh);
    notices.push(...scan.notices);
    const hashes = new Map(misses.map((s) => [s.file, s.hash]));
    for (const result of fresh) {
      const hash = hashes.get(result.filePath);
      if (hash === undefined) continue;
      entries.set(result.filePath, { hash, result, notices: scan.notices.filter((n) => n.file === result.filePath) });
    }
  }
  options.onProgress?.({ done: total, total });
  // An all-hit run changes nothing: not rewriting keeps the warm path to reads and hashes only.
  if (cacheFile !== undefined && (misses.length > 0 || projectMemo?.changed)) {
    await writeCache(cacheFile, cacheKey, entries, projectMemo?.list() ?? []);
  }
  results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  return { results, notices: dedupeNotices(notices), target, config, stats: { files: total, cached: total - misses.length } };
}

interface MemoWithChanges extends ProjectMemo {
  /** Whether a project was (re)computed this run, so the cache file needs writing. */
  changed: boolean;
  list(): RememberedProject[];
}

function createProjectMemo(projects: readonly RememberedProject[]): MemoWithChanges {
  const byPath = new Map(projects.map((p) => [p.configPath, p]));
  const memo: MemoWithChanges = {
    changed: false,
    get: (configPath) => byPath.get(configPath),
    set: (project) => {
      byPath.set(project.configPath, project);
      memo.changed = true;
    },
    list: () => [...byPath.values()],
  };
  return memo;
}

/**
 * Synchronous on purpose: a warm cached run reads and hashes every file and little else, and for
 * thousands of small files a promise per read (open, fstat, read, close on the thread pool) cost
 * more than the reads themselves.
 */
async function readSource(file: string): Promise<Source> {
  try {
    const buffer = readFileSync(file);
    return { file, text: buffer.toString('utf8'), hash: hashContent(buffer) };
  } catch {
    return { file };
  }
}

/** Files a config's `ignore` patterns exclude, matched relative to the config's folder. */
function createConfigIgnore(config: LintConfig, cwd: string): (file: string) => boolean {
  if (config.ignore.length === 0) return () => false;
  const matcher = ignore().add(config.ignore);
  const base = config.baseDir ?? cwd;
  return (file) => {
    const relative = toPosix(path.relative(base, file));
    return isInside(relative) && relative !== '' && matcher.ignores(relative);
  };
}

function filterScan(scan: ScanOutcome, keep: (file: string) => boolean): ScanResult {
  return {
    files: scan.files.filter(keep),
    calls: scan.calls.filter((c) => keep(c.location.file)),
    unknown: scan.unknown.filter((c) => keep(c.location.file)),
    notices: scan.notices.filter((n) => keep(n.file)),
  };
}

function mergeScans(scans: readonly ScanResult[]): ScanResult {
  const merged = emptyScan();
  for (const scan of scans) {
    merged.files.push(...scan.files);
    merged.calls.push(...scan.calls);
    merged.unknown.push(...scan.unknown);
    merged.notices.push(...scan.notices);
  }
  return merged;
}

function dedupeNotices(notices: readonly FileNotice[]): FileNotice[] {
  const seen = new Set<string>();
  return notices.filter((n) => {
    const key = JSON.stringify([n.file, n.kind, n.message, n.line, n.column]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function emptyScan(): ScanResult {
  return { files: [], calls: [], unknown: [], notices: [] };
}

/** A folder (existing, or written with a trailing slash) gets the default file name inside it. */
async function resolveCacheFile(cwd: string, location: string | undefined): Promise<string> {
  if (location === undefined || location === '') return path.join(cwd, DEFAULT_CACHE_FILE);
  const resolved = path.resolve(cwd, location);
  if (/[\\/]$/.test(location)) return path.join(resolved, DEFAULT_CACHE_FILE);
  try {
    if ((await stat(resolved)).isDirectory()) return path.join(resolved, DEFAULT_CACHE_FILE);
  } catch {
    // not there yet: a file path
  }
  return resolved;
}

/** The embedded database file's bytes identify it cheaply; a history from elsewhere is hashed whole. */
async function computeDatabaseChecksum(history: ApiHistory, custom: boolean): Promise<string> {
  if (!custom) {
    try {
      return hashContent(await readFile(findEmbeddedDatabaseFile()));
    } catch {
      // fall through to hashing the loaded history
    }
  }
  return hashContent(JSON.stringify(history));
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function isInside(relative: string): boolean {
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}
