import { describe, expect, it } from 'vitest';
import { httpDetector } from '../../../src/analyzer/detectors/http.js';
import { scanSnippet } from '../scan-snippet.js';

const scan = (text: string) => scanSnippet(text, [httpDetector]);

describe('http detector', () => {
  it('finds http.request with socketPath option objects and the written JSON body', () => {
    const { calls } = scan(`import * as http from 'node:http';
const req = http.request({ socketPath: '/var/run/docker.sock', path: '/v1.41/containers/create?name=x', method: 'POST' });
req.write(JSON.stringify({ Image: 'alpine', Cmd: ['sh'] }));
req.end();
http.get({ socketPath: '/var/run/docker.sock', path: '/_ping' }, (res) => {});
`);
    expect(calls).toEqual([
      { call: 'POST /containers/create', at: '2:13', via: 'http', keys: ['body:Image', 'body:Cmd', 'query:name'], pinned: '1.41' },
      { call: 'GET /_ping', at: '5:1', via: 'http', keys: [], pinned: null },
    ]);
  });

  it('finds request(url, options), named imports and require of https', () => {
    const { calls } = scan(`const https = require('https');
const { request } = require('http');
https.request('https://docker.example:2376/containers/abc/start', { method: 'POST' });
request(new URL('http://localhost/volumes/create'), { method: 'POST' }).end(JSON.stringify({ Name: 'v' }));
`);
    expect(calls.map((c) => [c.call, c.at])).toEqual([
      ['POST /containers/{id}/start', '3:1'],
      ['POST /volumes/create', '4:1'],
    ]);
  });

  it('ignores request functions that are not node http', () => {
    const { calls } = scan(`import { request } from './my-http';
request({ path: '/containers/json' });
const http = { get(p: string) {} };
http.get('/containers/json');
`);
    expect(calls).toEqual([]);
  });
});
