import { describe, expect, it } from 'vitest';
import { fetchDetector } from '../../../src/analyzer/detectors/fetch.js';
import { scanSnippet } from '../scan-snippet.js';

const scan = (text: string) => scanSnippet(text, [fetchDetector]);

describe('fetch detector', () => {
  it('finds global fetch with method, query string and JSON body keys', () => {
    const { calls } = scan(`
const id = getId();
await fetch('http://localhost/v1.41/containers/json?all=1&limit=5');
const res = await fetch(\`http://localhost/containers/\${id}/stop\`, { method: 'post' });
  fetch('/containers/create?name=web', { method: 'POST', body: JSON.stringify({ Image: 'nginx', HostConfig: { Binds: [] } }) });
`);
    expect(calls).toEqual([
      { call: 'GET /containers/json', at: '3:7', via: 'fetch', keys: ['query:all', 'query:limit'], pinned: '1.41' },
      { call: 'POST /containers/{id}/stop', at: '4:19', via: 'fetch', keys: [], pinned: null },
      { call: 'POST /containers/create', at: '5:3', via: 'fetch', keys: ['body:Image', 'body:HostConfig', 'body:HostConfig.Binds', 'query:name'], pinned: null },
    ]);
  });

  it('follows const URLs, new URL and URLSearchParams, and undici imports', () => {
    const { calls } = scan(`
import { fetch as undiciFetch, request } from 'undici';
const BASE = 'http://localhost:2375';
const url = new URL('/images/json', BASE);
undiciFetch(url);
const qs = new URLSearchParams({ filters: '{}', digests: '1' });
fetch(\`\${BASE}/images/json?\${qs}\`);
await request('http://localhost/networks/create', { method: 'POST', body: JSON.stringify({ Name: 'n' }), query: { x: 1 } });
`);
    expect(calls.map((c) => [c.call, c.at, c.keys])).toEqual([
      ['GET /images/json', '5:1', []],
      ['GET /images/json', '7:1', ['query:filters', 'query:digests']],
      ['POST /networks/create', '8:7', ['body:Name', 'query:x']],
    ]);
  });

  it('ignores a shadowed fetch, log messages, and non-Engine URLs', () => {
    const { calls, unknown } = scan(`
console.log('/containers/json');
logger.info("GET /containers/json failed");
fetch('https://example.com/api/users');
function run(fetch: (u: string) => void) { fetch('/containers/json'); }
const other = { fetch(u: string) {} };
other.fetch('/containers/json');
`);
    expect(calls).toEqual([]);
    expect(unknown).toEqual([]);
  });

  it('reports an Engine-looking path that matches no template, with the nearest one', () => {
    const { calls, unknown } = scan(`fetch('http://localhost/v1.43/containers/jsn?all=true');`);
    expect(calls).toEqual([]);
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({
      method: 'GET',
      path: '/containers/jsn?all=true',
      pinnedVersion: '1.43',
      via: 'fetch',
      nearest: { method: 'GET', path: '/containers/json' },
      location: { line: 1, column: 1 },
    });
  });
});
