import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeDatabase } from '../../src/db/codec.js';
import { findEmbeddedDatabaseFile, loadEmbeddedContents, loadEmbeddedHistory } from '../../src/db/embedded.js';
import { loadHistory } from '../../src/db/load-history.js';
import { findPackageRoot } from '../../src/db/package-root.js';
import { InputError } from '../../src/errors.js';
import { buildSurfaceAt } from '../../src/history/query.js';
import { REPO_ROOT, SPECS_DIR } from '../helpers/specs.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('the embedded database', () => {
  it('is found from the module location at the package root', () => {
    expect(findPackageRoot()).toBe(REPO_ROOT);
    expect(findEmbeddedDatabaseFile()).toBe(path.join(REPO_ROOT, 'specs', 'api-history.json'));
  });

  it('loads once per process and covers v1.0 to v1.56 with the upstream commit and file hashes', () => {
    const history = loadEmbeddedHistory();
    expect(loadEmbeddedHistory()).toBe(history);
    expect(history.versions[0]!.version).toBe('1.0');
    expect(history.versions.at(-1)!.version).toBe('1.56');
    expect(history.versions).toHaveLength(57);
    const { source } = loadEmbeddedContents();
    expect(Object.keys(source.files)).toHaveLength(58);
    expect(readFileSync(path.join(SPECS_DIR, 'SOURCE.md'), 'utf8')).toContain(source.commit!);
    // Every version rebuilds to a surface with exactly the endpoint count the loader saw.
    for (const v of history.versions) expect(buildSurfaceAt(history, v.version).endpoints).toHaveLength(v.endpointCount);
  });

  it('holds facts only: no absolute paths and no upstream prose', () => {
    const text = readFileSync(findEmbeddedDatabaseFile(), 'utf8');
    expect(text).not.toContain(REPO_ROOT);
    expect(text).not.toContain(SPECS_DIR);
    // Names, types, enum values never hold sentences; prose would (four or more words in one string).
    expect(/"[^"]*( [^" ]+){3,}[^"]*"/.exec(text)?.[0]).toBeUndefined();
    expect(text.includes('Returns a list of containers')).toBe(false);
  });

  it('detects a truncated copy on load', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dac-db-'));
    dirs.push(dir);
    const copy = path.join(dir, 'api-history.json');
    await copyFile(findEmbeddedDatabaseFile(), copy);
    const text = readFileSync(copy, 'utf8');
    await writeFile(copy, text.slice(0, Math.floor(text.length / 2)));
    expect(() => decodeDatabase(readFileSync(copy, 'utf8'), copy)).toThrowError(
      new InputError('embedded database is corrupted (checksum mismatch): run specs build', copy),
    );
  });
});

describe('loadHistory', () => {
  it('gives the embedded database without --specs', async () => {
    expect(await loadHistory({})).toBe(loadEmbeddedHistory());
  });

  it('reads a raw spec folder with --specs, relative to cwd', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dac-db-'));
    dirs.push(dir);
    await copyFile(path.join(SPECS_DIR, 'v1.0.md'), path.join(dir, 'v1.0.md'));
    const history = await loadHistory({ specs: path.basename(dir), cwd: path.dirname(dir) });
    expect(history.versions.map((v) => v.version)).toEqual(['1.0']);
    expect(history.versions[0]!.endpointCount).toBe(loadEmbeddedHistory().versions[0]!.endpointCount);
  });
});
