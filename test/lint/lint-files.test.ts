import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles, type LintFilesOptions } from '../../src/lint/lint-files.js';
import { buildFixtureHistory } from '../rules/fixture-history.js';

const history = buildFixtureHistory();

/** shared-size is a fixture parameter of GET /images/json added in 1.42. */
const NEW_THING = "export const make = () => fetch('http://localhost/images/json?shared-size=1');\n";
const LIST = "export const list = () => fetch('http://localhost/containers/json?all=1');\n";

function makeProject(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dac-lint-files-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

function run(cwd: string, options: Partial<LintFilesOptions> = {}) {
  return lintFiles({ paths: [], cwd, history, ...options });
}

function summarize(results: Awaited<ReturnType<typeof lintFiles>>['results'], cwd: string) {
  return results.map((r) => [path.relative(cwd, r.filePath), r.findings.map((f) => `${f.location.line}:${f.location.column} ${f.ruleId}`)]);
}

describe('lintFiles', () => {
  it('lints the work tree with the default target', async () => {
    const cwd = makeProject({ 'a.ts': NEW_THING, 'b.ts': LIST });
    const run1 = await run(cwd);
    expect(run1.target.label).toBe('1.40..1.53');
    expect(summarize(run1.results, cwd)).toEqual([
      ['a.ts', ['1:27 parameter-unavailable']],
      ['b.ts', []],
    ]);
  });

  it('serves unchanged files from the cache and re-lints changed ones', async () => {
    const cwd = makeProject({ 'a.ts': NEW_THING, 'b.ts': LIST });
    const first = await run(cwd, { cache: true });
    expect(first.stats).toEqual({ files: 2, cached: 0 });
    const second = await run(cwd, { cache: true });
    expect(second.stats).toEqual({ files: 2, cached: 2 });
    expect(second.results).toEqual(first.results);

    writeFileSync(path.join(cwd, 'b.ts'), `\n${NEW_THING}`);
    const third = await run(cwd, { cache: true });
    expect(third.stats).toEqual({ files: 2, cached: 1 });
    expect(summarize(third.results, cwd)).toEqual([
      ['a.ts', ['1:27 parameter-unavailable']],
      ['b.ts', ['2:27 parameter-unavailable']],
    ]);
  });

  it('invalidates the cache when the target or the rules change', async () => {
    const cwd = makeProject({ 'a.ts': NEW_THING });
    await run(cwd, { cache: true });
    const retargeted = await run(cwd, { cache: true, target: '1.42' });
    expect(retargeted.stats.cached).toBe(0);
    expect(retargeted.results[0]!.findings).toEqual([]);
    const reruled = await run(cwd, { cache: true, target: '1.42', rules: { 'parameter-unavailable': 'warn' } });
    expect(reruled.stats.cached).toBe(0);
  });

  it('ignores a corrupted or foreign cache file and rebuilds it', async () => {
    const cwd = makeProject({ 'a.ts': NEW_THING });
    const clean = await run(cwd, { cache: true, cacheLocation: 'c.json' });
    for (const garbage of ['\u0000\u0001not json', '[]', '{"format":"docker-api-compat/lint-cache","schema":1,"key":"x","entries":{}}', '{"format"']) {
      writeFileSync(path.join(cwd, 'c.json'), garbage);
      const rebuilt = await run(cwd, { cache: true, cacheLocation: 'c.json' });
      expect(rebuilt.stats.cached).toBe(0);
      expect(rebuilt.results).toEqual(clean.results);
      expect((await run(cwd, { cache: true, cacheLocation: 'c.json' })).stats.cached).toBe(1);
    }
    // Atomic writes leave no temporary files behind.
    expect(readdirSync(cwd).sort()).toEqual(['a.ts', 'c.json']);
  });

  it('applies config ignore patterns relative to the config folder, even from a subfolder', async () => {
    const root = makeProject({
      '.docker-api-compat.json': JSON.stringify({ ignore: ['pkg/gen/**'] }),
      'pkg/src/a.ts': NEW_THING,
      'pkg/gen/b.ts': NEW_THING,
    });
    const cwd = path.join(root, 'pkg');
    expect(summarize((await run(cwd)).results, cwd)).toEqual([['src/a.ts', ['1:27 parameter-unavailable']]]);
    expect(summarize((await run(cwd, { cache: true })).results, cwd)).toEqual([['src/a.ts', ['1:27 parameter-unavailable']]]);
  });

  it('applies suppression comments from the file text', async () => {
    const cwd = makeProject({ 'a.ts': `// docker-api-compat-disable-next-line parameter-unavailable\n${NEW_THING}// docker-api-compat-disable-line\n` });
    const result = await run(cwd, { reportUnusedDisableDirectives: true });
    expect(result.results[0]!.findings).toEqual([]);
    expect(result.results[0]!.unusedDirectives.map((d) => [d.line, d.column])).toEqual([[3, 1]]);
  });

  it('reports progress when asked', async () => {
    const cwd = makeProject({ 'a.ts': NEW_THING, 'b.ts': LIST });
    const seen: string[] = [];
    await run(cwd, { onProgress: ({ done, total }) => seen.push(`${done}/${total}`) });
    expect(seen).toEqual(['0/2', '2/2']);
  });
});
