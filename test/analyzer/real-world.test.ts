import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanFiles, type ScanOutcome } from '../../src/analyzer/scan.js';
import { loadEmbeddedHistory } from '../../src/db/embedded.js';
import type { ApiHistory } from '../../src/model/history.js';
import { REPO_ROOT } from '../helpers/specs.js';

const PROJECTS = path.join(REPO_ROOT, 'test/fixtures/projects');

/** Everything a call record says, position included: `file:line:column METHOD /path via [keys] pinned`. */
function summarize(result: ScanOutcome, root: string): string[] {
  return result.calls.map(
    (c) =>
      `${path.relative(root, c.location.file)}:${c.location.line}:${c.location.column} ${c.method} ${c.path} ${c.via} [${c.keys.map((k) => `${k.in}:${k.name}`).join(' ')}] ${c.pinnedVersion ?? '-'}`,
  );
}

let history: ApiHistory;
beforeAll(() => {
  // The real history: every template, and the query parameter names that file dockerode's shared keys.
  history = loadEmbeddedHistory();
});

describe('dockerode-app: a client module, a barrel, factories, a service class, CommonJS, across files', () => {
  const root = path.join(PROJECTS, 'dockerode-app');
  const expected = [
    // `docker` imported from ./docker.js, pinned by the options object there
    'src/containers.ts:5:10 GET /containers/json dockerode [query:all query:filters] 1.43',
    'src/containers.ts:9:10 GET /containers/{id}/json dockerode [] 1.43',
    'src/containers.ts:13:37 DELETE /containers/{id} dockerode [query:force query:v] 1.43',
    // a parameter typed Docker.Container through a type-only default import
    'src/containers.ts:17:9 POST /containers/{id}/stop dockerode [query:t] -',
    'src/containers.ts:18:10 POST /containers/{id}/wait dockerode [query:condition] -',
    // constructor(private readonly docker: Docker), getContainer, exec, start with hijack
    'src/exec.ts:8:24 POST /containers/{id}/exec dockerode [body:Cmd body:AttachStdin body:AttachStdout body:AttachStderr] -',
    'src/exec.ts:9:26 POST /exec/{id}/start dockerode [body:hijack body:stdin] -',
    'src/exec.ts:10:32 GET /exec/{id}/json dockerode [] -',
    // createDocker() re-exported by engine/index.ts: pull with a callback, pinned by the factory's options
    'src/images.ts:7:5 POST /images/create dockerode [query:platform query:fromImage query:tag] 1.41',
    // the default-exported client's modem, through the barrel's `default as localClient`
    'src/images.ts:15:3 GET /images/json docker-modem [query:filters] -',
    // namespace import of the barrel: run's create request, the Container it gives, events
    'src/jobs.ts:4:37 POST /containers/create dockerode [body:HostConfig.AutoRemove body:HostConfig body:AttachStderr body:AttachStdin body:AttachStdout body:Cmd body:Env body:Hostname body:Image body:OpenStdin body:StdinOnce body:Tty body:User body:Volumes body:VolumesFrom] 1.43',
    'src/jobs.ts:5:9 DELETE /containers/{id} dockerode [] 1.43',
    'src/jobs.ts:10:24 GET /events dockerode [query:filters] 1.43',
    // CommonJS: module.exports = new Docker(...) required from another .cjs file
    'src/report.cjs:5:3 GET /images/json dockerode [query:all] 1.24',
  ];

  it('typed: the expected calls', async () => {
    const result = await scanFiles({ paths: [root], cwd: root, history });
    expect(result.typed).toBe(true);
    expect(result.notices).toEqual([]);
    expect(summarize(result, root)).toEqual(expected);
  });

  it('syntax only: the same calls, positions, keys and pinned versions', async () => {
    const result = await scanFiles({ paths: [root], cwd: root, history, noTypes: true });
    expect(result.typed).toBe(false);
    expect(summarize(result, root)).toEqual(expected);
  });

  it('only the scanned files are followed: a module outside the scan exports nothing', async () => {
    const result = await scanFiles({ paths: [path.join(root, 'src/containers.ts')], cwd: root, history, noTypes: true });
    expect(summarize(result, root)).toEqual(expected.filter((line) => /^src\/containers\.ts:1[78]:/.test(line)));
  });
});

describe('real-world: shapes from public dockerode users (JavaScript and TypeScript, bundler resolution)', () => {
  const root = path.join(PROJECTS, 'real-world');
  const expected = [
    // CommonJS client module: `module.exports = docker` and `module.exports.getClient`
    'lib/prune.js:5:3 POST /containers/prune dockerode [body:filters.until query:filters] 1.40',
    'lib/prune.js:7:5 POST /images/prune dockerode [body:filters.dangling query:filters] 1.40',
    // `export default new Docker(...)` in infrastructure/dockerode/index.js, imported without extension
    'src/resolvers/containers.js:4:43 GET /containers/json dockerode [query:all query:size] -',
    'src/resolvers/containers.js:5:41 GET /containers/{id}/json dockerode [query:size] -',
    'src/resolvers/containers.js:7:11 POST /containers/{id}/start dockerode [] -',
    'src/resolvers/containers.js:10:42 GET /containers/{id}/logs dockerode [query:stdout query:stderr query:tail query:timestamps] -',
    // an untyped field assigned in the constructor
    'src/services/docker.service.ts:11:26 POST /images/create dockerode [query:fromImage query:tag] -',
    'src/services/docker.service.ts:18:12 GET /networks dockerode [query:filters] -',
    // an exported async arrow returning a Container, awaited into a variable and inline
    'src/services/lifecycle.ts:5:9 POST /containers/{id}/restart dockerode [query:t] -',
    'src/services/lifecycle.ts:9:10 GET /containers/{id}/top dockerode [query:ps_args] -',
    // an exported client alias: create, attach, start, wait, remove
    'src/workers/runner.ts:5:27 POST /containers/create dockerode [body:HostConfig.Memory body:HostConfig.NetworkMode body:Image body:Cmd body:Env body:Tty body:HostConfig] -',
    'src/workers/runner.ts:12:24 POST /containers/{id}/attach dockerode [query:stream query:stdout query:stderr] -',
    'src/workers/runner.ts:13:9 POST /containers/{id}/start dockerode [] -',
    'src/workers/runner.ts:14:32 POST /containers/{id}/wait dockerode [] -',
    'src/workers/runner.ts:15:9 DELETE /containers/{id} dockerode [query:v] -',
    // a Docker parameter: events and pull with callbacks
    'src/workers/runner.ts:20:3 GET /events dockerode [query:filters] -',
    'src/workers/runner.ts:28:5 POST /images/create dockerode [query:fromImage query:tag] -',
  ];

  it('typed: the expected calls', async () => {
    const result = await scanFiles({ paths: [root], cwd: root, history });
    expect(result.typed).toBe(true);
    expect(result.notices).toEqual([]);
    expect(summarize(result, root)).toEqual(expected);
  });

  it('syntax only: the same calls', async () => {
    const result = await scanFiles({ paths: [root], cwd: root, history, noTypes: true });
    expect(summarize(result, root)).toEqual(expected);
  });
});
