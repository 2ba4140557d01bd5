import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeDatabase } from '../../src/db/codec.js';
import { loadEmbeddedHistory } from '../../src/db/embedded.js';
import plugin from '../../src/eslint-plugin/index.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dac-eslint-target-'));
// Ends the upward config search at `root` for files directly inside it.
fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'x', 'docker-api-compat': {} }));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** POST /build/prune exists from 1.31: the message names the target range the rule used. */
const PRUNE = "fetch('http://localhost/build/prune', { method: 'POST' });";

let savedEnv: string | undefined;
beforeEach(() => {
  savedEnv = process.env.DOCKER_API_VERSION;
  delete process.env.DOCKER_API_VERSION;
});
afterEach(() => {
  if (savedEnv === undefined) delete process.env.DOCKER_API_VERSION;
  else process.env.DOCKER_API_VERSION = savedEnv;
});

interface LintOptions {
  file?: string;
  options?: Record<string, unknown>;
  settings?: Record<string, unknown>;
  rules?: Linter.RulesRecord;
}

function lint(code: string, { file = path.join(root, 'a.js'), options, settings, rules }: LintOptions = {}): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat', cwd: root });
  return linter.verify(
    code,
    [
      {
        files: ['**/*.js'],
        plugins: { 'docker-api-compat': plugin },
        rules: rules ?? { 'docker-api-compat/endpoint-unavailable': options ? ['error', options] : 'error' },
        ...(settings ? { settings } : {}),
      },
    ],
    file,
  );
}

function writeProject(name: string, config: unknown): string {
  const dir = path.join(root, name);
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.docker-api-compat.json'), typeof config === 'string' ? config : JSON.stringify(config));
  return path.join(dir, 'src', 'client.js');
}

describe('target resolution', () => {
  it('defaults to 1.40 (the oldest version current Engines accept) and reports nothing for a 1.31 endpoint', () => {
    expect(lint(PRUNE)).toEqual([]);
    expect(lint(PRUNE, { options: { target: '1.30' } })[0]?.message).toContain('(target 1.30..');
  });

  it('takes DOCKER_API_VERSION over the default', () => {
    process.env.DOCKER_API_VERSION = '1.29';
    expect(lint(PRUNE).map((m) => m.message)).toEqual([expect.stringMatching(/^POST \/build\/prune is not available in API 1\.29\.\.1\.30 \(target 1\.29\.\./)]);
  });

  it('takes the nearest .docker-api-compat.json over DOCKER_API_VERSION, found upward from the linted file', () => {
    process.env.DOCKER_API_VERSION = '1.29';
    const file = writeProject('with-config', { target: '1.28..1.33' });
    expect(lint(PRUNE, { file }).map((m) => m.message)).toEqual(['POST /build/prune is not available in API 1.28..1.30 (target 1.28..1.33): added in 1.31']);
  });

  it('reads the docker-api-compat key of a package.json', () => {
    const dir = path.join(root, 'package-key');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'p', 'docker-api-compat': { target: '1.27..1.31' } }));
    expect(lint(PRUNE, { file: path.join(dir, 'x.js') })[0]?.message).toContain('(target 1.27..1.31)');
  });

  it('takes settings over the config file, and the rule option over settings', () => {
    const file = writeProject('overrides', { target: '1.28..1.33' });
    const settings = { 'docker-api-compat': { target: '1.26..1.35' } };
    expect(lint(PRUNE, { file, settings })[0]?.message).toContain('(target 1.26..1.35)');
    expect(lint(PRUNE, { file, settings, options: { target: '1.30..1.32' } })[0]?.message).toContain('(target 1.30..1.32)');
  });

  it('accepts docker@ release targets', () => {
    expect(lint(PRUNE, { options: { target: 'docker@1.13' } })[0]?.message).toMatch(/^POST \/build\/prune is not available in API 1\.25\.\.1\.30 /);
  });

  it('checks against the built database of a specs folder (settings.specs, relative to the cwd)', () => {
    const dir = path.join(root, 'built-db');
    fs.mkdirSync(dir, { recursive: true });
    const history = loadEmbeddedHistory();
    // Without POST /build/prune the same call is an unknown endpoint: the folder's database is what was used.
    const endpoints = history.endpoints.filter((e) => !(e.method === 'POST' && e.path === '/build/prune'));
    fs.writeFileSync(path.join(dir, 'api-history.json'), encodeDatabase({ ...history, endpoints }));
    const messages = lint(PRUNE, {
      settings: { 'docker-api-compat': { specs: 'built-db' } },
      rules: { 'docker-api-compat/endpoint-unavailable': 'error', 'docker-api-compat/unknown-endpoint': 'warn' },
    });
    expect(messages.map((m) => m.ruleId)).toEqual(['docker-api-compat/unknown-endpoint']);
  });

  it('lets two rules of one file use different targets', () => {
    const messages = lint("fetch('http://localhost/build/prune?keep-storage=1', { method: 'POST' });", {
      rules: {
        'docker-api-compat/endpoint-unavailable': ['error', { target: '1.30' }],
        'docker-api-compat/parameter-deprecated': ['warn', { target: '1.48..1.49' }],
      },
    });
    expect(messages.map((m) => [m.ruleId, m.message])).toEqual([
      ['docker-api-compat/endpoint-unavailable', expect.stringContaining('(target 1.30..')],
      ['docker-api-compat/parameter-deprecated', expect.stringContaining('(target 1.48..1.49)')],
    ]);
  });
});

describe('configuration errors are one report at the top of the file, not a crash', () => {
  const allRules = Object.fromEntries(Object.keys(plugin.rules).map((id) => [`docker-api-compat/${id}`, 'error' as const]));

  it('reports an unknown target once even with every rule on', () => {
    const messages = lint(PRUNE, { rules: allRules, settings: { 'docker-api-compat': { target: '1.999' } } });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ line: 1, column: 1, severity: 2 });
    expect(messages[0]!.message).toMatch(/^docker-api-compat: unknown API version 1\.999 in target "1\.999"; valid versions: 1\.0, /);
    expect(messages[0]!.message).not.toContain('\n');
  });

  it('reports a target that is not a range', () => {
    const messages = lint(PRUNE, { options: { target: 'latest' } });
    expect(messages.map((m) => m.message)).toEqual([expect.stringMatching(/^docker-api-compat: not a target range: "latest"/)]);
  });

  it('reports an invalid config file with its name and key', () => {
    const file = writeProject('bad-config', { target: '1.41', colour: true });
    const messages = lint(PRUNE, { file, rules: allRules });
    expect(messages.map((m) => m.message)).toEqual([`docker-api-compat: ${path.join('bad-config', '.docker-api-compat.json')}: colour: unknown key`]);
  });

  it('reports a config file that is not JSON', () => {
    const file = writeProject('not-json', '{ target: 1.41');
    expect(lint(PRUNE, { file })[0]?.message).toMatch(/^docker-api-compat: not-json\/\.docker-api-compat\.json: not valid JSON/);
  });

  it('rejects unknown plugin settings', () => {
    expect(lint(PRUNE, { settings: { 'docker-api-compat': { targt: '1.41' } } }).map((m) => m.message)).toEqual([
      "docker-api-compat: settings['docker-api-compat'].targt: unknown key (expected target or specs)",
    ]);
  });

  it('refuses a raw spec folder without a built database, saying how to build one', () => {
    const specs = path.join(root, 'raw-specs');
    fs.mkdirSync(specs, { recursive: true });
    fs.writeFileSync(path.join(specs, 'v1.41.yaml'), 'swagger: "2.0"\n');
    const [message] = lint(PRUNE, { settings: { 'docker-api-compat': { specs } } });
    expect(message?.message).toMatch(/^docker-api-compat: the ESLint plugin reads a built database, and .*raw-specs has no api-history\.json: run `docker-api-compat specs build --from /);
  });

  it('rejects an invalid rule option through the schema', () => {
    expect(() => lint(PRUNE, { options: { target: 1.41 } })).toThrow(/Value 1\.41 should be string/);
  });
});
