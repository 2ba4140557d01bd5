import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import type ts from 'typescript';
import { UsageError } from '../errors.js';
import type { FileNotice } from '../model/call.js';
import { registerTypeScriptLoader } from './typescript-loader.js';

export const SOURCE_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Dependencies, build output and VCS data: never user code worth scanning. */
const SKIPPED_DIRECTORIES: readonly string[] = ['node_modules', 'dist', 'build', 'out', '.git'];
const SKIP_GLOBS = SKIPPED_DIRECTORIES.map((d) => `**/${d}/**`);

/** A tsconfig.json the scan honours: its files, and the compiler options for a typed Program. */
export interface TsProject {
  configPath: string;
  options: ts.CompilerOptions;
  fileNames: string[];
}

export interface SourceFileSet {
  /** Absolute paths, sorted, unique. */
  files: string[];
  projects: TsProject[];
  notices: FileNotice[];
}

export interface FindSourceFilesOptions {
  paths: readonly string[];
  cwd: string;
  /** Extra gitignore-style patterns, relative to cwd. */
  ignore?: readonly string[];
  /** tsconfig expansions remembered from an earlier run (`lint --cache`): a fresh one skips the compiler. */
  projectMemo?: ProjectMemo;
}

/**
 * A tsconfig.json expansion remembered between runs, with what it was computed from: every file the
 * compiler read or probed while parsing the config (its `extends` chain, package lookups), and the
 * listing of every directory under the folders it expanded. Only names that can matter are listed
 * (subfolders and source-named files), so the cache file itself, written next to them, does not
 * count as a change; an unchanged fingerprint means an unchanged expansion.
 */
export interface RememberedProject {
  configPath: string;
  options: ts.CompilerOptions;
  fileNames: string[];
  /** sha256 of each file read, or null for a path probed and found missing. */
  inputs: Record<string, string | null>;
  /** The folders the compiler listed (include roots). */
  roots: string[];
  /** Directory -> sha256 of its relevant entry names, for every directory under `roots`. */
  directories: Record<string, string>;
}

export interface ProjectMemo {
  get(configPath: string): RememberedProject | undefined;
  set(project: RememberedProject): void;
}

/** The nearest tsconfig.json above `dir`, up to and including `cwd` (never above it). */
async function findEnclosingProject(
  dir: string,
  cwd: string,
  loadProject: (dir: string) => Promise<TsProject | undefined>,
): Promise<TsProject | undefined> {
  let current = dir;
  while (current !== cwd && isInside(toPosix(path.relative(cwd, current)))) {
    current = path.dirname(current);
    const project = await loadProject(current);
    if (project) return project;
  }
  return undefined;
}

/**
 * Expands files, directories and globs into the source files to scan. A directory with a tsconfig.json
 * contributes that project's files (include/exclude/allowJs); otherwise every source extension.
 * node_modules, build output and .git are skipped, and .gitignore at cwd and at each directory is honoured.
 */
export async function findSourceFiles(options: FindSourceFilesOptions): Promise<SourceFileSet> {
  const cwd = path.resolve(options.cwd);
  const paths = options.paths.length > 0 ? options.paths : ['.'];
  const notices: FileNotice[] = [];
  const projects = new Map<string, TsProject>();
  const found = new Set<string>();
  const explicit = new Set<string>();
  const userIgnore = ignore().add([...(options.ignore ?? [])]);
  const gitignores = new Map<string, Ignore>();

  const loadProject = async (dir: string): Promise<TsProject | undefined> => {
    const configPath = path.join(dir, 'tsconfig.json');
    if (projects.has(configPath)) return projects.get(configPath);
    if (!fs.existsSync(configPath)) return undefined;
    const project = await readProject(configPath, notices, options.projectMemo);
    if (project) projects.set(configPath, project);
    return project;
  };

  for (const given of paths) {
    if (isDynamicPattern(given)) {
      const matches = await glob(given, { cwd, absolute: true, ignore: SKIP_GLOBS, dot: false });
      for (const file of matches) if (isSourceFile(file)) found.add(path.normalize(file));
      await loadProject(cwd);
      continue;
    }
    const absolute = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      throw new UsageError(`no such file or directory: ${given}`);
    }
    if (stat.isFile()) {
      found.add(absolute);
      explicit.add(absolute);
      await loadProject(cwd);
      continue;
    }
    if (!stat.isDirectory()) throw new UsageError(`not a file or directory: ${given}`);
    gitignores.set(absolute, readGitignore(absolute));
    // `lint src` in a project whose tsconfig.json sits above src/ is still that project: the nearest
    // tsconfig between the folder and the working directory decides, limited to the folder's files.
    const project = (await loadProject(absolute)) ?? (await findEnclosingProject(absolute, cwd, loadProject));
    const projectFiles = project?.fileNames.filter((file) => isInside(toPosix(path.relative(absolute, file)))) ?? [];
    if (projectFiles.length > 0) {
      for (const file of projectFiles) {
        if (isSourceFile(file) && !isInSkippedDirectory(path.relative(absolute, file))) found.add(path.normalize(file));
      }
    } else {
      const matches = await glob(SOURCE_EXTENSIONS.map((ext) => `**/*${ext}`), { cwd: absolute, absolute: true, ignore: SKIP_GLOBS, dot: false });
      for (const file of matches) if (isSourceFile(file)) found.add(path.normalize(file));
      // The glob silently drops dangling and looping links and named pipes; the user should hear of them.
      for (const entry of findSpecialEntries(absolute)) found.add(entry);
    }
  }
  if (!gitignores.has(cwd)) gitignores.set(cwd, readGitignore(cwd));

  const files = [...found]
    .filter((file) => {
      const fromCwd = toPosix(path.relative(cwd, file));
      if (isInside(fromCwd) && fromCwd !== '' && userIgnore.ignores(fromCwd)) return false;
      if (explicit.has(file)) return true;
      for (const [root, rules] of gitignores) {
        const relative = toPosix(path.relative(root, file));
        if (isInside(relative) && relative !== '' && rules.ignores(relative)) return false;
      }
      return true;
    })
    .sort();
  return { files: keepRegularFiles(files, notices), projects: [...projects.values()], notices };
}

/**
 * Drops what cannot be read as a source file, each with a notice: dangling links, link loops, and
 * FIFOs, sockets and devices (reading a FIFO blocks until some writer appears, i.e. forever).
 * A file reached twice (through a directory link) is kept once, under its first path.
 */
function keepRegularFiles(files: readonly string[], notices: FileNotice[]): string[] {
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch (error) {
      notices.push(describeStatFailure(file, error));
      continue;
    }
    if (!stat.isFile()) {
      notices.push({ file, kind: 'unreadable', message: 'not analyzed: not a regular file (a FIFO, socket or device)' });
      continue;
    }
    const identity = `${stat.dev}:${stat.ino}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    kept.push(file);
  }
  return kept;
}

function describeStatFailure(file: string, error: unknown): FileNotice {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return { file, kind: 'symlink-loop', message: 'not analyzed: symbolic link loop' };
  if (code === 'ENOENT') {
    let isLink = false;
    try {
      isLink = fs.lstatSync(file).isSymbolicLink();
    } catch {
      // gone altogether
    }
    return isLink
      ? { file, kind: 'unreadable', message: 'not analyzed: dangling symbolic link' }
      : { file, kind: 'vanished', message: 'not analyzed: the file disappeared during the scan' };
  }
  return { file, kind: 'unreadable', message: `not analyzed: cannot read (${code ?? String(error)})` };
}

/**
 * Source-named entries under `root` that are not plain files or links to one, found without following
 * directory links: the walk is iterative and skips what the glob skips (dependencies, build output, dot folders).
 */
function findSpecialEntries(root: string): string[] {
  const special: string[] = [];
  const stack: string[] = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.includes(entry.name)) stack.push(full);
        continue;
      }
      if (entry.isFile() || entry.name.startsWith('.') || !isSourceFile(entry.name)) continue;
      if (entry.isSymbolicLink()) {
        try {
          const target = fs.statSync(full);
          if (target.isFile() || target.isDirectory()) continue;
        } catch {
          // dangling or looping: reported by keepRegularFiles
        }
      }
      special.push(path.normalize(full));
    }
  }
  return special;
}

async function readProject(configPath: string, notices: FileNotice[], memo?: ProjectMemo): Promise<TsProject | undefined> {
  const remembered = memo?.get(configPath);
  if (remembered && isProjectFresh(remembered)) return { configPath, options: remembered.options, fileNames: remembered.fileNames };
  // Only a folder with a tsconfig.json needs the compiler (0.3 s or more to load); plain folders do not.
  registerTypeScriptLoader();
  const { default: ts } = await import('typescript');
  const inputs: Record<string, string | null> = {};
  const roots = new Set<string>();
  const readFile = (p: string): string | undefined => {
    const text = ts.sys.readFile(p);
    inputs[path.resolve(p)] = text === undefined ? null : hashText(text);
    return text;
  };
  const host: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    readFile,
    fileExists: (p) => {
      const exists = ts.sys.fileExists(p);
      const key = path.resolve(p);
      if (!exists) inputs[key] = null;
      else if (!(key in inputs) || inputs[key] === null) readFile(p);
      return exists;
    },
    readDirectory: (root, extensions, excludes, includes, depth) => {
      roots.add(path.resolve(root));
      return ts.sys.readDirectory(root, extensions, excludes, includes, depth);
    },
  };
  const read = ts.readConfigFile(configPath, readFile);
  if (read.error) {
    notices.push({ file: configPath, kind: 'unreadable', message: `tsconfig ignored: ${ts.flattenDiagnosticMessageText(read.error.messageText, ' ')}` });
    return undefined;
  }
  try {
    const parsed = ts.parseJsonConfigFileContent(read.config, host, path.dirname(configPath), undefined, configPath);
    const project: TsProject = { configPath, options: parsed.options, fileNames: parsed.fileNames.map((f) => path.normalize(f)) };
    if (memo) {
      // The compiler lists from the config's folder but walks each include pattern's base, which may
      // lie outside it (`../shared/**`): its wildcard directories are exactly the folders to watch.
      for (const dir of Object.keys(parsed.wildcardDirectories ?? {})) roots.add(path.resolve(dir));
      memo.set({ ...project, inputs, roots: [...roots].sort(), directories: fingerprintDirectories([...roots]) });
    }
    return project;
  } catch (error) {
    notices.push({ file: configPath, kind: 'unreadable', message: `tsconfig ignored: ${error instanceof Error ? error.message : String(error)}` });
    return undefined;
  }
}

/** Whether a remembered expansion still holds: same inputs, same directories with the same entries. */
export function isProjectFresh(project: RememberedProject): boolean {
  for (const [file, hash] of Object.entries(project.inputs)) {
    let text: string | null;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      text = null;
    }
    if ((text === null ? null : hashText(text)) !== hash) return false;
  }
  const now = fingerprintDirectories(project.roots);
  const before = project.directories;
  const nowKeys = Object.keys(now);
  if (nowKeys.length !== Object.keys(before).length) return false;
  return nowKeys.every((dir) => before[dir] === now[dir]);
}

/**
 * A hash of the relevant entry names of every directory under `roots` (the roots included), walking
 * iteratively and following directory links once each. Dependency folders and .git are not walked:
 * the compiler's wildcard expansion skips node_modules and dot folders unless a pattern names them.
 */
function fingerprintDirectories(roots: readonly string[]): Record<string, string> {
  const listings: Record<string, string> = {};
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    if (dir in listings) continue;
    let entries: fs.Dirent[];
    try {
      const stat = fs.statSync(dir);
      const identity = `${stat.dev}:${stat.ino}`;
      if (seen.has(identity)) {
        listings[dir] = 'seen';
        continue;
      }
      seen.add(identity);
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      listings[dir] = 'missing';
      continue;
    }
    const names: string[] = [];
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      const full = path.join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          isDirectory = fs.statSync(full).isDirectory();
        } catch {
          // a dangling link: listed by name below, so its appearance or repair counts
        }
      }
      if (isDirectory) {
        names.push(`d:${entry.name}`);
        stack.push(full);
      } else if (entry.isSymbolicLink() || SOURCE_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
        names.push(`f:${entry.name}`);
      }
    }
    listings[dir] = hashText(names.sort().join('\n'));
  }
  return listings;
}

function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function readGitignore(dir: string): Ignore {
  const rules = ignore();
  try {
    rules.add(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'));
  } catch {
    // no .gitignore
  }
  return rules;
}

export function isSourceFile(file: string): boolean {
  if (/\.d\.[cm]?ts$/.test(file)) return false;
  return SOURCE_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

function isInSkippedDirectory(relative: string): boolean {
  return toPosix(relative)
    .split('/')
    .some((part) => SKIPPED_DIRECTORIES.includes(part));
}

function isInside(relative: string): boolean {
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** A file's bytes as source text, or why they are not analyzed. */
export type DecodedSource = { text: string } | { notice: Pick<FileNotice, 'kind' | 'message'> };

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes source bytes: UTF-8 (a BOM is dropped), or UTF-16 when a BOM says so (editors on Windows
 * write it). NUL bytes in the first 8,000 bytes mean binary; bytes that are not valid UTF-8 are not
 * guessed at (they would become U+FFFD and shift every column), the file is skipped with a notice.
 */
export function decodeSourceText(bytes: Uint8Array): DecodedSource {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be');
  if (bytes.subarray(0, 8000).includes(0)) return { notice: { kind: 'binary-file', message: 'not analyzed: binary content' } };
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    return { notice: { kind: 'unreadable', message: 'not analyzed: not valid UTF-8 text (save it as UTF-8)' } };
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedSource {
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    return { notice: { kind: 'unreadable', message: `not analyzed: not valid ${encoding.toUpperCase()} text` } };
  }
}
