import { describe, expect, it } from 'vitest';
import { findMinimumVersion } from '../../src/analyzer/minimum-version.js';
import { scanSource } from '../../src/analyzer/scan.js';
import { buildHistory } from '../../src/history/build.js';
import type { CallKey, CallRecord } from '../../src/model/call.js';
import type { Endpoint, Surface } from '../../src/model/surface.js';

function endpoint(partial: Partial<Endpoint> & Pick<Endpoint, 'method' | 'path'>): Endpoint {
  return { tags: [], parameters: [], requestBody: [], response: [], ...partial };
}
function surface(version: string, endpoints: Endpoint[]): Surface {
  return { version, format: 'swagger', endpoints, unparsed: [] };
}
const query = (name: string) => ({ in: 'query' as const, name, type: 'string', required: false });

// /containers/json since 1.39; its `size` query since 1.40; POST /containers/create body Labels.* since 1.39,
// HostConfig.CgroupnsMode since 1.41; GET /gone only in 1.39 and 1.40.
const history = buildHistory([
  surface('1.39', [
    endpoint({ method: 'GET', path: '/containers/json', parameters: [query('all')] }),
    endpoint({ method: 'POST', path: '/containers/create', parameters: [query('name')], requestBody: [{ path: 'Labels.*', type: 'string' }] }),
    endpoint({ method: 'GET', path: '/gone' }),
  ]),
  surface('1.40', [
    endpoint({ method: 'GET', path: '/containers/json', parameters: [query('all'), query('size')] }),
    endpoint({ method: 'POST', path: '/containers/create', parameters: [query('name')], requestBody: [{ path: 'Labels.*', type: 'string' }] }),
    endpoint({ method: 'GET', path: '/gone' }),
  ]),
  surface('1.41', [
    endpoint({ method: 'GET', path: '/containers/json', parameters: [query('all'), query('size')] }),
    endpoint({
      method: 'POST',
      path: '/containers/create',
      parameters: [query('name')],
      requestBody: [
        { path: 'Labels.*', type: 'string' },
        { path: 'HostConfig', type: 'object' },
        { path: 'HostConfig.CgroupnsMode', type: 'string' },
      ],
    }),
  ]),
]);

function call(line: number, method: string, path: string, keys: CallKey[] = [], pinnedVersion: string | null = null): CallRecord {
  return {
    location: { file: 'a.ts', line, column: 1, endLine: line, endColumn: 10 },
    method: method as CallRecord['method'],
    path,
    via: 'fetch',
    keys,
    pinnedVersion,
  };
}

describe('findMinimumVersion', () => {
  it('is null without calls', () => {
    expect(findMinimumVersion([], history)).toBeNull();
  });

  it('is the first version when everything exists from the start, with nothing to blame', () => {
    expect(findMinimumVersion([call(1, 'GET', '/containers/json', [{ name: 'all', in: 'query' }])], history)).toEqual({ version: '1.39', docker: '18.09', because: [] });
  });

  it('names the keys that force the version, matching map fields like Labels.*', () => {
    const result = findMinimumVersion(
      [
        call(1, 'GET', '/containers/json', [{ name: 'size', in: 'query' }]),
        call(2, 'POST', '/containers/create', [
          { name: 'Labels.app', in: 'body' },
          { name: 'HostConfig.CgroupnsMode', in: 'body' },
          { name: 'NotInAnyVersion', in: 'body' },
        ]),
      ],
      history,
    );
    expect(result).toEqual({
      version: '1.41',
      docker: '20.10',
      because: [{ file: 'a.ts', line: 2, element: 'POST /containers/create HostConfig.CgroupnsMode' }],
    });
  });

  it('counts a pinned version as a requirement', () => {
    expect(findMinimumVersion([call(3, 'GET', '/containers/json', [], '1.40')], history)).toEqual({
      version: '1.40',
      docker: '19.03',
      because: [{ file: 'a.ts', line: 3, element: 'pinned API version 1.40' }],
    });
  });

  it('falls back to the newest first appearance when no single version has everything', () => {
    const result = findMinimumVersion([call(1, 'GET', '/gone'), call(2, 'POST', '/containers/create', [{ name: 'HostConfig.CgroupnsMode', in: 'body' }])], history);
    expect(result?.version).toBe('1.41');
  });
});

describe('keys sent both as query and body (docker-modem)', () => {
  it('files each key by the spec: query when some version has such a query parameter, else body', () => {
    const result = scanSource(
      'm.ts',
      `const docker = { modem: make() };
docker.modem.dial({ path: '/containers/create?', method: 'POST', options: { name: 'web', Image: 'nginx', HostConfig: { CgroupnsMode: 'host' } } }, cb);`,
      { history },
    );
    expect(result.calls.map((c) => c.keys)).toEqual([
      [
        { name: 'name', in: 'query' },
        { name: 'Image', in: 'body' },
        { name: 'HostConfig', in: 'body' },
        { name: 'HostConfig.CgroupnsMode', in: 'body' },
      ],
    ]);
  });
});
