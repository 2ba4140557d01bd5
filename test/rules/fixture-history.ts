import { buildHistory } from '../../src/history/build.js';
import type { ApiHistory } from '../../src/model/history.js';
import type { Endpoint, HttpMethod, ParameterLocation, Surface } from '../../src/model/surface.js';
import { compareVersions } from '../../src/model/version.js';

/**
 * A tiny hand-made API history for rule tests: elements declared with their lifetimes,
 * expanded into per-version surfaces and folded by the real buildHistory.
 */
export const FIXTURE_VERSIONS = ['1.24', '1.38', '1.39', '1.40', '1.41', '1.42', '1.43', '1.44', '1.52', '1.53', '1.56'];
const MARKDOWN = new Set(['1.24']);

interface Lifetime {
  from?: string;
  /** Last version that has it. */
  to?: string;
  deprecatedFrom?: string;
}

interface EndpointSpec extends Lifetime {
  method: HttpMethod;
  path: string;
  params?: (Lifetime & { in: ParameterLocation; name: string })[];
  body?: (Lifetime & { path: string; type: string })[];
}

const SPEC: EndpointSpec[] = [
  {
    method: 'GET',
    path: '/containers/json',
    params: [
      { in: 'query', name: 'all' },
      { in: 'query', name: 'filters' },
      { in: 'query', name: 'legacy', to: '1.40' },
      { in: 'query', name: 'comeback', to: '1.38' },
      { in: 'query', name: 'comeback', from: '1.42' },
    ],
  },
  {
    method: 'POST',
    path: '/containers/create',
    params: [{ in: 'query', name: 'name' }],
    body: [
      { path: 'Image', type: 'string', from: '1.38' },
      { path: 'Labels', type: 'object', from: '1.38' },
      { path: 'Labels.*', type: 'string', from: '1.38' },
      { path: 'Extra', type: 'object', from: '1.38' },
      { path: 'HostConfig', type: 'object', from: '1.38' },
      { path: 'HostConfig.Binds', type: 'array<string>', from: '1.38' },
      { path: 'HostConfig.CgroupnsMode', type: 'string', from: '1.41' },
      { path: 'HostConfig.OldOption', type: 'string', from: '1.38', deprecatedFrom: '1.42' },
      { path: 'NetworkingConfig', type: 'object', from: '1.38' },
      { path: 'NetworkingConfig.EndpointsConfig', type: 'object', from: '1.38' },
      { path: 'NetworkingConfig.EndpointsConfig.*', type: 'object', from: '1.38' },
      { path: 'NetworkingConfig.EndpointsConfig.*.IPAMConfig', type: 'object', from: '1.38' },
      { path: 'NetworkingConfig.EndpointsConfig.*.IPAMConfig.IPv4Address', type: 'string', from: '1.38' },
      { path: 'NetworkingConfig.EndpointsConfig.*.MacAddress', type: 'string', from: '1.44' },
      { path: 'NewThing', type: 'object', from: '1.43' },
      { path: 'NewThing.A', type: 'string', from: '1.43' },
      { path: 'NewThing.B', type: 'string', from: '1.43' },
    ],
  },
  { method: 'POST', path: '/containers/{id}/start' },
  { method: 'GET', path: '/old/thing', to: '1.43', deprecatedFrom: '1.41' },
  { method: 'POST', path: '/new/thing', from: '1.42', params: [{ in: 'query', name: 'q' }] },
  {
    method: 'GET',
    path: '/images/json',
    params: [
      { in: 'query', name: 'shared-size', from: '1.42' },
      { in: 'query', name: 'digests', deprecatedFrom: '1.44' },
    ],
  },
  { method: 'POST', path: '/images/create', params: [{ in: 'header', name: 'X-Registry-Auth' }] },
];

function isAlive(lifetime: Lifetime, version: string): boolean {
  return (
    (lifetime.from === undefined || compareVersions(version, lifetime.from) >= 0) &&
    (lifetime.to === undefined || compareVersions(version, lifetime.to) <= 0)
  );
}

function isDeprecated(lifetime: Lifetime, version: string): boolean {
  return lifetime.deprecatedFrom !== undefined && compareVersions(version, lifetime.deprecatedFrom) >= 0;
}

export function buildFixtureSurfaces(): Surface[] {
  return FIXTURE_VERSIONS.map((version) => {
    const endpoints: Endpoint[] = SPEC.filter((e) => isAlive(e, version)).map((e) => ({
      method: e.method,
      path: e.path,
      tags: [],
      parameters: (e.params ?? [])
        .filter((p) => isAlive(p, version))
        .map((p) => ({
          in: p.in,
          name: p.name,
          type: 'string',
          required: false,
          ...(isDeprecated(p, version) ? { deprecated: { source: 'swagger-flag' as const } } : {}),
        })),
      requestBody: (e.body ?? [])
        .filter((f) => isAlive(f, version))
        .map((f) => ({ path: f.path, type: f.type, ...(isDeprecated(f, version) ? { deprecated: { source: 'swagger-flag' as const } } : {}) })),
      response: [],
      ...(isDeprecated(e, version) ? { deprecated: { source: 'swagger-flag' as const } } : {}),
    }));
    return { version, format: MARKDOWN.has(version) ? 'markdown' : 'swagger', endpoints, unparsed: [] };
  });
}

let cached: ApiHistory | undefined;

export function buildFixtureHistory(): ApiHistory {
  cached ??= buildHistory(buildFixtureSurfaces());
  return cached;
}
