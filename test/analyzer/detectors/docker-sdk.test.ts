import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { createDockerSdkDetector, dockerSdkDetector, type OperationTarget } from '../../../src/analyzer/detectors/docker-sdk.js';
import { SPECS_DIR } from '../../helpers/specs.js';
import { detectSyntaxOnly, detectTyped, REPO_ROOT } from '../dockerode/harness.js';

const lines = (...l: string[]) => l.join('\n');

/** operationId -> endpoint, read from a real spec the way the core builds its index. */
function readOperationIds(version: string): Map<string, OperationTarget> {
  const doc = yaml.load(readFileSync(join(SPECS_DIR, `v${version}.yaml`), 'utf8')) as { paths: Record<string, Record<string, { operationId?: string }>> };
  const index = new Map<string, OperationTarget>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) if (op.operationId) index.set(op.operationId, { method: method.toUpperCase(), path });
  }
  return index;
}

const operationIds = readOperationIds('1.51');
const detector = createDockerSdkDetector(operationIds);

/** Just enough of the SDK's typings for the checker; a virtual file, never written. */
const SDK_DIR = join(REPO_ROOT, 'node_modules/@docker/node-sdk');
const SDK_FILES = {
  [join(SDK_DIR, 'package.json')]: JSON.stringify({ name: '@docker/node-sdk', types: 'index.d.ts' }),
  [join(SDK_DIR, 'index.d.ts')]: lines(
    'export declare class DockerClient {',
    '  static fromDockerConfig(): Promise<DockerClient>;',
    '  containerCreate(spec: object, options?: { name?: string; platform?: string }): Promise<{ Id: string }>;',
    '  containerList(options?: { all?: boolean }): Promise<object[]>;',
    '  containerStart(id: string): Promise<void>;',
    '  systemPing(): Promise<string>;',
    '  close(): Promise<void>;',
    '}',
  ),
};

describe('@docker/node-sdk detector', () => {
  it('maps camelCase methods to operationIds and their endpoints', () => {
    const code = lines(
      "import { DockerClient } from '@docker/node-sdk';",
      'export async function main() {',
      '  const docker = await DockerClient.fromDockerConfig();',
      "  const { Id } = await docker.containerCreate({ Image: 'alpine', HostConfig: { Init: true } }, { name: 'web' });",
      '  await docker.containerStart(Id);',
      '  await docker.containerList({ all: true });',
      '  await docker.close();',
      '}',
    );
    const expected = [
      { line: 4, column: 24, method: 'POST', path: '/containers/create', keys: ['body:HostConfig.Init'], sharedKeys: ['Image', 'HostConfig', 'name'], pinnedVersion: null },
      { line: 5, column: 9, method: 'POST', path: '/containers/{id}/start', keys: [], sharedKeys: [], pinnedVersion: null },
      { line: 6, column: 9, method: 'GET', path: '/containers/json', keys: [], sharedKeys: ['all'], pinnedVersion: null },
    ];
    expect(detectSyntaxOnly(detector, code)).toEqual(expected);
    expect(detectTyped(detector, code, SDK_FILES)).toEqual(expected);
  });

  it('recognizes new DockerClient(), typed parameters and class fields', () => {
    const code = lines(
      "import * as sdk from '@docker/node-sdk';",
      'const client = new sdk.DockerClient(agent);',
      'client.systemPing();',
      'function f(c: sdk.DockerClient) { return c.systemPing(); }',
      'class S { constructor(private readonly d: sdk.DockerClient) {} go() { return this.d.systemPing(); } }',
      'declare const agent: any;',
    );
    const expected = [
      { line: 3, column: 1, method: 'HEAD', path: '/_ping', keys: [], sharedKeys: [], pinnedVersion: null },
      { line: 4, column: 42, method: 'HEAD', path: '/_ping', keys: [], sharedKeys: [], pinnedVersion: null },
      { line: 5, column: 78, method: 'HEAD', path: '/_ping', keys: [], sharedKeys: [], pinnedVersion: null },
    ];
    // The spec's SystemPingHead is HEAD /_ping; SystemPing is GET: both exist, the name decides.
    const pingIndex = new Map(operationIds);
    pingIndex.set('SystemPing', { method: 'HEAD', path: '/_ping' });
    const d = createDockerSdkDetector(pingIndex);
    expect(detectSyntaxOnly(d, code)).toEqual(expected);
    expect(detectTyped(d, code, SDK_FILES)).toEqual(expected);
  });

  it('ignores look-alike clients and names that are no operation', () => {
    const code = lines(
      'class DockerClient { containerList() { return []; } }',
      'const docker = new DockerClient();',
      'docker.containerList();',
      "import { DockerClient as Real } from '@docker/node-sdk';",
      'declare const real: Real;',
      'real.notAnOperation();',
    );
    expect(detectSyntaxOnly(detector, code)).toEqual([]);
  });

  it('takes the operationId index from the detector context when not given one', () => {
    const code = lines("import { DockerClient } from '@docker/node-sdk';", 'new DockerClient(a).systemInfo();', 'declare const a: any;');
    expect(detectSyntaxOnly(dockerSdkDetector, code)).toEqual([]);
    expect(detectSyntaxOnly(dockerSdkDetector, code, 'snippet.ts', { operationIds })).toEqual([
      { line: 2, column: 1, method: 'GET', path: '/info', keys: [], sharedKeys: [], pinnedVersion: null },
    ]);
  });
});
