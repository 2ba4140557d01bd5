import { describe, expect, it } from 'vitest';
import { axiosDetector } from '../../../src/analyzer/detectors/axios.js';
import { scanSnippet } from '../scan-snippet.js';

const scan = (text: string) => scanSnippet(text, [axiosDetector]);

describe('axios detector', () => {
  it('finds method helpers, config calls, params and data keys', () => {
    const { calls } = scan(`import axios from 'axios';
await axios.get('http://localhost/containers/json', { params: { all: true, filters: '{}' } });
await axios.post('http://localhost/containers/create?name=db', { Image: 'postgres', Env: [], HostConfig: { Memory: 1 } });
axios({ url: '/containers/abc/kill', method: 'post', params: { signal: 'KILL' } });
axios.request({ url: 'http://localhost/images/json', params: { 'shared-size': 1 } });
axios.delete(\`/containers/\${id}\`, { params: { force: true } });
`);
    expect(calls).toEqual([
      { call: 'GET /containers/json', at: '2:7', via: 'axios', keys: ['query:all', 'query:filters'], pinned: null },
      { call: 'POST /containers/create', at: '3:7', via: 'axios', keys: ['body:Image', 'body:Env', 'body:HostConfig', 'body:HostConfig.Memory', 'query:name'], pinned: null },
      { call: 'POST /containers/{id}/kill', at: '4:1', via: 'axios', keys: ['query:signal'], pinned: null },
      { call: 'GET /images/json', at: '5:1', via: 'axios', keys: ['query:shared-size'], pinned: null },
      { call: 'DELETE /containers/{id}', at: '6:1', via: 'axios', keys: ['query:force'], pinned: null },
    ]);
  });

  it('tracks instances from axios.create through variables and class fields, with baseURL version prefixes', () => {
    const { calls } = scan(`const axios = require('axios');
const docker = axios.create({ socketPath: '/var/run/docker.sock', baseURL: 'http://localhost/v1.43' });
docker.get('/images/library/alpine/json');
class Client {
  private http = axios.create({ socketPath: '/var/run/docker.sock' });
  private other;
  constructor() { this.other = axios.create({ baseURL: 'http://docker:2375/v1.40/' }); }
  list() { return this.http.get('/volumes', { params: { filters: '{}' } }); }
  prune() { return this.other.post('images/prune'); }
}
`);
    expect(calls).toEqual([
      { call: 'GET /images/{name}/json', at: '3:1', via: 'axios', keys: [], pinned: '1.43' },
      { call: 'GET /volumes', at: '8:19', via: 'axios', keys: ['query:filters'], pinned: null },
      { call: 'POST /images/prune', at: '9:20', via: 'axios', keys: [], pinned: '1.40' },
    ]);
  });

  it('ignores axios-looking calls on other objects and strings outside requests', () => {
    const { calls } = scan(`import axios from 'axios';
const cache = { get(k: string) { return k; } };
cache.get('/containers/json');
function f(axios: { get(u: string): void }) { axios.get('/containers/json'); }
const msg = 'calling /containers/json';
axios.get('https://api.github.com/repos');
`);
    expect(calls).toEqual([]);
  });

  it('finds nothing in a file that never mentions axios', () => {
    expect(scan(`const a = { get(u: string) {} }; a.get('/containers/json');`).calls).toEqual([]);
  });
});
