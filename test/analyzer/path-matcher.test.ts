import { describe, expect, it } from 'vitest';
import { createPathMatcher, parseRequestPath } from '../../src/analyzer/path-matcher.js';
import { TEMPLATES } from './templates.js';

const matcher = createPathMatcher(TEMPLATES);

describe('parseRequestPath', () => {
  it.each([
    ['http://localhost/v1.41/containers/json?all=1', ['containers', 'json'], '1.41', ['all']],
    ['http://unix:/var/run/docker.sock:/v1.24/images/json', ['images', 'json'], '1.24', []],
    ['http://%2Fvar%2Frun%2Fdocker.sock/v1.43/info', ['info'], '1.43', []],
    ['unix:///var/run/docker.sock/containers/json', ['containers', 'json'], null, []],
    ['{}/containers/{}/json', ['containers', '{}', 'json'], null, []],
    ['/v{}/containers/json?all={}&{}', ['containers', 'json'], null, ['all']],
    ['/containers/{id}/logs?stdout=1&stderr=1#frag', ['containers', '{}', 'logs'], null, ['stdout', 'stderr']],
    ['containers/json', ['containers', 'json'], null, []],
    ['http://docker:2375/proxy/v1.40/_ping', ['_ping'], '1.40', []],
  ])('%s', (raw, segments, pinned, query) => {
    const parsed = parseRequestPath(raw);
    expect(parsed.segments).toEqual(segments);
    expect(parsed.pinnedVersion).toBe(pinned);
    expect(parsed.queryKeys).toEqual(query);
  });
});

describe('createPathMatcher', () => {
  it.each([
    ['GET', '/containers/abc123/json', 'GET /containers/{id}/json'],
    ['GET', '/images/json', 'GET /images/json'],
    ['DELETE', '/images/json', 'DELETE /images/{name}'],
    ['GET', '/images/library/alpine/json', 'GET /images/{name}/json'],
    ['POST', '/images/registry:5000/a/b/push', 'POST /images/{name}/push'],
    ['POST', '/images/create', 'POST /images/create'],
    ['GET', '/distribution/docker.io/library/nginx:latest/json', 'GET /distribution/{name}/json'],
    ['POST', '/plugins/tiborvass/no-remove:latest/enable', 'POST /plugins/{name}/enable'],
    ['GET', '/containers/{}/json', 'GET /containers/{id}/json'],
    ['HEAD', '/_ping', 'HEAD /_ping'],
  ] as const)('%s %s -> %s', (method, path, expected) => {
    const match = matcher.match(method, path);
    expect(match.kind).toBe('call');
    if (match.kind === 'call') expect(`${match.method} ${match.path}`).toBe(expected);
  });

  it('prefers literal segments over params', () => {
    const match = matcher.match('POST', '/containers/create');
    expect(match).toMatchObject({ kind: 'call', path: '/containers/create' });
  });

  it('does not let an unknown part stand for a literal segment', () => {
    expect(matcher.match('GET', '/containers/{}')).toMatchObject({ kind: 'unknown', nearest: { method: 'DELETE', path: '/containers/{id}' } });
  });

  it('reports Engine-looking paths without a template, with a near template or none', () => {
    expect(matcher.match('GET', '/v1.41/images/jsonn')).toEqual({
      kind: 'unknown',
      method: 'GET',
      path: '/images/jsonn',
      pinnedVersion: '1.41',
      nearest: { method: 'GET', path: '/images/json' },
    });
    expect(matcher.match('POST', '/containers/json')).toMatchObject({ kind: 'unknown', nearest: { method: 'GET', path: '/containers/json' } });
    const far = matcher.match('GET', '/volumes/a/b/c/d/e/f/g/h');
    expect(far.kind).toBe('unknown');
    expect(far).not.toHaveProperty('nearest');
  });

  it('ignores paths that are not the Engine API', () => {
    expect(matcher.match('GET', 'https://example.com/api/v1/users')).toEqual({ kind: 'none' });
    expect(matcher.match('GET', '/')).toEqual({ kind: 'none' });
    expect(matcher.match('GET', '{}')).toEqual({ kind: 'none' });
  });
});
