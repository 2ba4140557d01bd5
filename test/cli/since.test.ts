import { existsSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { SPECS_DIR } from '../helpers/specs.js';
import { loadHistorySpy } from '../query/real-history.js';

vi.mock('../../src/db/load-history.js', async () => ({ loadHistory: (await import('../query/real-history.js')).loadHistorySpy }));

async function run(...args: string[]) {
  const io = createMemoryIo();
  const code = await main(['--specs', SPECS_DIR, ...args], io);
  return { code, out: io.out, err: io.err };
}

describe.runIf(existsSync(SPECS_DIR))('since (real specs)', () => {
  it('HostConfig.CgroupnsMode of POST /containers/create: 1.41', async () => {
    const { code, out } = await run('since', 'POST /containers/create HostConfig.CgroupnsMode');
    expect(code).toBe(0);
    expect(out).toBe('HostConfig.CgroupnsMode (body of POST /containers/create): added in API 1.41 (Docker 20.10)\n');
    expect(loadHistorySpy).toHaveBeenCalledWith(expect.objectContaining({ specs: SPECS_DIR }));
  }, 120_000);

  it('GET /images/{name}/attestations: 1.55, also written as separate words', async () => {
    const { code, out } = await run('since', 'GET', '/images/{name}/attestations');
    expect(code).toBe(0);
    expect(out).toBe('GET /images/{name}/attestations: added in API 1.55\n');
  }, 120_000);

  it('POST /session: deprecated in 1.53', async () => {
    const { out } = await run('since', 'POST /session');
    expect(out).toMatch(/^POST \/session: added in API 1\.31 \(Docker 17\.07\).*; deprecated in API 1\.53\n$/);
  }, 120_000);

  it('keeps the JSON contract', async () => {
    const { code, out } = await run('since', '--json', 'POST /containers/create HostConfig.CgroupnsMode');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      query: 'POST /containers/create HostConfig.CgroupnsMode',
      matches: [
        { kind: 'body', method: 'POST', path: '/containers/create', name: 'HostConfig.CgroupnsMode', added: '1.41', deprecated: null, removed: null, docker: '20.10' },
      ],
    });
    const endpoint = JSON.parse((await run('since', '--format', 'json', 'ContainerCreate')).out);
    expect(endpoint.matches[0]).toEqual({ kind: 'endpoint', method: 'POST', path: '/containers/create', added: '1.0', deprecated: null, removed: null, docker: null });
  }, 120_000);

  it('matches concrete paths, parameters and enum values', async () => {
    expect((await run('since', '/images/library/alpine/json')).out).toBe('GET /images/{name}/json: added in API 1.0\n');
    expect((await run('since', 'GET /images/json shared-size')).out).toBe('shared-size (query parameter of GET /images/json): added in API 1.42 (Docker 23.0)\n');
    const enumOut = (await run('since', 'HostConfig.CgroupnsMode=private')).out;
    expect(enumOut).toContain('HostConfig.CgroupnsMode=private (value of body field of POST /containers/create): added in API 1.41 (Docker 20.10)\n');
  }, 120_000);

  it('exits 1 with the nearest names when nothing matches', async () => {
    const { code, out } = await run('since', 'CgroupsnMode');
    expect(code).toBe(1);
    expect(out).toBe('no API element matches "CgroupsnMode"; did you mean: CgroupnsMode?\n');
  }, 120_000);
});
