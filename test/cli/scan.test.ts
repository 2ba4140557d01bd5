import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { REPO_ROOT, SPECS_DIR } from '../helpers/specs.js';

const FIXTURE = 'test/fixtures/projects/raw-client';

/** Loading all 57 raw specs takes long; versions 1.38 to 1.45 cover every answer these tests check. */
let specs: string;
beforeAll(() => {
  specs = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-specs-'));
  for (let minor = 38; minor <= 45; minor++) fs.copyFileSync(path.join(SPECS_DIR, `v1.${minor}.yaml`), path.join(specs, `v1.${minor}.yaml`));
});
afterAll(() => fs.rmSync(specs, { recursive: true, force: true }));

async function run(args: string[], cwd = REPO_ROOT) {
  const io = createMemoryIo({ cwd });
  const code = await main(['scan', ...args, '--specs', specs], io);
  return { code, out: io.out, err: io.err };
}

describe('scan command', () => {
  it('prints calls, unknown paths and the minimum version as JSON', async () => {
    const { code, out, err } = await run([FIXTURE, '--format', 'json', '--no-types']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(['calls', 'unknown', 'minimumVersion']);
    expect(report.calls).toHaveLength(14);
    expect(report.calls[0]).toEqual({
      file: `${FIXTURE}/src/docker/containers.ts`,
      line: 15,
      column: 28,
      method: 'GET',
      path: '/containers/json',
      via: 'axios',
      keys: ['all', 'filters'],
      pinnedVersion: '1.41',
    });
    expect(report.unknown).toEqual([
      {
        file: `${FIXTURE}/src/health.ts`,
        line: 20,
        column: 10,
        method: 'GET',
        path: '/containers/{}/stat?stream=false',
        via: 'fetch',
        pinnedVersion: null,
        nearest: { method: 'GET', path: '/containers/{id}/stats' },
      },
    ]);
    // docker-modem pins 1.44 and that is the newest requirement of the fixture
    expect(report.minimumVersion.version).toBe('1.44');
    expect(report.minimumVersion.docker).toBe('25.0');
    expect(report.minimumVersion.because).toContainEqual({ file: `${FIXTURE}/src/docker/modem.ts`, line: 6, element: 'pinned API version 1.44' });
  });

  it('computes the minimum from the elements used when nothing is pinned', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-cli-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'app.ts'),
        `await fetch('http://localhost/containers/json');\nawait fetch('http://localhost/containers/create', { method: 'POST', body: JSON.stringify({ Image: 'x', HostConfig: { CgroupnsMode: 'host' } }) });\n`,
      );
      const { code, out } = await run(['--format', 'json'], dir);
      expect(code).toBe(0);
      const report = JSON.parse(out);
      // HostConfig.CgroupnsMode arrived in API 1.41 (Docker 20.10)
      expect(report.minimumVersion).toEqual({
        version: '1.41',
        docker: '20.10',
        because: [{ file: 'app.ts', line: 2, element: 'POST /containers/create HostConfig.CgroupnsMode' }],
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints a text report grouped by endpoint', async () => {
    const { code, out } = await run([FIXTURE, '--no-types']);
    expect(code).toBe(0);
    expect(out).toMatchSnapshot();
  });

  describe('edge cases', () => {
    let empty: string;
    beforeAll(() => {
      empty = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-empty-'));
    });
    afterAll(() => fs.rmSync(empty, { recursive: true, force: true }));

    it('says so when there are no files, exit 0', async () => {
      const { code, out } = await run([], empty);
      expect(code).toBe(0);
      expect(out).toBe('No files to scan.\n');
    });

    it('exits 2 with one line for a missing path or a bad format', async () => {
      const missing = await run(['does-not-exist'], empty);
      expect(missing.code).toBe(2);
      expect(missing.err).toBe('docker-api-compat: no such file or directory: does-not-exist\n');
      const badFormat = await run(['--format', 'xml'], empty);
      expect(badFormat.code).toBe(2);
      expect(badFormat.err.trim().split('\n')).toHaveLength(1);
    });

    it('reports unparsable files on stderr and keeps going', async () => {
      fs.writeFileSync(path.join(empty, 'deep.ts'), `fetch('http://localhost/info');\nconst x = ${'('.repeat(3000)}1${')'.repeat(3000)};\n`);
      fs.writeFileSync(path.join(empty, 'ok.ts'), `fetch('http://localhost/info');\n`);
      const { code, out, err } = await run(['--format', 'json'], empty);
      expect(code).toBe(0);
      expect(err).toBe('docker-api-compat: deep.ts: parse-error: not analyzed: expressions nest too deeply to parse\n');
      expect(JSON.parse(out).calls.map((c: { file: string }) => c.file)).toEqual(['ok.ts']);
    });
  });
});
