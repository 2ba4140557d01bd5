import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../../src/analyzer/detectors/index.js';
import { dockerodeDetector } from '../../../src/analyzer/detectors/dockerode.js';
import { DockerodeProjectIndex } from '../../../src/analyzer/dockerode/project-index.js';
import { bindProjectDetectors, mayImportProjectModule } from '../../../src/analyzer/project/project-detectors.js';
import { ProjectSources } from '../../../src/analyzer/project/project-sources.js';
import { scanSnippet } from '../scan-snippet.js';

describe('bindProjectDetectors', () => {
  it('replaces the dockerode detector with one whose triggers include the client modules', () => {
    const files = new Map([
      ['/p/src/docker.ts', "import Docker from 'dockerode'; export const docker = new Docker();"],
      ['/p/src/use.ts', "import { docker } from './docker'; docker.ping();"],
    ]);
    const bound = bindProjectDetectors(DETECTORS, files);
    expect(bound).toHaveLength(DETECTORS.length);
    expect(bound).not.toContain(dockerodeDetector);
    const replaced = bound.find((d) => d.via === 'dockerode')!;
    expect(replaced.triggers).toEqual(['dockerode', 'docker']);
    expect(bound.filter((d) => d.via !== 'dockerode')).toEqual(DETECTORS.filter((d) => d.via !== 'dockerode'));
  });

  it('leaves the detectors alone when no file mentions dockerode, or when dockerode is not among them', () => {
    const files = new Map([['/p/a.ts', "import { x } from './b'; x.ping();"]]);
    expect(bindProjectDetectors(DETECTORS, files)).toEqual(DETECTORS);
    const others = DETECTORS.filter((d) => d !== dockerodeDetector);
    expect(bindProjectDetectors(others, new Map([['/p/d.ts', "import 'dockerode';"]]))).toEqual(others);
  });

  it('tells which texts may import another file of the project', () => {
    expect(mayImportProjectModule("import { docker } from './docker';")).toBe(true);
    expect(mayImportProjectModule("import docker from '../lib/docker/index.js'")).toBe(true);
    expect(mayImportProjectModule("const docker = require('./docker');")).toBe(true);
    expect(mayImportProjectModule("export * from './docker';")).toBe(true);
    expect(mayImportProjectModule("const m = await import('./docker.js');")).toBe(true);
    expect(mayImportProjectModule("import './setup';")).toBe(true);
    expect(mayImportProjectModule("import Docker from 'dockerode'; const p = './relative-looking';")).toBe(false);
  });
});

describe('project index on hostile input', () => {
  it('a chain of thousands of barrels: trigger words in one pass, lookups stop after a bounded number of hops', () => {
    const n = 3000;
    const entries: [string, string][] = [['/p/m0.ts', "import Docker from 'dockerode'; export const docker = new Docker({ version: 'v1.41' });"]];
    for (let i = 1; i <= n; i++) entries.push([`/p/m${i}.ts`, `export * from './m${i - 1}';`]);
    const index = new DockerodeProjectIndex(new ProjectSources(entries));
    expect(index.findTriggerWords()).toHaveLength(n + 2);
    expect(index.resolveImportedValue('/p/use.ts', './m10', ['docker'])).toEqual({ className: 'Docker', pinnedVersion: '1.41' });
    expect(index.resolveImportedValue('/p/use.ts', `./m${n}`, ['docker'])).toBeUndefined();
  });

  it('a file that cannot be parsed exports nothing', () => {
    const deep = `${'('.repeat(20000)}1${')'.repeat(20000)}`;
    const index = new DockerodeProjectIndex(new ProjectSources([['/p/deep.ts', `import Docker from 'dockerode'; export const docker = ${deep};`]]));
    expect(index.resolveImportedValue('/p/use.ts', './deep', ['docker'])).toBeUndefined();
  });

  it('scanSource (one file, no project) keeps working as before', () => {
    expect(scanSnippet("import { docker } from './docker';\ndocker.ping();").calls).toEqual([]);
  });
});
