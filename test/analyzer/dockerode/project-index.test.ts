import { describe, expect, it } from 'vitest';
import { createDockerodeDetector } from '../../../src/analyzer/detectors/dockerode.js';
import { DockerodeProjectIndex } from '../../../src/analyzer/dockerode/project-index.js';
import { ProjectSources } from '../../../src/analyzer/project/project-sources.js';
import { detectSyntaxOnly } from './harness.js';

const lines = (...l: string[]) => l.join('\n');

/** Runs the project-bound detector on `file` of an in-memory project, syntax only. */
function detectIn(files: Record<string, string>, file: string) {
  const index = new DockerodeProjectIndex(new ProjectSources(Object.entries(files)));
  return detectSyntaxOnly(createDockerodeDetector(index), files[file]!, file).map(
    (c) => `${c.line}:${c.column} ${c.method} ${c.path} [${[...c.keys, ...c.sharedKeys.map((k) => `shared:${k}`)].join(' ')}] ${c.pinnedVersion ?? '-'}`,
  );
}

describe('dockerode project index: clients created in one module, used in another, without types', () => {
  it('an exported const, imported as ./docker and ./docker.js', () => {
    const files = {
      '/p/src/docker.ts': lines("import Docker from 'dockerode';", "export const docker = new Docker({ socketPath: '/var/run/docker.sock', version: 'v1.43' });"),
      '/p/src/containers.ts': lines(
        "import { docker } from './docker';",
        "import { docker as again } from './docker.js';",
        'export const list = () => docker.listContainers({ all: true });',
        'export const info = () => again.info();',
      ),
    };
    expect(detectIn(files, '/p/src/containers.ts')).toEqual(['3:27 GET /containers/json [query:all] 1.43', '4:27 GET /info [] 1.43']);
  });

  it('a default-exported client from a folder index, reached as ../lib/docker, ../lib/docker/index.js and ../lib/docker/index.ts', () => {
    const files = {
      '/p/lib/docker/index.ts': lines("import Docker from 'dockerode';", "export default new Docker({ version: 'v1.41' });"),
      '/p/src/a.ts': lines("import docker from '../lib/docker';", "docker.getImage('alpine').history();"),
      '/p/src/b.ts': lines("import client from '../lib/docker/index.js';", 'client.ping();'),
      '/p/src/c.ts': lines("import client from '../lib/docker/index.ts';", 'client.version();'),
    };
    expect(detectIn(files, '/p/src/a.ts')).toEqual(['2:1 GET /images/{name}/history [] 1.41']);
    expect(detectIn(files, '/p/src/b.ts')).toEqual(['2:1 GET /_ping [] 1.41']);
    expect(detectIn(files, '/p/src/c.ts')).toEqual(['2:1 GET /version [] 1.41']);
  });

  it('exported factories: a function declaration, an arrow, a default export, and what they return', () => {
    const files = {
      '/p/src/docker.ts': lines(
        "import Dockerode from 'dockerode';",
        "const options = { version: 'v1.44' };",
        'export function getDocker() { return new Dockerode(options); }',
        'export const container = (id: string) => getDocker().getContainer(id);',
        'export default function () { return new Dockerode(); }',
      ),
      '/p/src/use.ts': lines(
        "import makeDocker, { getDocker, container } from './docker';",
        'getDocker().listImages();',
        "container('web').stop();",
        'makeDocker().df();',
      ),
    };
    expect(detectIn(files, '/p/src/use.ts')).toEqual(['2:1 GET /images/json [] 1.44', '3:1 POST /containers/{id}/stop [] 1.44', '4:1 GET /system/df [] -']);
  });

  it('re-exports through barrels (named, renamed, export *) and namespace imports', () => {
    const files = {
      '/p/src/infra/docker.ts': lines("import Docker from 'dockerode';", 'const docker = new Docker();', 'export { docker };'),
      '/p/src/infra/index.ts': lines("export * from './docker';", "export { docker as engine } from './docker.js';"),
      '/p/src/app.ts': lines(
        "import { docker, engine } from './infra';",
        "import * as infra from './infra/index';",
        'docker.listNetworks();',
        'engine.listVolumes();',
        'infra.docker.listServices();',
      ),
    };
    expect(detectIn(files, '/p/src/app.ts')).toEqual(['3:1 GET /networks [] -', '4:1 GET /volumes [] -', '5:1 GET /services [] -']);
  });

  it('CommonJS: module.exports = client, = factory, = { client }, exports.name =, and require() forms', () => {
    const files = {
      '/p/lib/client.js': lines("const Docker = require('dockerode');", "module.exports = new Docker({ version: 'v1.40' });"),
      '/p/lib/factory.js': lines("const Docker = require('dockerode');", 'module.exports = function docker() { return new Docker(); };'),
      '/p/lib/object.js': lines("const Docker = require('dockerode');", 'const docker = new Docker();', 'module.exports = { docker };'),
      '/p/lib/named.js': lines("const Docker = require('dockerode');", 'exports.engine = new Docker();'),
      '/p/app.js': lines(
        "const client = require('./lib/client');",
        "const makeDocker = require('./lib/factory.js');",
        "const { docker } = require('./lib/object');",
        "const named = require('./lib/named');",
        'client.listContainers();',
        'makeDocker().listImages();',
        'docker.listVolumes();',
        'named.engine.listNetworks();',
        "require('./lib/client').ping();",
      ),
    };
    expect(detectIn(files, '/p/app.js')).toEqual([
      '5:1 GET /containers/json [] 1.40',
      '6:1 GET /images/json [] -',
      '7:1 GET /volumes [] -',
      '8:1 GET /networks [] -',
      '9:1 GET /_ping [] 1.40',
    ]);
  });

  it('an exported Container or Exec is followed like a client', () => {
    const files = {
      '/p/src/web.ts': lines("import Docker from 'dockerode';", 'const docker = new Docker();', "export const web = docker.getContainer('web');"),
      '/p/src/use.ts': lines("import { web } from './web';", 'web.restart();'),
    };
    expect(detectIn(files, '/p/src/use.ts')).toEqual(['2:1 POST /containers/{id}/restart [] -']);
  });

  it('reports nothing for exports that are not dockerode objects, bare packages, missing files and cycles', () => {
    const files = {
      '/p/src/fake.ts': lines('class Fake { listContainers() { return []; } }', 'export const docker = new Fake();', 'export function getDocker() { return docker; }'),
      '/p/src/a.ts': lines("export { x } from './b';", "export * from './a';"),
      '/p/src/b.ts': lines("export { x } from './a';"),
      '/p/src/use.ts': lines(
        "import { docker, getDocker } from './fake';",
        "import { docker as pkg } from 'docker-lib';",
        "import { docker as missing } from './missing';",
        "import { x } from './a';",
        'docker.listContainers();',
        'getDocker().listContainers();',
        'pkg.listContainers();',
        'missing.listContainers();',
        'x.listContainers();',
      ),
    };
    expect(detectIn(files, '/p/src/use.ts')).toEqual([]);
  });

  it('names the words a file importing an indexed module must contain, barrels included', () => {
    const sources = new ProjectSources([
      ['/p/src/docker-client.ts', "import Docker from 'dockerode'; export const docker = new Docker();"],
      ['/p/src/infra/index.ts', "export * from '../docker-client.js';"],
      ['/p/src/top.ts', "export { docker } from './infra';"],
      ['/p/src/other.ts', "export { x } from './elsewhere';"],
      ['/p/src/plain.ts', 'export const y = 1;'],
    ]);
    expect(new DockerodeProjectIndex(sources).findTriggerWords().sort()).toEqual(['docker-client', 'dockerode', 'infra', 'top']);
    expect(new DockerodeProjectIndex(new ProjectSources([['/p/a.ts', 'export const a = 1;']])).findTriggerWords()).toEqual([]);
  });
});
