import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { listSpecFiles, loadHistoryFromSpecs, loadSpecDirectory, type SpecDirectory } from '../../src/loaders/index.js';
import { SPECS_DIR } from '../helpers/specs.js';

const dirs: string[] = [];
async function makeDir(files: Record<string, string | { copy: string }>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dac-loaders-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    if (typeof content === 'string') await writeFile(path.join(dir, name), content);
    else await copyFile(path.join(SPECS_DIR, content.copy), path.join(dir, name));
  }
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const canonical = (p: string) => p.replace(/\{[^}]+\}/g, '{}');

describe('listSpecFiles', () => {
  it('finds v<major>.<minor> spec files in numeric order and ignores everything else', async () => {
    const dir = await makeDir({ 'v1.10.md': '', 'v1.9.md': '', 'v1.25.yml': '', 'notes.md': '', 'v1.x.yaml': '', 'CHANGELOG.md': '' });
    const files = await listSpecFiles(dir);
    expect(files.map((f) => [f.version, f.format, f.name])).toEqual([
      ['1.9', 'markdown', 'v1.9.md'],
      ['1.10', 'markdown', 'v1.10.md'],
      ['1.25', 'swagger', 'v1.25.yml'],
    ]);
  });

  it('fails on a folder without spec files, a missing folder and two files for one version', async () => {
    const empty = await makeDir({ 'README.md': '' });
    await expect(listSpecFiles(empty)).rejects.toThrow(new InputError(`no Engine API spec files in ${empty}`));
    await expect(listSpecFiles(path.join(empty, 'missing'))).rejects.toThrow(/cannot read spec folder \(ENOENT\)/);
    const twice = await makeDir({ 'v1.25.yaml': '', 'v1.25.yml': '' });
    await expect(listSpecFiles(twice)).rejects.toThrow(/two spec files for API 1\.25/);
  });
});

describe('loadSpecDirectory on real upstream files', () => {
  let dir: string;
  let loaded: SpecDirectory;
  beforeAll(async () => {
    dir = await makeDir({
      'v1.0.md': { copy: 'v1.0.md' },
      'v1.24.md': { copy: 'v1.24.md' },
      'v1.25.yaml': { copy: 'v1.25.yaml' },
      'CHANGELOG.md': { copy: 'CHANGELOG.md' },
      'SOURCE.md': { copy: 'SOURCE.md' },
    });
    loaded = await loadSpecDirectory(dir);
  });

  it('loads each file with the loader for its format', () => {
    expect(loaded.surfaces.map((s) => [s.version, s.format])).toEqual([
      ['1.0', 'markdown'],
      ['1.24', 'markdown'],
      ['1.25', 'swagger'],
    ]);
    for (const s of loaded.surfaces) expect(s.endpoints.length).toBeGreaterThan(20);
  });

  it("keeps markdown path parameters that already match v1.25's names", () => {
    const reference = new Map(loaded.surfaces[2]!.endpoints.map((e) => [`${e.method} ${canonical(e.path)}`, e.path]));
    let compared = 0;
    for (const e of loaded.surfaces[1]!.endpoints) {
      const expected = reference.get(`${e.method} ${canonical(e.path)}`);
      if (expected === undefined) continue;
      expect(e.path).toBe(expected);
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('records the moby commit and the sha256 of every input file, by name only', async () => {
    expect(loaded.source.commit).toMatch(/^[0-9a-f]{40}$/);
    expect((await readFile(path.join(dir, 'SOURCE.md'), 'utf8')).includes(loaded.source.commit!)).toBe(true);
    expect(Object.keys(loaded.source.files)).toEqual(['CHANGELOG.md', 'v1.0.md', 'v1.24.md', 'v1.25.yaml']);
    const sha = createHash('sha256').update(await readFile(path.join(dir, 'v1.24.md'))).digest('hex');
    expect(loaded.source.files['v1.24.md']).toBe(sha);
  });

  it('parses the changelog into facts, with names resolved to full field paths', () => {
    expect(loaded.changelog.mentions.length).toBeGreaterThan(100);
    expect(loaded.changelog.deprecations.length).toBeGreaterThan(0);
  });

  it('loadHistoryFromSpecs folds the same folder into one history', async () => {
    const history = await loadHistoryFromSpecs(dir);
    expect(history.versions.map((v) => v.version)).toEqual(['1.0', '1.24', '1.25']);
    expect(history.versions[2]!.endpointCount).toBe(loaded.surfaces[2]!.endpoints.length);
  });
});

describe('path parameter alignment', () => {
  it("renames markdown path parameters to the v1.25 Swagger's names", async () => {
    const yaml = (await readFile(path.join(SPECS_DIR, 'v1.25.yaml'), 'utf8')).replace('\n  /containers/{id}/json:\n', '\n  /containers/{cid}/json:\n');
    expect(yaml).toContain('/containers/{cid}/json:');
    const dir = await makeDir({ 'v1.24.md': { copy: 'v1.24.md' }, 'v1.25.yaml': yaml });
    const { surfaces } = await loadSpecDirectory(dir, { validate: false });
    const paths = surfaces[0]!.endpoints.map((e) => `${e.method} ${e.path}`);
    expect(paths).toContain('GET /containers/{cid}/json');
    expect(paths).not.toContain('GET /containers/{id}/json');
  });
});

describe('loadSpecDirectory without CHANGELOG.md and SOURCE.md', () => {
  it('takes the version from the file name and records no commit', async () => {
    const dir = await makeDir({ 'v1.7.md': { copy: 'v1.0.md' } });
    const loaded = await loadSpecDirectory(dir);
    expect(loaded.surfaces.map((s) => s.version)).toEqual(['1.7']);
    expect(loaded.changelog).toEqual({ deprecations: [], mentions: [] });
    expect(loaded.source.commit).toBeUndefined();
    expect(Object.keys(loaded.source.files)).toEqual(['v1.7.md']);
  });
});
