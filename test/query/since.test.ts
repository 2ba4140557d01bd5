import { describe, expect, it } from 'vitest';
import { buildHistory } from '../../src/history/build.js';
import type { Endpoint, Surface } from '../../src/model/surface.js';
import { matchPathTemplates, normalizeRequestPath } from '../../src/query/match-path.js';
import { findNearestNames, measureEditDistance } from '../../src/query/nearest-names.js';
import { formatSinceText, querySince, toSinceJson } from '../../src/query/since.js';

function endpoint(partial: Partial<Endpoint> & Pick<Endpoint, 'method' | 'path'>): Endpoint {
  return { tags: [], parameters: [], requestBody: [], response: [], ...partial };
}
function surface(version: string, endpoints: Endpoint[]): Surface {
  return { version, format: 'swagger', endpoints, unparsed: [] };
}

const create = (version: string, extra: Partial<Endpoint> = {}) =>
  endpoint({ method: 'POST', path: '/containers/create', operationId: 'ContainerCreate', ...extra });
const inspect = endpoint({ method: 'GET', path: '/containers/{id}/json' });
const images = endpoint({ method: 'GET', path: '/images/{name}/json' });
const cgroupns = { path: 'HostConfig.CgroupnsMode', type: 'string', enum: ['private', 'host'] };

// 1.39 .. 1.42: CgroupnsMode from 1.40 in the spec (changelog says 1.41); `legacy` gone in 1.40, back in 1.41, gone in 1.42.
const history = buildHistory(
  [
    surface('1.39', [create('1.39', { parameters: [{ in: 'query', name: 'legacy', type: 'string', required: false }] }), inspect, images]),
    surface('1.40', [create('1.40', { requestBody: [cgroupns] }), inspect, images]),
    surface('1.41', [
      create('1.41', { requestBody: [cgroupns], parameters: [{ in: 'query', name: 'legacy', type: 'string', required: false }] }),
      inspect,
      images,
      endpoint({ method: 'POST', path: '/session', deprecated: { source: 'changelog' } }),
    ]),
    surface('1.42', [create('1.42', { requestBody: [cgroupns] }), inspect, images, endpoint({ method: 'POST', path: '/session' })]),
  ],
  {
    deprecations: [{ version: '1.42', method: 'POST', path: '/session' }],
    mentions: [{ version: '1.41', method: 'POST', path: '/containers/create', name: 'CgroupnsMode', change: 'added' }],
  },
);

describe('querySince', () => {
  it('finds a dotted body field of one endpoint and reports the changelog disagreement', () => {
    const result = querySince(history, 'POST /containers/create HostConfig.CgroupnsMode');
    expect(toSinceJson(result)).toEqual({
      query: 'POST /containers/create HostConfig.CgroupnsMode',
      matches: [
        { kind: 'body', method: 'POST', path: '/containers/create', name: 'HostConfig.CgroupnsMode', added: '1.40', deprecated: null, removed: null, docker: '19.03', changelog: '1.41' },
      ],
    });
    expect(formatSinceText(result)).toBe(
      'HostConfig.CgroupnsMode (body of POST /containers/create): in the spec from API 1.40 (Docker 19.03); the changelog says 1.41\n',
    );
  });

  it('says when an element vanished and came back, and when it went for good', () => {
    const result = querySince(history, 'POST /containers/create legacy');
    expect(result.matches[0]).toMatchObject({ kind: 'query', added: '1.39', removed: '1.42', absent: [{ from: '1.40', to: '1.40' }] });
    expect(formatSinceText(result)).toBe(
      'legacy (query parameter of POST /containers/create): added in API 1.39 (Docker 18.09); removed in API 1.40, re-added in API 1.41 (Docker 20.10); removed in API 1.42 (last in 1.41)\n',
    );
  });

  it('answers operationIds, bare names, enum values and concrete paths', () => {
    expect(querySince(history, 'ContainerCreate').matches.map((m) => `${m.kind} ${m.method} ${m.path}`)).toEqual(['endpoint POST /containers/create']);
    expect(querySince(history, 'CgroupnsMode').matches.map((m) => m.name)).toEqual(['HostConfig.CgroupnsMode']);
    const enumMatch = querySince(history, 'HostConfig.CgroupnsMode=private').matches;
    expect(enumMatch).toMatchObject([{ kind: 'enum', name: 'HostConfig.CgroupnsMode=private', added: '1.40' }]);
    expect(querySince(history, '/containers/abc/json').matches.map((m) => m.path)).toEqual(['/containers/{id}/json']);
    expect(querySince(history, '/v1.41/images/library/alpine/json').matches.map((m) => m.path)).toEqual(['/images/{name}/json']);
    expect(querySince(history, 'cgroupnsmode').matches).toHaveLength(1);
  });

  it('shows deprecation of an endpoint', () => {
    expect(formatSinceText(querySince(history, 'POST /session'))).toBe('POST /session: added in API 1.41 (Docker 20.10); deprecated in API 1.41 (Docker 20.10)\n');
  });

  it('suggests the nearest names when nothing matches', () => {
    const result = querySince(history, 'CgroupsnMode');
    expect(result.matches).toEqual([]);
    expect(result.suggestions[0]).toBe('CgroupnsMode');
    expect(formatSinceText(result)).toContain('did you mean: CgroupnsMode');
  });

  it('rejects empty queries and several bare words', () => {
    expect(() => querySince(history, '  ')).toThrow(/empty query/);
    expect(() => querySince(history, 'Cgroupns Mode')).toThrow(/one word/);
  });
});

describe('matchPathTemplates', () => {
  const templates = ['/containers/create', '/containers/{id}', '/containers/{id}/json', '/images/{name}/json', '/images/json'];
  it.each([
    ['/containers/create', ['/containers/create']],
    ['/containers/abc', ['/containers/{id}']],
    ['/containers/{name}/json', ['/containers/{id}/json']],
    ['/images/json', ['/images/json']],
    ['/images/library/alpine/json', ['/images/{name}/json']],
    ['/v1.44/containers/abc/json?size=1', ['/containers/{id}/json']],
    ['/nope', []],
  ])('%s', (path, expected) => {
    expect(matchPathTemplates(path, templates)).toEqual(expected);
  });
  it('normalizes request paths', () => {
    expect(normalizeRequestPath('/v1.41/containers/json/')).toBe('/containers/json');
  });
});

describe('nearest names', () => {
  it('counts a transposition as one edit', () => {
    expect(measureEditDistance('ab', 'ba')).toBe(1);
    expect(measureEditDistance('kitten', 'sitting')).toBe(3);
    expect(findNearestNames('Imgae', ['Image', 'Images', 'Name', 'Volume'])).toEqual(['Image', 'Images']);
  });
});
