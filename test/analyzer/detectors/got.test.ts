import { describe, expect, it } from 'vitest';
import { gotDetector } from '../../../src/analyzer/detectors/got.js';
import { scanSnippet } from '../scan-snippet.js';

const scan = (text: string) => scanSnippet(text, [gotDetector]);

describe('got detector', () => {
  it('finds got(url, options), method helpers, searchParams and json keys over a unix socket', () => {
    const { calls } = scan(`import got from 'got';
const SOCK = 'unix:/var/run/docker.sock:';
await got(SOCK + '/containers/json', { searchParams: { all: true } }).json();
await got.post('http://unix:/var/run/docker.sock:/v1.42/networks/create', { json: { Name: 'n', Labels: { a: 'b' } } });
got('http://localhost/images/abc', { method: 'DELETE', searchParams: 'force=1&noprune=1' });
`);
    expect(calls).toEqual([
      { call: 'GET /containers/json', at: '3:7', via: 'got', keys: ['query:all'], pinned: null },
      { call: 'POST /networks/create', at: '4:7', via: 'got', keys: ['body:Name', 'body:Labels', 'body:Labels.a'], pinned: '1.42' },
      { call: 'DELETE /images/{name}', at: '5:1', via: 'got', keys: ['query:force', 'query:noprune'], pinned: null },
    ]);
  });

  it('follows got.extend({ prefixUrl }) instances, chained', () => {
    const { calls } = scan(`const got = require('got');
const base = got.extend({ prefixUrl: 'http://unix:/var/run/docker.sock:/v1.41', enableUnixSockets: true });
const api = base.extend({ headers: {} });
api.get('containers/abc/logs', { searchParams: { stdout: 1 } });
api('system/df');
`);
    expect(calls).toEqual([
      { call: 'GET /containers/{id}/logs', at: '4:1', via: 'got', keys: ['query:stdout'], pinned: '1.41' },
      { call: 'GET /system/df', at: '5:1', via: 'got', keys: [], pinned: '1.41' },
    ]);
  });

  it('does not take other functions named got for the library', () => {
    const { calls } = scan(`const got = (u: string) => u;
got('/containers/json');
const gotten = { post(u: string) {} };
gotten.post('/containers/create');
`);
    expect(calls).toEqual([]);
  });
});
