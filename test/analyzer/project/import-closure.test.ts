import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectImportClosure, findRelativeImports, type ModuleSource } from '../../../src/analyzer/project/import-closure.js';

/** An in-memory project; records which files were read. */
function createSource(files: Record<string, string>): ModuleSource & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    isFile: (f) => f in files,
    readText: (f) => {
      reads.push(f);
      return files[f];
    },
  };
}

describe('findRelativeImports', () => {
  it('lists relative specifiers of imports, re-exports, require() and import(), once each', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { T } from '../types';",
      "export * from './b';",
      "export { c } from './a.js';",
      "const d = require('./d');",
      "const e = await import('./e.mjs');",
      "import Docker from 'dockerode';",
      "import '@scope/pkg/./x';",
    ].join('\n');
    expect(findRelativeImports(text)).toEqual(['./a.js', '../types', './b', './d', './e.mjs']);
  });

  it('survives nesting the parser would not (a token scanner, no recursion)', () => {
    expect(findRelativeImports('('.repeat(50_000) + "import x from './x'")).toEqual(['./x']);
    expect(findRelativeImports('('.repeat(50_000) + "\nconst y = require('./y')")).toEqual(['./y']);
    expect(findRelativeImports("import { from './")).toEqual([]);
  });
});

describe('collectImportClosure', () => {
  it('holds the entry text as given and the modules it imports, transitively', () => {
    const source = createSource({
      '/p/src/docker.ts': "import Docker from 'dockerode'; export const docker = new Docker();",
      '/p/src/lib/index.ts': "export * from '../docker.js';",
      '/p/src/unused.ts': 'export const x = 1;',
    });
    const closure = collectImportClosure('/p/src/jobs.ts', "import { docker } from './lib';", source);
    expect([...closure.keys()]).toEqual(['/p/src/jobs.ts', '/p/src/lib/index.ts', '/p/src/docker.ts']);
    expect(closure.get('/p/src/jobs.ts')).toBe("import { docker } from './lib';");
    expect(source.reads).not.toContain('/p/src/unused.ts');
  });

  it('resolves the entry against its resolved path', () => {
    const source = createSource({ [path.resolve('rel/b.ts')]: 'export {}' });
    expect([...collectImportClosure('rel/a.ts', "import './b'", source).keys()]).toEqual([path.resolve('rel/a.ts'), path.resolve('rel/b.ts')]);
  });

  it('reads each module once, cycles included, and skips modules it cannot read', () => {
    const source = createSource({ '/p/a.ts': "import './b'; import './a';", '/p/b.ts': "import './a'; import './c';" });
    source.isFile = (f) => f === '/p/a.ts' || f === '/p/b.ts' || f === '/p/c.ts';
    const closure = collectImportClosure('/p/a.ts', "import './b';", source);
    expect([...closure.keys()]).toEqual(['/p/a.ts', '/p/b.ts']);
    expect(source.reads).toEqual(['/p/b.ts', '/p/c.ts']);
  });

  it('stops at the depth and file limits, nearest modules first', () => {
    const chain: Record<string, string> = {};
    for (let i = 1; i <= 20; i++) chain[`/p/m${i}.ts`] = `export * from './m${i + 1}';`;
    const deep = collectImportClosure('/p/entry.ts', "import './m1';", createSource(chain), { maxFiles: 64, maxDepth: 8 });
    expect([...deep.keys()]).toEqual(['/p/entry.ts', ...Array.from({ length: 8 }, (_, i) => `/p/m${i + 1}.ts`)]);

    const wide: Record<string, string> = { '/p/far.ts': 'export {}' };
    const imports: string[] = [];
    for (let i = 0; i < 100; i++) {
      wide[`/p/w${i}.ts`] = i === 0 ? "import './far';" : 'export {}';
      imports.push(`import './w${i}';`);
    }
    const source = createSource(wide);
    const capped = collectImportClosure('/p/entry.ts', imports.join('\n'), source, { maxFiles: 10, maxDepth: 8 });
    expect(capped.size).toBe(10);
    expect(capped.has('/p/far.ts')).toBe(false);
    expect(source.reads).toHaveLength(9);
  });
});
