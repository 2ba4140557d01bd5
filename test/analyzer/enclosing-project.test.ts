import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findSourceFiles } from '../../src/analyzer/source-files.js';

describe('a folder inside a project whose tsconfig.json sits above it', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'enclosing-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  fs.mkdirSync(path.join(root, 'src/gen'), { recursive: true });
  fs.mkdirSync(path.join(root, 'scripts'));
  fs.writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ include: ['src'], exclude: ['src/gen'] }));
  fs.writeFileSync(path.join(root, 'src/a.ts'), 'export {};\n');
  fs.writeFileSync(path.join(root, 'src/gen/b.ts'), 'export {};\n');
  fs.writeFileSync(path.join(root, 'scripts/c.ts'), 'export {};\n');

  it('belongs to that project: its include/exclude apply and the scan can be typed', async () => {
    const found = await findSourceFiles({ paths: ['src'], cwd: root });
    expect(found.files.map((f) => path.relative(root, f))).toEqual([path.join('src', 'a.ts')]);
    expect(found.projects.map((p) => p.configPath)).toEqual([path.join(root, 'tsconfig.json')]);
  });

  it('falls back to every source file when the project does not cover the folder', async () => {
    const found = await findSourceFiles({ paths: ['scripts'], cwd: root });
    expect(found.files.map((f) => path.relative(root, f))).toEqual([path.join('scripts', 'c.ts')]);
  });
});
