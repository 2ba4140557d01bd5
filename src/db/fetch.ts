import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError, UsageError } from '../errors.js';
import type { SpecManifest, SpecManifestEntry } from './manifest.js';
import { hashText } from './source.js';

export const DEFAULT_BASE_URL = 'https://raw.githubusercontent.com/moby/moby';

/** How many downloads run at once: enough to hide latency, few enough to be polite to the host. */
const CONCURRENCY = 6;
const REQUEST_TIMEOUT_MS = 60_000;

export interface FetchOptions {
  /** A moby commit (or other git ref when `verify` is false). */
  ref: string;
  outDir: string;
  manifest: SpecManifest;
  /** `https://raw.githubusercontent.com/moby/moby` unless a mirror is named. */
  baseUrl?: string;
  /** Check every file's sha256 against the manifest (only possible for the manifest's commit). */
  verify?: boolean;
}

export interface FetchedFile {
  file: string;
  url: string;
  sha256: string;
  bytes: number;
}

export interface FetchResult {
  ref: string;
  verified: boolean;
  files: FetchedFile[];
}

const REF_PATTERN = /^[0-9A-Za-z][0-9A-Za-z._\/-]*$/;

/**
 * Downloads the upstream spec files of one moby ref into `outDir`. Everything is downloaded and
 * checked in memory first; files are written only when all arrived intact, through a temporary
 * folder inside `outDir`, so a failure leaves no partial files behind.
 */
export async function fetchSpecs(options: FetchOptions): Promise<FetchResult> {
  const { ref, manifest } = options;
  const verify = options.verify ?? true;
  if (!REF_PATTERN.test(ref) || ref.split('/').includes('..')) throw new UsageError(`not a git ref: "${ref}"`);
  if (verify && ref !== manifest.commit) {
    throw new UsageError(
      `cannot verify files of ${ref}: the manifest has sha256 hashes only for commit ${manifest.commit}; pass --no-verify to download without checking`,
    );
  }
  const base = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(base)) throw new UsageError(`--base-url must be an http(s) URL: "${base}"`);

  const controller = new AbortController();
  const downloads = await mapConcurrently(manifest.files, CONCURRENCY, async (entry) => {
    try {
      return await download(entry, `${base}/${ref}/${entry.path}`, controller.signal);
    } catch (error) {
      controller.abort();
      throw error;
    }
  });

  if (verify) {
    const bad = downloads.filter((d) => d.sha256 !== d.entry.sha256);
    if (bad.length > 0) {
      const first = bad[0]!;
      throw new InputError(
        `sha256 mismatch for ${first.entry.file} from ${first.url} (expected ${first.entry.sha256}, got ${first.sha256})` +
          (bad.length > 1 ? ` and ${bad.length - 1} more` : '') +
          '; nothing written',
      );
    }
  }

  const files = downloads.map((d) => ({ name: d.entry.file, data: d.data }));
  files.push({ name: 'SOURCE.md', data: Buffer.from(describeSource(ref, base, verify, downloads)) });
  await writeAll(options.outDir, files);
  return {
    ref,
    verified: verify,
    files: downloads.map((d) => ({ file: d.entry.file, url: d.url, sha256: d.sha256, bytes: d.data.byteLength })),
  };
}

/**
 * A SOURCE.md for the fetched folder, in the form `specs build` reads: the commit, the file ->
 * upstream path table and the sha256 list, so a build from this folder records where it came from.
 */
function describeSource(ref: string, base: string, verified: boolean, downloads: readonly Download[]): string {
  const rows = downloads.map((d) => `| ${d.entry.file} | ${d.entry.path} |`);
  const hashes = downloads.map((d) => `${d.sha256}  ${d.entry.file}`);
  return [
    '# Docker Engine API specifications (upstream data)',
    '',
    `Downloaded by \`docker-api-compat specs fetch\` from ${base}, commit ${ref}` +
      (verified ? ' (sha256 verified against the package manifest).' : ' (NOT verified: --no-verify).'),
    '',
    '| file here | upstream path |',
    '|---|---|',
    ...rows,
    '',
    '## sha256',
    '',
    '```',
    ...hashes,
    '```',
    '',
  ].join('\n');
}

interface Download {
  entry: SpecManifestEntry;
  url: string;
  data: Uint8Array;
  sha256: string;
}

async function download(entry: SpecManifestEntry, url: string, signal: AbortSignal): Promise<Download> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]), redirect: 'follow' });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new InputError(`cannot download ${url} (${cause?.code ?? cause?.message ?? (error as Error).message}); nothing written`);
  }
  if (!response.ok) {
    throw new InputError(`cannot download ${url} (HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}); nothing written`);
  }
  const data = new Uint8Array(await response.arrayBuffer());
  return { entry, url, data, sha256: hashText(data) };
}

async function writeAll(outDir: string, files: { name: string; data: Uint8Array }[]): Promise<void> {
  for (const f of files) {
    // Names come from the manifest; refuse anything that would land outside the folder the user named.
    if (f.name !== path.basename(f.name) || f.name.startsWith('.')) throw new InputError(`manifest names an unsafe file: ${f.name}`);
  }
  await mkdir(outDir, { recursive: true });
  const staging = path.join(outDir, `.fetch-${randomBytes(6).toString('hex')}`);
  try {
    await mkdir(staging);
    for (const f of files) await writeFile(path.join(staging, f.name), f.data);
    for (const f of files) await rename(path.join(staging, f.name), path.join(outDir, f.name));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Runs `work` over `items` with at most `limit` in flight; results keep the input order; the first failure rejects. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let firstError: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (!firstError && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index]!);
      } catch (error) {
        // Later failures are usually the cancellations the first one caused: report the cause.
        firstError ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, () => worker()));
  if (firstError) throw firstError.error;
  return results;
}
