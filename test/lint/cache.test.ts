import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProjectFresh, type RememberedProject } from '../../src/analyzer/source-files.js';
import { lintFiles, type LintFilesOptions } from '../../src/lint/lint-files.js';
import { buildFixtureHistory } from '../rules/fixture-history.js';

const history = buildFixtureHistory();

/** shared-size is a fixture parameter of GET /images/json added in 1.42. */
const NEW_THING = "export const make = () => fetch('http://localhost/images/json?shared-size=1');\n";
const LIST = "export const list = () => fetch('http://localhost/containers/json?all=1');\n";
const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, noEmit: true }, include: ['src'] });

function makeProject(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dac-lint-cache-'));
  for (const [name, text] of Object.entries(files)) write(root, name, text);
  return root;
}

function write(root: string, name: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  writeFileSync(path.join(root, name), text);
}

function run(cwd: string, options: Partial<LintFilesOptions> = {}) {
  return lintFiles({ paths: [], cwd, history, cache: true, cacheLocation: 'cache.json', ...options });
}

function linted(result: Awaited<ReturnType<typeof lintFiles>>, cwd: string): string[] {
  return result.results.map((r) => path.relative(cwd, r.filePath).split(path.sep).join('/'));
}

function rememberedProjects(cwd: string): RememberedProject[] {
  return (JSON.parse(readFileSync(path.join(cwd, 'cache.json'), 'utf8')) as { projects?: RememberedProject[] }).projects ?? [];
}

describe('lint --cache with a tsconfig.json', () => {
  it('remembers the tsconfig expansion and serves a warm run without rewriting the cache', async () => {
    const cwd = makeProject({ 'tsconfig.json': TSCONFIG, 'src/a.ts': NEW_THING, 'src/b.ts': LIST, 'other/c.ts': LIST });
    const first = await run(cwd);
    expect(linted(first, cwd)).toEqual(['src/a.ts', 'src/b.ts']);
    const projects = rememberedProjects(cwd);
    expect(projects.map((p) => p.configPath)).toEqual([path.join(cwd, 'tsconfig.json')]);
    expect(projects[0]!.fileNames.map((f) => path.relative(cwd, f).split(path.sep).join('/'))).toEqual(['src/a.ts', 'src/b.ts']);
    expect(isProjectFresh(projects[0]!)).toBe(true);

    const before = readFileSync(path.join(cwd, 'cache.json'), 'utf8');
    const second = await run(cwd);
    expect(second.stats).toEqual({ files: 2, cached: 2 });
    expect(linted(second, cwd)).toEqual(['src/a.ts', 'src/b.ts']);
    expect(readFileSync(path.join(cwd, 'cache.json'), 'utf8')).toBe(before);
  });

  it('picks up a file added to an included folder, and one in a new subfolder', async () => {
    const cwd = makeProject({ 'tsconfig.json': TSCONFIG, 'src/a.ts': LIST });
    await run(cwd);
    write(cwd, 'src/new.ts', NEW_THING);
    const added = await run(cwd);
    expect(linted(added, cwd)).toEqual(['src/a.ts', 'src/new.ts']);
    expect(added.stats).toEqual({ files: 2, cached: 1 });
    expect(added.results.find((r) => r.filePath.endsWith('new.ts'))!.findings.map((f) => f.ruleId)).toEqual(['parameter-unavailable']);

    write(cwd, 'src/deep/er/x.ts', LIST);
    expect(linted(await run(cwd), cwd)).toEqual(['src/a.ts', 'src/deep/er/x.ts', 'src/new.ts']);
  });

  it('drops a removed or renamed file', async () => {
    const cwd = makeProject({ 'tsconfig.json': TSCONFIG, 'src/a.ts': LIST, 'src/b.ts': NEW_THING, 'src/sub/c.ts': LIST });
    await run(cwd);
    rmSync(path.join(cwd, 'src/b.ts'));
    rmSync(path.join(cwd, 'src/sub/c.ts'));
    const removed = await run(cwd);
    expect(linted(removed, cwd)).toEqual(['src/a.ts']);
    expect(removed.notices).toEqual([]);
  });

  it('re-expands the project when tsconfig.json changes', async () => {
    const cwd = makeProject({ 'tsconfig.json': TSCONFIG, 'src/a.ts': LIST, 'lib/b.ts': NEW_THING });
    expect(linted(await run(cwd), cwd)).toEqual(['src/a.ts']);
    write(cwd, 'tsconfig.json', JSON.stringify({ compilerOptions: { strict: true }, include: ['src', 'lib'] }));
    expect(linted(await run(cwd), cwd)).toEqual(['lib/b.ts', 'src/a.ts']);
    write(cwd, 'tsconfig.json', JSON.stringify({ include: ['src', 'lib'], exclude: ['lib/b.ts'] }));
    expect(linted(await run(cwd), cwd)).toEqual(['src/a.ts']);
  });

  it('re-expands the project when a config it extends changes, appears or disappears', async () => {
    const cwd = makeProject({
      'tsconfig.json': JSON.stringify({ extends: './base.json' }),
      'base.json': JSON.stringify({ include: ['src'] }),
      'src/a.ts': LIST,
      'lib/b.ts': NEW_THING,
    });
    expect(linted(await run(cwd), cwd)).toEqual(['src/a.ts']);
    write(cwd, 'base.json', JSON.stringify({ include: ['lib'] }));
    expect(linted(await run(cwd), cwd)).toEqual(['lib/b.ts']);
    rmSync(path.join(cwd, 'base.json'));
    // Without its base the config has no include: every source file under its folder.
    const orphan = await run(cwd);
    expect(linted(orphan, cwd)).toEqual(['lib/b.ts', 'src/a.ts']);
  });

  it('watches include folders outside the config folder', async () => {
    // Files outside the linted folder are not linted, but they are part of the typed project.
    const root = makeProject({ 'app/tsconfig.json': JSON.stringify({ include: ['src', '../shared'] }), 'app/src/a.ts': LIST, 'shared/s.ts': LIST });
    const cwd = path.join(root, 'app');
    expect(linted(await run(cwd), cwd)).toEqual(['src/a.ts']);
    const [project] = rememberedProjects(cwd);
    expect(project!.fileNames.map((f) => path.relative(root, f).split(path.sep).join('/')).sort()).toEqual(['app/src/a.ts', 'shared/s.ts']);
    expect(isProjectFresh(project!)).toBe(true);
    write(root, 'shared/t.ts', NEW_THING);
    expect(isProjectFresh(project!)).toBe(false);
  });
});
