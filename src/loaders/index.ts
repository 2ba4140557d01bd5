import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LoadReply, LoadRequest } from '../db/load-worker.js';
import { hashText, parseSourceCommit, sortFileHashes, type SpecSource } from '../db/source.js';
import { InputError } from '../errors.js';
import { buildHistory, type ChangelogFacts } from '../history/build.js';
import type { ApiHistory } from '../model/history.js';
import type { Surface } from '../model/surface.js';
import { compareVersions } from '../model/version.js';
import { parseChangelog, resolveChangelogNames } from './changelog.js';
import { alignPathParameterNames, loadMarkdownSpec } from './markdown.js';
import { loadSwaggerSpec } from './swagger.js';

/** The version whose Swagger path parameter names the markdown references are aligned to. */
const ALIGNMENT_REFERENCE_VERSION = '1.25';

const SPEC_FILE_PATTERN = /^v(\d+)\.(\d+)\.(md|ya?ml)$/;

export interface SpecFile {
  version: string;
  format: 'markdown' | 'swagger';
  /** File name inside the folder. */
  name: string;
  file: string;
}

export interface LoadOptions {
  /** Validate Swagger documents against the Swagger 2.0 schema (default true; failures land in `unparsed`). */
  validate?: boolean;
  /**
   * Worker threads to load files on (default: one per core, up to 4). Only the compiled package
   * uses them: a worker cannot import the TypeScript sources vitest runs, so there it loads in-process.
   */
  workers?: number;
}

export interface SpecDirectory {
  surfaces: Surface[];
  changelog: ChangelogFacts;
  /** The upstream commit (from SOURCE.md) and every input file's sha256. */
  source: SpecSource;
}

/** The `v<major>.<minor>.md|yaml|yml` files of a folder, oldest version first. */
export async function listSpecFiles(dir: string): Promise<SpecFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new InputError(`cannot read spec folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`, dir);
  }
  const files: SpecFile[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const match = SPEC_FILE_PATTERN.exec(name);
    if (!match) continue;
    const version = `${Number(match[1])}.${Number(match[2])}`;
    const other = seen.get(version);
    if (other !== undefined) throw new InputError(`two spec files for API ${version}: ${other} and ${name}`, dir);
    seen.set(version, name);
    files.push({ version, format: match[3] === 'md' ? 'markdown' : 'swagger', name, file: path.join(dir, name) });
  }
  if (files.length === 0) throw new InputError(`no Engine API spec files in ${dir}`);
  return files.sort((a, b) => compareVersions(a.version, b.version));
}

/**
 * Loads every version of a spec folder (plus CHANGELOG.md and SOURCE.md when present), aligns
 * the markdown versions' path parameter names to v1.25's and resolves changelog names.
 */
export async function loadSpecDirectory(dir: string, options: LoadOptions = {}): Promise<SpecDirectory> {
  const files = await listSpecFiles(dir);
  const [surfaces, hashes, changelogBytes, sourceBytes] = await Promise.all([
    loadSpecFiles(files, options),
    Promise.all(files.map(async (f) => [f.name, hashText(await readFile(f.file))] as const)),
    readOptional(path.join(dir, 'CHANGELOG.md')),
    readOptional(path.join(dir, 'SOURCE.md')),
  ]);

  const reference = surfaces.find((s) => s.version === ALIGNMENT_REFERENCE_VERSION);
  const aligned = reference ? alignMarkdownSurfaces(surfaces, reference) : surfaces;

  const fileHashes: Record<string, string> = Object.fromEntries(hashes);
  let changelog: ChangelogFacts = { deprecations: [], mentions: [] };
  if (changelogBytes !== undefined) {
    fileHashes['CHANGELOG.md'] = hashText(changelogBytes);
    // The changelog names fields by their last segment; the surfaces know the full dotted paths.
    changelog = resolveChangelogNames(parseChangelog(changelogBytes.toString('utf8')), aligned);
  }
  const commit = sourceBytes === undefined ? undefined : parseSourceCommit(sourceBytes.toString('utf8'));
  const source: SpecSource = commit === undefined ? { files: sortFileHashes(fileHashes) } : { commit, files: sortFileHashes(fileHashes) };
  return { surfaces: aligned, changelog, source };
}

export async function loadHistoryFromSpecs(dir: string, options: LoadOptions = {}): Promise<ApiHistory> {
  const { surfaces, changelog } = await loadSpecDirectory(dir, options);
  return buildHistory(surfaces, changelog);
}

const CAN_USE_WORKERS = import.meta.url.endsWith('.js');
/** Below this many files a worker's start-up (loading the parsers) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 8;

async function loadSpecFiles(files: readonly SpecFile[], options: LoadOptions): Promise<Surface[]> {
  const validate = options.validate ?? true;
  const workers = Math.min(options.workers ?? Math.min(availableParallelism(), 4), files.length);
  const loaded =
    CAN_USE_WORKERS && workers > 1 && files.length >= MIN_FILES_FOR_WORKERS
      ? await loadOnWorkers(files, validate, workers)
      : await Promise.all(files.map((f) => (f.format === 'markdown' ? loadMarkdownSpec(f.file) : loadSwaggerSpec(f.file, { validate }))));
  // The file name is the authority on the version: a document's own version line can be stale upstream.
  return loaded.map((surface, i) => (surface.version === files[i]!.version ? surface : { ...surface, version: files[i]!.version }));
}

/** Largest files first, each worker taking the next file when it finishes one: keeps both cores busy to the end. */
async function loadOnWorkers(files: readonly SpecFile[], validate: boolean, count: number): Promise<Surface[]> {
  const order = files.map((_, i) => i).sort((a, b) => weight(files[b]!) - weight(files[a]!));
  const results = new Array<Surface>(files.length);
  const pool = Array.from({ length: count }, () => new Worker(new URL('../db/load-worker.js', import.meta.url)));
  let next = 0;
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              const index = order[next++];
              if (index === undefined) return resolve();
              const f = files[index]!;
              worker.postMessage({ id: index, file: f.file, format: f.format, validate } satisfies LoadRequest);
            };
            worker.on('message', (reply: LoadReply) => {
              if ('error' in reply) {
                next = order.length; // stop handing out work; the first failure is the answer
                return reject(reply.error.name === 'InputError' ? new InputError(reply.error.message) : new Error(reply.error.message));
              }
              results[reply.id] = reply.surface;
              send();
            });
            worker.on('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}

/** Newer Swagger files are the largest and slowest; markdown is cheap. */
function weight(f: SpecFile): number {
  const minor = Number(f.version.split('.')[1]);
  return f.format === 'swagger' ? 1000 + minor : minor;
}

function alignMarkdownSurfaces(surfaces: Surface[], reference: Surface): Surface[] {
  const markdown = surfaces.filter((s) => s.format === 'markdown');
  if (markdown.length === 0) return surfaces;
  const aligned = new Map(alignPathParameterNames(markdown, reference).map((s) => [s.version, s]));
  return surfaces.map((s) => aligned.get(s.version) ?? s);
}

async function readOptional(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(`cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, file);
  }
}
