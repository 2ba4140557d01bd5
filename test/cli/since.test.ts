import { describe, expect, it } from 'vitest';
import { createMemoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

/** The committed database: these tests are about the commands, not about loading (test/db covers that). */
async function run(...args: string[]) {
  const io = createMemoryIo();
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

describe('since (embedded database)', () => {
  it('HostConfig.CgroupnsMode of POST /containers/create: 1.41', async () => {
    const { code, out } = await run('since', 'POST /containers/create HostConfig.CgroupnsMode');
    expect(code).toBe(0);
    expect(out).toBe('HostConfig.CgroupnsMode (body of POST /containers/create): added in API 1.41 (Docker 20.10)\n');
  });

  it('GET /images/{name}/attestations: 1.55, also written as separate words', async () => {
    const { code, out } = await run('since', 'GET', '/images/{name}/attestations');
    expect(code).toBe(0);
    expect(out).toBe('GET /images/{name}/attestations: added in API 1.55\n');
  });

  it('POST /session: deprecated in 1.53', async () => {
    const { out } = await run('since', 'POST /session');
    expect(out).toMatch(/^POST \/session: added in API 1\.31 \(Docker 17\.07\).*; deprecated in API 1\.53\n$/);
  });

  it('POST /grpc: in no spec, but the changelog deprecates it in 1.53', async () => {
    const text = await run('since', 'POST /grpc');
    expect(text.code).toBe(0);
    expect(text.out).toBe('POST /grpc: in no spec version; the changelog says deprecated in API 1.53\n');
    const json = JSON.parse((await run('since', 'POST /grpc', '--json')).out);
    expect(json).toEqual({ query: 'POST /grpc', changelogOnly: [{ version: '1.53', method: 'POST', path: '/grpc', change: 'deprecated' }], matches: [] });
  });

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
  });

  it('matches concrete paths, parameters and enum values', async () => {
    expect((await run('since', '/images/library/alpine/json')).out).toBe('GET /images/{name}/json: added in API 1.0\n');
    expect((await run('since', 'GET /images/json shared-size')).out).toBe('shared-size (query parameter of GET /images/json): added in API 1.42 (Docker 23.0)\n');
    const enumOut = (await run('since', 'HostConfig.CgroupnsMode=private')).out;
    expect(enumOut).toContain('HostConfig.CgroupnsMode=private (value of body field of POST /containers/create): added in API 1.41 (Docker 20.10)\n');
  });

  it('says both dates where spec and changelog disagree, and not where a bullet only changed behaviour', async () => {
    expect((await run('since', 'POST /networks/create Internal')).out).toBe(
      'Internal (body of POST /networks/create): in the spec from API 1.23; the changelog says 1.22\n',
    );
    // The v1.42 bullet about `condition` is a new status code, not an addition of the parameter.
    expect((await run('since', 'POST /containers/{id}/wait condition')).out).toBe(
      'condition (query parameter of POST /containers/{id}/wait): added in API 1.30 (Docker 17.06)\n',
    );
  });

  it('exits 1 with the nearest names when nothing matches', async () => {
    const { code, out } = await run('since', 'CgroupsnMode');
    expect(code).toBe(1);
    expect(out).toBe('no API element matches "CgroupsnMode"; did you mean: CgroupnsMode?\n');
  });
});
