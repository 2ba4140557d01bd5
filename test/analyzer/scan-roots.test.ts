import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanFiles } from '../../src/analyzer/scan.js';
import { REPO_ROOT } from '../helpers/specs.js';
import { TEMPLATES } from './templates.js';

// Inside the repository, so `dockerode` resolves to its node_modules/@types/dockerode.
const ROOT = path.join(REPO_ROOT, `test/artifacts/scan-roots-${process.pid}`);

function write(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(ROOT, name)), { recursive: true });
    fs.writeFileSync(path.join(ROOT, name), text);
  }
}

beforeAll(() => {
  fs.rmSync(ROOT, { recursive: true, force: true });
  write({
    'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, types: [] }, include: ['src'] }),
    // The typed Program starts from the files that pass the trigger-word filter. These two do not, yet
    // the candidates' types depend on them: a module declaring a global, and a module a candidate imports.
    'src/globals.ts': 'export {};\ndeclare global {\n  var sharedBox: AnyContainer;\n}\n',
    'src/aliases.d.ts': "type AnyContainer = import('dockerode').Container;\n",
    'src/registry.ts': "import { make } from './factory.js';\nexport const box = make();\n",
    'src/factory.ts': "import Docker from 'dockerode';\nexport function make(): Docker.Container {\n  return new Docker().getContainer('x');\n}\n",
    'src/use-global.ts': "import type Docker from 'dockerode';\nexport type Client = Docker;\nexport async function f() {\n  await sharedBox.top({ ps_args: 'aux' });\n}\n",
    'src/use-import.ts': "// dockerode\nimport { box } from './registry.js';\nexport async function g() {\n  await box.top();\n}\n",
    'src/unrelated.ts': 'export const n = 1;\n',
  });
});

afterAll(() => fs.rmSync(ROOT, { recursive: true, force: true }));

describe('typed scan Program roots', () => {
  it('keeps the types that global declarations and imported non-candidate modules contribute', async () => {
    const result = await scanFiles({ paths: [ROOT], cwd: ROOT, templates: TEMPLATES });
    expect(result.notices).toEqual([]);
    expect(result.typed).toBe(true);
    const calls = result.calls
      .filter((c) => c.path === '/containers/{id}/top')
      .map((c) => `${path.relative(ROOT, c.location.file)}:${c.location.line}:${c.location.column}`);
    expect(calls).toEqual(['src/use-global.ts:4:9', 'src/use-import.ts:4:9']);
    expect(result.files.map((f) => path.relative(ROOT, f))).toContain('src/unrelated.ts');
  });

  it('finds the same calls when the caller hands over the file set', async () => {
    const { findSourceFiles } = await import('../../src/analyzer/source-files.js');
    const found = await findSourceFiles({ paths: [ROOT], cwd: ROOT });
    const handed = await scanFiles({ paths: [ROOT], cwd: ROOT, templates: TEMPLATES, found });
    const walked = await scanFiles({ paths: [ROOT], cwd: ROOT, templates: TEMPLATES });
    expect(handed.calls).toEqual(walked.calls);
    expect(handed.files).toEqual(walked.files);
  });
});
