import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadConfig } from '../../src/lint/config.js';
import { RULE_IDS } from '../../src/lint/rule.js';
import { REPO_ROOT } from '../helpers/specs.js';

function makeTree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dac-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('loadConfig', () => {
  it('finds .docker-api-compat.json upward and resolves its paths against its folder', async () => {
    const root = makeTree({
      '.docker-api-compat.json': JSON.stringify({ target: '1.41', rules: { 'endpoint-deprecated': 'off' }, ignore: ['gen/**'], specs: 'specs' }),
      'src/deep/a.ts': '',
    });
    const config = await loadConfig({ cwd: path.join(root, 'src/deep') });
    expect(config).toEqual({
      target: '1.41',
      rules: { 'endpoint-deprecated': 'off' },
      ignore: ['gen/**'],
      specs: path.join(root, 'specs'),
      file: path.join(root, '.docker-api-compat.json'),
      baseDir: root,
    });
  });

  it('reads the docker-api-compat key of package.json, and skips package.json files without it', async () => {
    const root = makeTree({
      'package.json': JSON.stringify({ name: 'x', 'docker-api-compat': { target: 'docker@20.10' } }),
      'pkg/package.json': JSON.stringify({ name: 'inner' }),
    });
    const config = await loadConfig({ cwd: path.join(root, 'pkg') });
    expect(config.target).toBe('docker@20.10');
    expect(config.file).toBe(path.join(root, 'package.json'));
  });

  it('prefers --config over discovery', async () => {
    const root = makeTree({ '.docker-api-compat.json': '{"target": "1.41"}', 'other.json': '{"target": "1.44"}' });
    expect((await loadConfig({ cwd: root, configFile: 'other.json' })).target).toBe('1.44');
  });

  it.each([
    [{ rules: { 'endpoint-unavailabel': 'error' } }, '.docker-api-compat.json: rules.endpoint-unavailabel: unknown rule'],
    [{ rules: { 'endpoint-unavailable': 'on' } }, '.docker-api-compat.json: rules.endpoint-unavailable: must be one of off, warn, error'],
    [{ targt: '1.41' }, '.docker-api-compat.json: targt: unknown key'],
    [{ target: 141 }, '.docker-api-compat.json: target: must be string'],
    [{ ignore: 'gen/**' }, '.docker-api-compat.json: ignore: must be array'],
    [[], '.docker-api-compat.json: (root): must be object'],
  ])('rejects %j naming the key', async (data, message) => {
    const root = makeTree({ '.docker-api-compat.json': JSON.stringify(data) });
    const error = await loadConfig({ cwd: root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(message);
  });

  it('names the package.json key path in errors', async () => {
    const root = makeTree({ 'package.json': JSON.stringify({ 'docker-api-compat': { rules: { nope: 'off' } } }) });
    await expect(loadConfig({ cwd: root })).rejects.toThrow('package.json: docker-api-compat.rules.nope: unknown rule');
  });

  it('reports broken JSON and a missing --config file as input errors', async () => {
    const root = makeTree({ '.docker-api-compat.json': '{"target": ' });
    await expect(loadConfig({ cwd: root })).rejects.toThrow(/^\.docker-api-compat\.json: not valid JSON/);
    await expect(loadConfig({ cwd: root, configFile: 'missing.json' })).rejects.toThrow('missing.json: config file not found');
  });

  it('never evaluates the config: a JS-looking config is just invalid JSON', async () => {
    const root = makeTree({ '.docker-api-compat.json': 'module.exports = { target: "1.41" }' });
    await expect(loadConfig({ cwd: root })).rejects.toThrow(/not valid JSON/);
  });

  it('returns defaults when no config exists up to the root', async () => {
    const root = makeTree({ 'a.ts': '' });
    const config = await loadConfig({ cwd: root });
    expect(config.rules).toEqual({});
    expect(config.ignore).toEqual([]);
  });

  it('lists exactly the rule ids in the schema', () => {
    const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schema/config.schema.json'), 'utf8'));
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual([...RULE_IDS].sort());
  });
});
