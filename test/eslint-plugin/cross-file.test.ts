import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter, RuleTester } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/eslint-plugin/index.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

// Syntax only (espree): nothing but the imported module's text says what `docker` is. The linted
// file itself never touches the disk (RuleTester lints the text given), its imports do.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dac-eslint-cross-file-'));
fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'x', 'docker-api-compat': {} }));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(relative: string, text: string): string {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

write('docker.js', "import Docker from 'dockerode';\nexport const docker = new Docker({ socketPath: '/var/run/docker.sock' });\n");
write('factory.js', "import Docker from 'dockerode';\nexport function getDocker() {\n  return new Docker();\n}\n");
write('lib/index.js', "export * from '../docker.js';\n");
write('common.cjs', "const Docker = require('dockerode');\nmodule.exports = new Docker();\n");
write('pinned.js', "import Docker from 'dockerode';\nexport default new Docker({ version: 'v1.41' });\n");
write('other.js', 'export const docker = { pruneBuilder() {} };\n');

const filename = path.join(root, 'jobs.js');
const options = [{ target: '1.25..1.35' }];
const MESSAGE = 'POST /build/prune is not available in API 1.25..1.30 (target 1.25..1.35): added in 1.31';
const ruleTester = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

ruleTester.run('endpoint-unavailable (a client another module exports)', plugin.rules['endpoint-unavailable'], {
  valid: [
    // The call is fine in the target.
    { filename, code: "import { docker } from './docker.js';\nawait docker.pruneBuilder();", options: [{ target: '1.31..1.40' }] },
    // Same method name on something that is not a dockerode client.
    { filename, code: "import { docker } from './other.js';\nawait docker.pruneBuilder();", options },
    // No such module: nothing to learn, nothing reported.
    { filename, code: "import { docker } from './missing.js';\nawait docker.pruneBuilder();", options },
    // The client pins 1.41, which has the endpoint; the target does not matter then.
    { filename, code: "import docker from './pinned.js';\nawait docker.pruneBuilder();", options },
  ],
  invalid: [
    {
      filename,
      code: "import { docker } from './docker.js';\n\nexport async function cleanup() {\n  await docker.pruneBuilder();\n}\n",
      options,
      errors: [{ message: MESSAGE, line: 4, column: 9, endLine: 4, endColumn: 30 }],
    },
    // NodeNext style `.js` is not needed: extensionless specifiers resolve too.
    { filename, code: "import { docker } from './docker';\ndocker.pruneBuilder();", options, errors: [{ message: MESSAGE, line: 2, column: 1 }] },
    // Through a barrel, in a subfolder.
    { filename, code: "import { docker } from './lib/index.js';\ndocker.pruneBuilder();", options, errors: [{ message: MESSAGE, line: 2, column: 1 }] },
    { filename, code: "import { docker } from './lib';\ndocker.pruneBuilder();", options, errors: [{ message: MESSAGE, line: 2, column: 1 }] },
    // A factory function's result.
    { filename, code: "import { getDocker } from './factory.js';\ngetDocker().pruneBuilder();", options, errors: [{ message: MESSAGE, line: 2, column: 1 }] },
    // CommonJS.
    {
      filename: path.join(root, 'jobs.cjs'),
      code: "const docker = require('./common.cjs');\ndocker.pruneBuilder(() => {});",
      languageOptions: { sourceType: 'commonjs' },
      options,
      errors: [{ message: MESSAGE, line: 2, column: 1 }],
    },
  ],
});

describe('cross-file clients in a long-running linter', () => {
  const linter = new Linter({ configType: 'flat', cwd: root });
  const config: Linter.Config[] = [
    {
      files: ['**/*.js'],
      plugins: { 'docker-api-compat': plugin },
      rules: { 'docker-api-compat/endpoint-unavailable': ['error', { target: '1.25..1.35' }] },
    },
  ];
  const lint = (code: string, file: string) => linter.verify(code, config, { filename: file }).map((m) => `${m.line}:${m.column} ${m.message}`);

  it('sees a saved change of the imported module on the next lint', () => {
    const client = write('client.js', "import Docker from 'dockerode';\nexport const docker = new Docker();\n");
    const consumer = path.join(root, 'consumer.js');
    const code = "import { docker } from './client.js';\ndocker.pruneBuilder();\n";
    expect(lint(code, consumer)).toEqual([`2:1 ${MESSAGE}`]);
    // No longer a dockerode client: a different size and modification time.
    fs.writeFileSync(client, 'export const docker = { pruneBuilder() {} };\n');
    fs.utimesSync(client, new Date(), new Date(Date.now() + 5000));
    expect(lint(code, consumer)).toEqual([]);
  });

  it('follows imports only so deep', () => {
    // consumer -> m1 -> ... -> m9 -> docker.js: the client is ten imports away, past the depth limit of 8.
    for (let i = 1; i <= 9; i++) write(`deep/m${i}.js`, `export * from './${i === 9 ? '../docker.js' : `m${i + 1}.js`}';\n`);
    expect(lint("import { docker } from './deep/m9.js';\ndocker.pruneBuilder();\n", path.join(root, 'near.js'))).toEqual([`2:1 ${MESSAGE}`]);
    expect(lint("import { docker } from './deep/m1.js';\ndocker.pruneBuilder();\n", path.join(root, 'far.js'))).toEqual([]);
  });

  it('skips an imported module that is binary or too large, and keeps linting', () => {
    const client = "import Docker from 'dockerode';\nexport const docker = new Docker();\n";
    const use = (module: string) => `import { docker } from './${module}';\ndocker.pruneBuilder();\n`;
    write('small.js', client + '//'.padEnd(1024, 'x') + '\n');
    expect(lint(use('small.js'), path.join(root, 's.js'))).toEqual([`2:1 ${MESSAGE}`]);
    write('binary.js', client.replace('\n', '\0\n'));
    expect(lint(use('binary.js'), path.join(root, 'b.js'))).toEqual([]);
    write('huge.js', client + '//'.padEnd(4 * 1024 * 1024, 'x') + '\n');
    expect(lint(use('huge.js'), path.join(root, 'h.js'))).toEqual([]);
  });
});
