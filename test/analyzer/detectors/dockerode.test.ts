import { describe, expect, it } from 'vitest';
import { dockerodeDetector } from '../../../src/analyzer/detectors/dockerode.js';
import { detectSyntaxOnly, detectTyped, type Observed } from '../dockerode/harness.js';

const lines = (...l: string[]) => l.join('\n');

/** Both modes must agree; returns the syntax-only records for the assertions. */
function detectBoth(code: string): Observed[] {
  const plain = detectSyntaxOnly(dockerodeDetector, code);
  const typed = detectTyped(dockerodeDetector, code);
  expect(typed).toEqual(plain);
  return plain;
}

describe('dockerode detector', () => {
  it('maps container.logs to GET /containers/{id}/logs with query keys', () => {
    const code = lines(
      "import Docker from 'dockerode';",
      'const docker = new Docker();',
      'async function main(id: string) {',
      '  const container = docker.getContainer(id);',
      '  await container.logs({ stdout: true, tail: 10 });',
      '}',
    );
    expect(detectBoth(code)).toEqual([
      { line: 5, column: 9, method: 'GET', path: '/containers/{id}/logs', keys: ['query:stdout', 'query:tail'], sharedKeys: [], pinnedVersion: null },
    ]);
  });

  it('getContainer alone sends nothing', () => {
    const code = lines("import Docker from 'dockerode';", 'const docker = new Docker();', "const c = docker.getContainer('x');");
    expect(detectBoth(code)).toEqual([]);
  });

  it('createContainer: top-level keys shared between query and body, nested keys in the body, auth stripped', () => {
    const code = lines(
      "import Docker from 'dockerode';",
      'const docker = new Docker();',
      'export async function run() {',
      '  const c = await docker.createContainer({',
      "    Image: 'alpine', name: 'web', authconfig: { username: 'u' },",
      "    HostConfig: { CgroupnsMode: 'private' },",
      '  });',
      '  await c.start();',
      '}',
    );
    expect(detectBoth(code)).toEqual([
      {
        line: 4,
        column: 19,
        method: 'POST',
        path: '/containers/create',
        keys: ['body:HostConfig.CgroupnsMode'],
        sharedKeys: ['Image', 'name', 'HostConfig'],
        pinnedVersion: null,
      },
      { line: 8, column: 9, method: 'POST', path: '/containers/{id}/start', keys: [], sharedKeys: [], pinnedVersion: null },
    ]);
  });

  it('honours _query and _body as docker-modem splits them', () => {
    const code = lines(
      "import Docker from 'dockerode';",
      'const docker = new Docker();',
      "docker.createContainer({ _query: { name: 'web' }, _body: { Image: 'alpine', HostConfig: { Init: true } } });",
    );
    expect(detectBoth(code)).toEqual([
      {
        line: 3,
        column: 1,
        method: 'POST',
        path: '/containers/create',
        keys: ['query:name', 'body:Image', 'body:HostConfig', 'body:HostConfig.Init'],
        sharedKeys: [],
        pinnedVersion: null,
      },
    ]);
  });

  it('pins the version from the client options, through factories and awaited results', () => {
    const code = lines(
      "import Dockerode = require('dockerode');",
      "const VERSION = 'v1.41';",
      'const docker = new Dockerode({ socketPath: "/var/run/docker.sock", version: VERSION });',
      'async function f() {',
      "  const exec = await docker.getContainer('a').exec({ Cmd: ['ls'], AttachStdout: true });",
      '  await exec.start({ Detach: false });',
      '}',
    );
    expect(detectBoth(code)).toEqual([
      { line: 5, column: 22, method: 'POST', path: '/containers/{id}/exec', keys: ['body:Cmd', 'body:AttachStdout'], sharedKeys: [], pinnedVersion: '1.41' },
      { line: 6, column: 9, method: 'POST', path: '/exec/{id}/start', keys: ['body:Detach'], sharedKeys: [], pinnedVersion: '1.41' },
    ]);
  });

  it('tracks class fields: constructor assignment, initializer, typed field and parameter property', () => {
    const code = lines(
      "import Docker from 'dockerode';",
      'class A {',
      '  private docker: Docker;',
      "  constructor() { this.docker = new Docker({ version: 'v1.43' }); }",
      '  ping() { return this.docker.ping(); }',
      '}',
      'class B {',
      '  docker = new Docker();',
      '  list() { return this.docker.listContainers({ all: true }); }',
      '}',
      'class C {',
      '  constructor(private readonly docker: Docker) {}',
      '  info() { return this.docker.info(); }',
      '}',
      'class D {',
      '  private client!: Docker.Container;',
      '  stop() { return this.client.stop({ t: 5 }); }',
      '}',
    );
    expect(detectBoth(code)).toEqual([
      { line: 5, column: 19, method: 'GET', path: '/_ping', keys: [], sharedKeys: [], pinnedVersion: '1.43' },
      { line: 9, column: 19, method: 'GET', path: '/containers/json', keys: ['query:all'], sharedKeys: [], pinnedVersion: null },
      { line: 13, column: 19, method: 'GET', path: '/info', keys: [], sharedKeys: [], pinnedVersion: null },
      { line: 17, column: 19, method: 'POST', path: '/containers/{id}/stop', keys: [], sharedKeys: ['t'], pinnedVersion: null },
    ]);
  });

  it('follows then-callbacks, node-style callbacks and typed parameters', () => {
    const code = lines(
      "import Docker, { Volume } from 'dockerode';",
      'const docker = new Docker();',
      "docker.createVolume({ Name: 'v' }).then((volume) => volume.remove());",
      "docker.createNetwork({ Name: 'n' }, (err, network) => { network.connect({ Container: 'c' }); });",
      'function inspect(v: Volume) { return v.inspect(); }',
    );
    expect(detectBoth(code)).toEqual([
      { line: 3, column: 1, method: 'POST', path: '/volumes/create', keys: [], sharedKeys: ['Name'], pinnedVersion: null },
      { line: 3, column: 53, method: 'DELETE', path: '/volumes/{name}', keys: [], sharedKeys: [], pinnedVersion: null },
      { line: 4, column: 1, method: 'POST', path: '/networks/create', keys: [], sharedKeys: ['Name'], pinnedVersion: null },
      { line: 4, column: 57, method: 'POST', path: '/networks/{id}/connect', keys: ['body:Container'], sharedKeys: [], pinnedVersion: null },
      { line: 5, column: 38, method: 'GET', path: '/volumes/{name}', keys: [], sharedKeys: [], pinnedVersion: null },
    ]);
  });

  it('maps delegating methods (pull -> POST /images/create) with the keys dockerode adds', () => {
    const code = lines(
      "import * as Docker from 'dockerode';",
      'const docker = new Docker();',
      "docker.pull('alpine:3', { platform: 'linux/amd64' });",
      "docker.createImage({ fromImage: 'x' });",
    );
    expect(detectBoth(code)).toEqual([
      { line: 3, column: 1, method: 'POST', path: '/images/create', keys: [], sharedKeys: ['platform', 'fromImage', 'tag'], pinnedVersion: null },
      { line: 4, column: 1, method: 'POST', path: '/images/create', keys: [], sharedKeys: ['fromImage'], pinnedVersion: null },
    ]);
  });

  it('drops options dockerode does not send (GET without a query string)', () => {
    const code = lines("import Docker from 'dockerode';", 'const docker = new Docker();', "docker.getImage('alpine').inspect({ manifests: true });");
    expect(detectBoth(code)).toEqual([{ line: 3, column: 1, method: 'GET', path: '/images/{name}/json', keys: [], sharedKeys: [], pinnedVersion: null }]);
  });

  it('ignores a variable named docker that is not a dockerode client', () => {
    const code = lines(
      'class Fake { listContainers(_o?: object) { return []; } getContainer(_id: string) { return { start() {} }; } }',
      'const docker = new Fake();',
      'docker.listContainers({ all: true });',
      "docker.getContainer('x').start();",
      "const dockerode = { ping() {} }; dockerode.ping();",
    );
    expect(detectBoth(code)).toEqual([]);
  });

  it('works with require() in JavaScript', () => {
    const code = lines(
      "const Docker = require('dockerode');",
      "const docker = new Docker({ version: 'v1.24' });",
      "docker.getContainer('a').remove({ force: true, v: true });",
    );
    expect(detectSyntaxOnly(dockerodeDetector, code, 'snippet.js')).toEqual([
      { line: 3, column: 1, method: 'DELETE', path: '/containers/{id}', keys: ['query:force', 'query:v'], sharedKeys: [], pinnedVersion: '1.24' },
    ]);
  });

  it('survives cyclic bindings', () => {
    const code = lines("import Docker from 'dockerode';", 'let a: any = b; let b: any = a;', 'a.ping();');
    expect(detectSyntaxOnly(dockerodeDetector, code)).toEqual([]);
  });
});

describe('dockerode detector, real-world shapes', () => {
  it('client options from a variable still pin the version', () => {
    const code = lines(
      "import Dockerode from 'dockerode';",
      "const opts = { socketPath: '/var/run/docker.sock', version: 'v1.41' };",
      'const docker = new Dockerode(opts);',
      'docker.listContainers({ all: true });',
    );
    expect(detectBoth(code)).toEqual([
      { line: 4, column: 1, method: 'GET', path: '/containers/json', keys: ['query:all'], sharedKeys: [], pinnedVersion: '1.41' },
    ]);
  });

  it('factory functions by what they return: declarations, arrows, async, and a declared Promise<T>', () => {
    const code = lines(
      "import Docker from 'dockerode';",
      "function getDocker() { if (process.env.X) { return new Docker({ version: 'v1.44' }); } return new Docker({ version: 'v1.44' }); }",
      'const quick = () => new Docker();',
      'async function findContainer(id: string) { return getDocker().getContainer(id); }',
      'declare function lookUp(id: string): Promise<Docker.Volume>;',
      'export async function main() {',
      '  await getDocker().ping();',
      '  await quick().info();',
      '  await (await findContainer("web")).restart({ t: 3 });',
      '  await (await lookUp("data")).inspect();',
      '}',
    );
    expect(detectBoth(code)).toEqual([
      { line: 7, column: 9, method: 'GET', path: '/_ping', keys: [], sharedKeys: [], pinnedVersion: '1.44' },
      { line: 8, column: 9, method: 'GET', path: '/info', keys: [], sharedKeys: [], pinnedVersion: null },
      { line: 9, column: 9, method: 'POST', path: '/containers/{id}/restart', keys: [], sharedKeys: ['t'], pinnedVersion: '1.44' },
      { line: 10, column: 9, method: 'GET', path: '/volumes/{name}', keys: [], sharedKeys: [], pinnedVersion: null },
    ]);
  });

  it('a function returning something else is not a client', () => {
    const code = lines("import Docker from 'dockerode';", 'function notDocker() { return { ping() {} }; }', 'notDocker().ping();', 'function recurse(): any { return recurse(); }', 'recurse().ping();');
    expect(detectBoth(code)).toEqual([]);
  });

  it('getContainer(id).inspect() chains, Promise.all over ids, and a stored Container used elsewhere', () => {
    const code = lines(
      "import Docker from 'dockerode';",
      'const docker = new Docker();',
      'let current: Docker.Container | undefined;',
      'export async function removeAll(ids: string[]) {',
      '  await Promise.all(ids.map((id) => docker.getContainer(id).remove({ force: true })));',
      '}',
      'export function pick(id: string) { current = docker.getContainer(id); return docker.getContainer(id).inspect(); }',
      'export async function stopCurrent() { await current?.stop(); }',
    );
    expect(detectBoth(code)).toEqual([
      { line: 5, column: 37, method: 'DELETE', path: '/containers/{id}', keys: ['query:force'], sharedKeys: [], pinnedVersion: null },
      { line: 7, column: 78, method: 'GET', path: '/containers/{id}/json', keys: [], sharedKeys: [], pinnedVersion: null },
      { line: 8, column: 45, method: 'POST', path: '/containers/{id}/stop', keys: [], sharedKeys: [], pinnedVersion: null },
    ]);
  });

  it('callbacks: listContainers((err, list) => ...), pull(image, cb), getEvents({filters})', () => {
    const code = lines(
      "const Docker = require('dockerode');",
      'const docker = new Docker();',
      'docker.listContainers((err, list) => {',
      '  for (const info of list) docker.getContainer(info.Id).kill(() => {});',
      '});',
      "docker.pull('alpine:3.20', { platform: 'linux/arm64' }, (err, stream) => docker.modem.followProgress(stream, () => {}));",
      "docker.getEvents({ filters: { type: ['container'] } }, (err, stream) => {});",
    );
    expect(detectSyntaxOnly(dockerodeDetector, code, 'snippet.js')).toEqual([
      { line: 3, column: 1, method: 'GET', path: '/containers/json', keys: [], sharedKeys: [], pinnedVersion: null },
      { line: 4, column: 28, method: 'POST', path: '/containers/{id}/kill', keys: [], sharedKeys: [], pinnedVersion: null },
      { line: 6, column: 1, method: 'POST', path: '/images/create', keys: [], sharedKeys: ['platform', 'fromImage', 'tag'], pinnedVersion: null },
      { line: 7, column: 1, method: 'GET', path: '/events', keys: ['query:filters'], sharedKeys: [], pinnedVersion: null },
    ]);
  });

  it('exec then start with hijack and stdin', () => {
    const code = lines(
      "import Docker from 'dockerode';",
      'export async function shell(docker: Docker, id: string) {',
      '  const container = docker.getContainer(id);',
      "  const exec = await container.exec({ Cmd: ['sh'], AttachStdin: true, AttachStdout: true });",
      '  const stream = await exec.start({ hijack: true, stdin: true });',
      '  return exec.inspect();',
      '}',
    );
    expect(detectBoth(code)).toEqual([
      { line: 4, column: 22, method: 'POST', path: '/containers/{id}/exec', keys: ['body:Cmd', 'body:AttachStdin', 'body:AttachStdout'], sharedKeys: [], pinnedVersion: null },
      { line: 5, column: 24, method: 'POST', path: '/exec/{id}/start', keys: ['body:hijack', 'body:stdin'], sharedKeys: [], pinnedVersion: null },
      { line: 6, column: 10, method: 'GET', path: '/exec/{id}/json', keys: [], sharedKeys: [], pinnedVersion: null },
    ]);
  });

  it("docker.run: the create request, and the Container it gives (awaited pair, then-pair, callback)", () => {
    const code = lines(
      "import Docker from 'dockerode';",
      "const docker = new Docker({ version: 'v1.45' });",
      'export async function once() {',
      "  const [output, container] = await docker.run('alpine', ['true'], process.stdout, { HostConfig: { AutoRemove: false } });",
      '  await container.remove();',
      "  docker.run('alpine', [], process.stdout).then(([, c]) => c.inspect());",
      "  docker.run('alpine', [], process.stdout, {}, (err: unknown, data: unknown, c: any) => c.wait());",
      '}',
    );
    const found = detectBoth(code);
    expect(found.map((c) => `${c.line}:${c.column} ${c.method} ${c.path} ${c.pinnedVersion}`)).toEqual([
      '4:37 POST /containers/create 1.45',
      '5:9 DELETE /containers/{id} 1.45',
      '6:3 POST /containers/create 1.45',
      '6:60 GET /containers/{id}/json 1.45',
      '7:3 POST /containers/create 1.45',
      '7:89 POST /containers/{id}/wait 1.45',
    ]);
    expect(found[0]!.keys).toEqual(['body:HostConfig.AutoRemove']);
  });

  it('a constructor parameter assigned to a field, and a parameter typed with a named import', () => {
    const code = lines(
      "import Docker, { type Container } from 'dockerode';",
      'export class Images {',
      '  private readonly docker: Docker;',
      '  constructor(docker: Docker) { this.docker = docker; }',
      "  prune() { return this.docker.pruneImages({ filters: { dangling: ['true'] } }); }",
      '}',
      'export function logs(c: Container) { return c.logs({ follow: false, stdout: true }); }',
    );
    expect(detectBoth(code)).toEqual([
      { line: 5, column: 20, method: 'POST', path: '/images/prune', keys: ['body:filters.dangling'], sharedKeys: ['filters'], pinnedVersion: null },
      { line: 7, column: 45, method: 'GET', path: '/containers/{id}/logs', keys: ['query:follow', 'query:stdout'], sharedKeys: [], pinnedVersion: null },
    ]);
  });
});

describe('dockerode detector, typed mode only', () => {
  it('resolves receivers the syntax cannot follow through their @types/dockerode type', () => {
    const code = lines(
      "import Docker from 'dockerode';",
      'declare const registry: { lookUp(id: string): Promise<Docker.Container> };',
      'export async function f() {',
      "  const c = await registry.lookUp('web');",
      '  await c.top({ ps_args: "aux" });',
      '}',
    );
    expect(detectSyntaxOnly(dockerodeDetector, code)).toEqual([]);
    expect(detectTyped(dockerodeDetector, code)).toEqual([
      { line: 5, column: 9, method: 'GET', path: '/containers/{id}/top', keys: ['query:ps_args'], sharedKeys: [], pinnedVersion: null },
    ]);
  });
});
