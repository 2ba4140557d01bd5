import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchSpecs } from '../../src/db/fetch.js';
import { loadManifest, type SpecManifest } from '../../src/db/manifest.js';
import { parseSourceCommit } from '../../src/db/source.js';
import { InputError, UsageError } from '../../src/errors.js';
import { SPECS_DIR } from '../helpers/specs.js';
import { startSpecServer, type SpecServer } from './spec-server.js';

let manifest: SpecManifest;
let small: SpecManifest;
let server: SpecServer;
let out: string;

beforeAll(async () => {
  manifest = await loadManifest();
  // Three files cover every path shape: the changelog, a markdown version and the in-development swagger.yaml.
  small = { commit: manifest.commit, files: manifest.files.filter((f) => ['CHANGELOG.md', 'v1.0.md', 'v1.56.yaml'].includes(f.file)) };
});
beforeEach(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'dac-fetch-'));
});
afterEach(async () => {
  await server?.close();
  await rm(out, { recursive: true, force: true });
});

describe('fetchSpecs', () => {
  it('downloads the files at their upstream paths, checks them and writes them with a SOURCE.md', async () => {
    server = await startSpecServer();
    const result = await fetchSpecs({ ref: manifest.commit, outDir: out, manifest: small, baseUrl: server.baseUrl });
    expect(result.verified).toBe(true);
    expect([...server.requests].sort()).toEqual(
      [`/${manifest.commit}/api/docs/CHANGELOG.md`, `/${manifest.commit}/api/docs/v1.0.md`, `/${manifest.commit}/api/swagger.yaml`].sort(),
    );
    expect((await readdir(out)).sort()).toEqual(['CHANGELOG.md', 'SOURCE.md', 'v1.0.md', 'v1.56.yaml']);
    // Buffer.equals: a deep toEqual over half a megabyte of bytes takes seconds.
    expect((await readFile(path.join(out, 'v1.56.yaml'))).equals(await readFile(path.join(SPECS_DIR, 'v1.56.yaml')))).toBe(true);
    expect(parseSourceCommit(await readFile(path.join(out, 'SOURCE.md'), 'utf8'))).toBe(manifest.commit);
  });

  it('fails on a tampered file and writes nothing', async () => {
    server = await startSpecServer({ tamper: ['api/docs/v1.0.md'] });
    const attempt = fetchSpecs({ ref: manifest.commit, outDir: out, manifest: small, baseUrl: server.baseUrl });
    await expect(attempt).rejects.toThrow(InputError);
    await expect(attempt).rejects.toThrow(/sha256 mismatch for v1\.0\.md .*; nothing written/);
    expect(await readdir(out)).toEqual([]);
  });

  it('fails on an HTTP error and writes nothing', async () => {
    server = await startSpecServer({ missing: ['api/swagger.yaml'] });
    const attempt = fetchSpecs({ ref: manifest.commit, outDir: out, manifest: small, baseUrl: server.baseUrl });
    await expect(attempt).rejects.toThrow(/api\/swagger\.yaml \(HTTP 404 Not Found\); nothing written/);
    expect(await readdir(out)).toEqual([]);
  });

  it('fails when the server is unreachable', async () => {
    server = await startSpecServer();
    const baseUrl = server.baseUrl;
    await server.close();
    server = await startSpecServer(); // something for afterEach to close
    await expect(fetchSpecs({ ref: manifest.commit, outDir: out, manifest: small, baseUrl })).rejects.toThrow(/cannot download .*ECONNREFUSED/);
    expect(await readdir(out)).toEqual([]);
  });

  it('requires verify=false for a ref other than the manifest commit, and then skips the check', async () => {
    server = await startSpecServer({ tamper: ['api/docs/v1.0.md'] });
    await expect(fetchSpecs({ ref: 'master', outDir: out, manifest: small, baseUrl: server.baseUrl })).rejects.toThrow(
      /cannot verify files of master: .* pass --no-verify/,
    );
    expect(server.requests).toEqual([]);
    const result = await fetchSpecs({ ref: 'master', outDir: out, manifest: small, baseUrl: server.baseUrl, verify: false });
    expect(result.verified).toBe(false);
    expect(server.requests).toContain('/master/api/docs/v1.0.md');
  });

  it('rejects refs that could escape the URL path', async () => {
    server = await startSpecServer();
    for (const ref of ['../x', 'a/../../b', '-x', '']) {
      await expect(fetchSpecs({ ref, outDir: out, manifest: small, baseUrl: server.baseUrl, verify: false })).rejects.toThrow(UsageError);
    }
    expect(server.requests).toEqual([]);
  });
});
