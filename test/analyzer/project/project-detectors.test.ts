import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../../src/analyzer/detectors/index.js';
import { dockerodeDetector } from '../../../src/analyzer/detectors/dockerode.js';
import { DockerodeProjectIndex } from '../../../src/analyzer/dockerode/project-index.js';
import { bindFileDetectors, bindProjectDetectors, mayImportProjectModule } from '../../../src/analyzer/project/project-detectors.js';
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

describe('bindFileDetectors', () => {
  const files: Record<string, string> = {
    '/p/src/docker.ts': "import Docker from 'dockerode'; export const docker = new Docker({ version: 'v1.41' });",
    '/p/src/lib/index.ts': "export { docker as client } from '../docker';",
  };
  const source = { isFile: (f: string) => f in files, readText: (f: string) => files[f] };

  it('binds the dockerode detector to the modules the file imports', () => {
    const text = "import { client } from './lib';\nclient.ping();";
    const bound = bindFileDetectors(DETECTORS, '/p/src/jobs.ts', text, source);
    expect(bound.find((d) => d.via === 'dockerode')!.triggers).toEqual(['dockerode', 'docker', 'lib']);
    expect(scanSnippet(text, bound, '/p/src/jobs.ts').calls).toEqual([expect.objectContaining({ call: 'GET /_ping', at: '2:1', via: 'dockerode', pinned: '1.41' })]);
    // The plain detectors find nothing in the same text.
    expect(scanSnippet(text, [...DETECTORS], '/p/src/jobs.ts').calls).toEqual([]);
  });

  it('leaves the detectors alone for files without relative imports, or whose imports lead to no client', () => {
    const read: string[] = [];
    const counting = { isFile: source.isFile, readText: (f: string) => (read.push(f), files[f]) };
    expect(bindFileDetectors(DETECTORS, '/p/src/a.ts', "import Docker from 'dockerode';", counting)).toEqual(DETECTORS);
    expect(bindFileDetectors(DETECTORS, '/p/src/a.ts', "import { x } from './missing';", counting)).toEqual(DETECTORS);
    expect(read).toEqual([]);
    const others = DETECTORS.filter((d) => d !== dockerodeDetector);
    expect(bindFileDetectors(others, '/p/src/a.ts', "import { docker } from './docker';", counting)).toEqual(others);
  });
});
