import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createMemoryIo } from '../../src/cli/io.js';
import { decodeDatabaseContents } from '../../src/db/codec.js';
import { loadManifest, parseSourceManifest, encodeManifest } from '../../src/db/manifest.js';
import { loadHistoryFromSpecs } from '../../src/loaders/index.js';
import { SPECS_DIR } from '../helpers/specs.js';
import { startSpecServer, type SpecServer } from '../db/spec-server.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dac-specs-cli-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function run(args: string[]) {
  const io = createMemoryIo({ cwd: root });
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

/** Timings and sizes vary from run to run; everything else in the output is data. */
function mask(text: string): string {
  return text.replace(/\d+\.\d\d s\b/g, '<time>').replace(/\(\d+(\.\d+)? (kB|MB)\)/g, '(<size>)');
}

describe('specs build', () => {
  const input = () => path.join(root, 'in');
  beforeAll(async () => {
    await mkdir(input());
    for (const name of ['v1.0.md', 'v1.25.yaml', 'CHANGELOG.md', 'SOURCE.md']) await copyFile(path.join(SPECS_DIR, name), path.join(input(), name));
  });

  it('writes the database and the manifest, and reports versions, counts and time', async () => {
    const { code, out, err } = await run(['specs', 'build', '--from', 'in', '--out', 'out']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const history = await loadHistoryFromSpecs(input());
    const text = await readFile(path.join(root, 'out', 'api-history.json'), 'utf8');
    const { history: stored, source } = decodeDatabaseContents(text);
    expect(stored).toEqual(history);
    expect(Object.keys(source.files)).toEqual(['CHANGELOG.md', 'v1.0.md', 'v1.25.yaml']);
    expect(source.commit).toBe((await loadManifest()).commit);
    const manifest = parseSourceManifest(await readFile(path.join(input(), 'SOURCE.md'), 'utf8'))!;
    expect(await readFile(path.join(root, 'out', 'manifest.json'), 'utf8')).toBe(encodeManifest(manifest));
    expect((await readdir(path.join(root, 'out'))).sort()).toEqual(['api-history.json', 'manifest.json']);

    const lines = mask(out).trimEnd().split('\n');
    expect(lines.slice(2, 4).map((l) => l.split(/\s+/))).toEqual(
      history.versions.map((v) => [v.version, v.format, String(v.endpointCount), String(v.unparsedCount)]),
    );
    expect([lines[0]!.replace(/commit [0-9a-f]{40}/, 'commit <sha>'), lines[1], ...lines.slice(4)].join('\n').replace(/^\d+ endpoints.*$/m, '<totals>'))
      .toMatchInlineSnapshot(`
        "Loaded 2 versions from in (moby commit <sha>) in <time>.
        VERSION  FORMAT    ENDPOINTS  UNPARSED
        <totals>
        Wrote out/api-history.json (<size>).
        Wrote out/manifest.json.
        Done in <time>."
      `);
  });

  it('is deterministic: a second build writes the same bytes (valid upstream files build the same without validation)', async () => {
    const first = await readFile(path.join(root, 'out', 'api-history.json'), 'utf8');
    await run(['specs', 'build', '--from', 'in', '--out', 'again']);
    expect(await readFile(path.join(root, 'again', 'api-history.json'), 'utf8')).toBe(first);
    expect((await run(['specs', 'build', '--from', 'in', '--out', 'fast', '--no-validate'])).code).toBe(0);
    expect(await readFile(path.join(root, 'fast', 'api-history.json'), 'utf8')).toBe(first);
  });

  it('fails with exit 2 on a folder without spec files, writing nothing', async () => {
    await mkdir(path.join(root, 'empty'));
    const { code, err } = await run(['specs', 'build', '--from', 'empty', '--out', 'empty-out']);
    expect(code).toBe(2);
    expect(err).toBe(`docker-api-compat: no Engine API spec files in ${path.join(root, 'empty')}\n`);
    await expect(readdir(path.join(root, 'empty-out'))).rejects.toThrow(/ENOENT/);
  });

  it('rejects a missing --from, options of the other action and unknown actions', async () => {
    expect(await run(['specs', 'build'])).toMatchObject({ code: 2, err: 'docker-api-compat: specs build needs --from <dir>\n' });
    expect(await run(['specs', 'build', '--from', 'in', '--ref', 'abc'])).toMatchObject({ code: 2, err: 'docker-api-compat: specs build does not take --ref\n' });
    expect((await run(['specs', 'frobnicate'])).code).toBe(2);
  });
});

describe('specs fetch', () => {
  let server: SpecServer | undefined;
  let commit: string;
  beforeAll(async () => {
    commit = (await loadManifest()).commit;
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('downloads every upstream file of the manifest commit and checks it', async () => {
    server = await startSpecServer();
    const { code, out, err } = await run(['specs', 'fetch', '--ref', commit, '--out', 'fetched', '--base-url', server.baseUrl]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(mask(out)).toBe(
      `Fetched 58 files (<size>) of ${commit} into fetched in <time>; all sha256 match specs/manifest.json (commit ${commit}).\n`,
    );
    expect(server.requests).toContain(`/${commit}/api/swagger.yaml`);
    const names = await readdir(path.join(root, 'fetched'));
    expect(names).toHaveLength(59);
    for (const name of names.filter((n) => n !== 'SOURCE.md')) {
      expect((await readFile(path.join(root, 'fetched', name))).equals(await readFile(path.join(SPECS_DIR, name))), name).toBe(true);
    }
    // The generated SOURCE.md carries the facts `specs build` reads back into a manifest.
    expect(parseSourceManifest(await readFile(path.join(root, 'fetched', 'SOURCE.md'), 'utf8'))).toEqual(await loadManifest());
  });

  it('fails with exit 2 on a tampered file and leaves nothing behind', async () => {
    server = await startSpecServer({ tamper: ['api/docs/v1.33.yaml'] });
    const { code, err } = await run(['specs', 'fetch', '--ref', commit, '--out', 'tampered', '--base-url', server.baseUrl]);
    expect(code).toBe(2);
    expect(err).toMatch(/^docker-api-compat: sha256 mismatch for v1\.33\.yaml from http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{40}\/api\/docs\/v1\.33\.yaml \(expected [0-9a-f]{64}, got [0-9a-f]{64}\); nothing written\n$/);
    expect(await readdir(path.join(root, 'tampered')).catch(() => [])).toEqual([]);
  });

  it('fails with exit 2 on an HTTP error', async () => {
    server = await startSpecServer({ missing: ['api/docs/CHANGELOG.md'] });
    const { code, err } = await run(['specs', 'fetch', '--ref', commit, '--out', 'missing', '--base-url', server.baseUrl]);
    expect(code).toBe(2);
    expect(err).toMatch(/cannot download .*\/api\/docs\/CHANGELOG\.md \(HTTP 404 Not Found\); nothing written\n$/);
    expect(await readdir(path.join(root, 'missing')).catch(() => [])).toEqual([]);
  });

  it('requires --no-verify for another ref and says the files are unverified', async () => {
    server = await startSpecServer();
    const refused = await run(['specs', 'fetch', '--ref', 'master', '--out', 'other', '--base-url', server.baseUrl]);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(
      `docker-api-compat: cannot verify files of master: the manifest has sha256 hashes only for commit ${commit}; pass --no-verify to download without checking\n`,
    );
    expect(server.requests).toEqual([]);
    const accepted = await run(['specs', 'fetch', '--ref', 'master', '--out', 'other', '--base-url', server.baseUrl, '--no-verify']);
    expect(accepted.code).toBe(0);
    expect(accepted.out).toContain('NOT verified (--no-verify)');
    expect(accepted.err).toBe('docker-api-compat: warning: files of master were not verified\n');
  });

  it('requires --ref and --out', async () => {
    expect(await run(['specs', 'fetch', '--out', 'x'])).toMatchObject({ code: 2, err: 'docker-api-compat: specs fetch needs --ref <moby commit>\n' });
    expect(await run(['specs', 'fetch', '--ref', 'abc'])).toMatchObject({ code: 2, err: 'docker-api-compat: specs fetch needs --out <dir>\n' });
    expect(await run(['specs', 'fetch', '--ref', 'abc', '--out', 'x', '--from', 'y'])).toMatchObject({ code: 2, err: 'docker-api-compat: specs fetch does not take --from\n' });
    expect(await run(['specs', 'fetch', '--ref', 'abc', '--out', 'x', '--no-validate'])).toMatchObject({ code: 2, err: 'docker-api-compat: specs fetch does not take --no-validate\n' });
  });
});
