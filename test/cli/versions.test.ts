import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createMemoryIo } from '../../src/cli/io.js';
import { loadEmbeddedHistory } from '../../src/db/embedded.js';
import { SPECS_DIR } from '../helpers/specs.js';

async function run(args: string[], cwd = process.cwd()) {
  const io = createMemoryIo({ cwd });
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

describe('versions', () => {
  const history = loadEmbeddedHistory();

  it('prints one row per version from the embedded database, with release, format, status and endpoint count', async () => {
    const { code, out, err } = await run(['versions']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('VERSION  DOCKER   FORMAT    STATUS          ENDPOINTS');
    const rows = lines.slice(1, 1 + history.versions.length).map((l) => l.split(/\s+/));
    expect(rows.map((r) => r[0])).toEqual(history.versions.map((v) => v.version));
    expect(rows.map((r) => Number(r[4]))).toEqual(history.versions.map((v) => v.endpointCount));
    expect(rows.find((r) => r[0] === '1.41')?.slice(0, 4)).toEqual(['1.41', '20.10', 'swagger', 'deprecated']);
    expect(rows.find((r) => r[0] === '1.44')).toEqual(['1.44', '25.0', 'swagger', 'released', String(history.versions.find((v) => v.version === '1.44')!.endpointCount)]);
    expect(rows.find((r) => r[0] === '1.0')?.slice(0, 4)).toEqual(['1.0', 'unknown', 'markdown', 'deprecated']);
    expect(rows.find((r) => r[0] === '1.56')?.slice(0, 4)).toEqual(['1.56', 'unknown', 'swagger', 'in-development']);
  });

  it('ends with the default minimum API versions', async () => {
    const { out } = await run(['versions']);
    expect(out.split('\n').slice(-5).join('\n')).toMatchInlineSnapshot(`
      "Oldest API version a daemon accepts by default:
        Docker Engine 29.0 (API 1.52): >= 1.44
        Daemons serving API 1.53+ (current releases): >= 1.40
        min-api-version in daemon.json can lower it to 1.24.
      "
    `);
  });

  it('prints JSON with --json', async () => {
    const { code, out } = await run(['versions', '--json']);
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { versions: { version: string; docker: string | null; status: string }[]; defaultMinApiVersion: { current: string } };
    expect(parsed.versions).toHaveLength(history.versions.length);
    expect(parsed.versions.find((v) => v.version === '1.44')).toMatchObject({ docker: '25.0', status: 'released', format: 'swagger' });
    expect(parsed.versions.find((v) => v.version === '1.3')?.docker).toBeNull();
    expect(parsed.defaultMinApiVersion).toMatchObject({ current: '1.40', minConfigurable: '1.24' });
  });

  describe('--specs', () => {
    let dir = '';
    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('reads a raw spec folder (relative to the working directory) instead of the database', async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'dac-versions-'));
      await copyFile(path.join(SPECS_DIR, 'v1.24.md'), path.join(dir, 'v1.24.md'));
      await copyFile(path.join(SPECS_DIR, 'v1.25.yaml'), path.join(dir, 'v1.25.yaml'));
      const { code, out } = await run(['versions', '--specs', path.basename(dir)], path.dirname(dir));
      expect(code).toBe(0);
      expect(out.split('\n').slice(1, 3).map((l) => l.split(/\s+/).slice(0, 4))).toEqual([
        ['1.24', '1.12', 'markdown', 'deprecated'],
        ['1.25', '1.13', 'swagger', 'deprecated'],
      ]);
      expect(out.split('\n')[3]).toBe('Oldest API version a daemon accepts by default:');
    });

    it('fails with exit 2 on a folder without spec files', async () => {
      const { code, err } = await run(['versions', '--specs', tmpdir() + '/does-not-exist-dac']);
      expect(code).toBe(2);
      expect(err).toMatch(/^docker-api-compat: .*cannot read spec folder \(ENOENT\)\n$/);
    });
  });
});
