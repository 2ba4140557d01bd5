import { describe, expect, it } from 'vitest';
import { dockerModemDetector } from '../../../src/analyzer/detectors/docker-modem.js';
import { scanSnippet } from '../scan-snippet.js';

const scan = (text: string) => scanSnippet(text, [dockerModemDetector]);

describe('docker-modem detector', () => {
  it('finds dial on a Modem instance with its pinned version and query options', () => {
    const { calls } = scan(`import Modem from 'docker-modem';
const modem = new Modem({ socketPath: '/var/run/docker.sock', version: 'v1.41' });
modem.dial({ path: '/containers/json?', method: 'GET', options: { all: true, size: false }, statusCodes: { 200: true } }, cb);
modem.dial({ path: '/containers/' + id + '/stop?', method: 'POST', options: { _query: { t: 5 }, _body: {} } }, cb);
`);
    expect(calls).toEqual([
      { call: 'GET /containers/json', at: '3:1', via: 'docker-modem', keys: ['query:all', 'query:size'], pinned: '1.41' },
      { call: 'POST /containers/{id}/stop', at: '4:1', via: 'docker-modem', keys: ['query:t'], pinned: '1.41' },
    ]);
  });

  it('finds dial on any .modem, taking the version from the owner and options as the body of a POST', () => {
    const { calls } = scan(`const Docker = require('dockerode');
const docker = new Docker({ version: 'v1.40' });
docker.modem.dial({ path: '/networks/create', method: 'POST', options: { Name: 'n', IPAM: { Driver: 'default' } } }, cb);
class Thing { constructor(private docker: any) {} go() { this.docker.modem.dial({ path: '/images/{name}/json', method: 'GET' }, cb); } }
`);
    expect(calls).toEqual([
      { call: 'POST /networks/create', at: '3:1', via: 'docker-modem', keys: ['body:Name', 'body:IPAM', 'body:IPAM.Driver'], pinned: '1.40' },
      { call: 'GET /images/{name}/json', at: '4:58', via: 'docker-modem', keys: [], pinned: null },
    ]);
  });

  it('files options sent both ways (POST, path with ?) by the spec when there is one, else as body', () => {
    const { calls } = scan(`const docker = { modem: getModem() };
docker.modem.dial({ path: '/containers/create?', method: 'POST', options: { name: 'web', Image: 'nginx' } }, cb);
`);
    expect(calls[0]!.keys).toEqual(['body:name', 'body:Image']);
  });

  it('ignores dial on things that are not modems', () => {
    const { calls } = scan(`const phone = { dial(o: unknown) {} };
phone.dial({ path: '/containers/json?', method: 'GET' });
`);
    expect(calls).toEqual([]);
  });
});
