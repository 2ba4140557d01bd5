import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { REPO_ROOT } from '../helpers/specs.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A project whose code, config and tsconfig would each leave a marker file if anything evaluated
 * them, and whose calls name real hosts.
 */
function hostileProject(): { cwd: string; markers: string[] } {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'dac-noexec-'));
  dirs.push(cwd);
  const marker = (name: string) => path.join(cwd, `EXECUTED-${name}`);
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(cwd, name)), { recursive: true });
    fs.writeFileSync(path.join(cwd, name), text);
  };
  write('src/app.ts', [
    `require('fs').writeFileSync(${JSON.stringify(marker('app'))}, 'ran');`,
    "import axios from 'axios';",
    "export const list = () => fetch('https://docker.example.com/v1.41/containers/json?all=1');",
    "export const info = () => axios.get('http://registry-1.docker.io/v1.41/info');",
    '',
  ].join('\n'));
  write('src/legacy.js', `require('child_process').execSync('touch ${marker('legacy')}');\nfetch('http://example.org/_ping');\n`);
  write('.docker-api-compat.js', `require('fs').writeFileSync(${JSON.stringify(marker('config'))}, 'ran');\nmodule.exports = { target: '1.41' };\n`);
  write('docker-api-compat.config.js', `require('fs').writeFileSync(${JSON.stringify(marker('config2'))}, 'ran');\n`);
  write('tsconfig.json', JSON.stringify({ compilerOptions: { allowJs: true, noEmit: true, plugins: [{ name: './evil-plugin.js' }] }, include: ['src'] }));
  write('evil-plugin.js', `require('fs').writeFileSync(${JSON.stringify(marker('plugin'))}, 'ran');\n`);
  return { cwd, markers: ['app', 'legacy', 'config', 'config2', 'plugin'].map(marker) };
}

describe('nothing the user wrote is executed', () => {
  it('scan and lint (typed and syntax only) read the code, never run it, and ignore .docker-api-compat.js', async () => {
    const { cwd, markers } = hostileProject();
    for (const args of [['scan', '--format', 'json'], ['scan', '--no-types'], ['lint'], ['lint', '--no-types', '--format', 'json']]) {
      const io = createMemoryIo({ cwd });
      const code = await main(args, io);
      expect(code, `${args.join(' ')}: ${io.err}`).toBeLessThan(2);
      if (args[0] === 'scan' && args.includes('json')) expect(JSON.parse(io.out).calls.length).toBeGreaterThanOrEqual(2);
    }
    expect(markers.filter((m) => fs.existsSync(m))).toEqual([]);
  });
});

const BIN = path.join(REPO_ROOT, 'bin/docker-api-compat.js');
const BUILT = fs.existsSync(path.join(REPO_ROOT, 'dist/src/cli/main.js'));

/** Patches every way Node opens a connection or resolves a name to record the attempt and fail. */
const PRELOAD = `
const fs = require('fs');
const log = process.env.DAC_NETWORK_LOG;
const record = (what) => { fs.appendFileSync(log, what + '\\n'); };
const refuse = (what) => function () { record(what); throw new Error('network access refused by test: ' + what); };
const net = require('net');
net.Socket.prototype.connect = refuse('net.Socket.connect');
net.connect = net.createConnection = refuse('net.connect');
require('tls').connect = refuse('tls.connect');
const dns = require('dns');
dns.lookup = refuse('dns.lookup');
dns.resolve = refuse('dns.resolve');
dns.promises.lookup = refuse('dns.promises.lookup');
for (const m of ['http', 'https']) { const mod = require(m); mod.request = refuse(m + '.request'); mod.get = refuse(m + '.get'); }
globalThis.fetch = refuse('fetch');
`;

describe.runIf(BUILT)('nothing phones home (the built CLI, sockets, DNS, http and fetch patched to record and throw)', () => {
  function runBuilt(args: string[], cwd: string, script?: string) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dac-net-'));
    dirs.push(dir);
    const preload = path.join(dir, 'refuse-network.cjs');
    const log = path.join(dir, 'network.log');
    fs.writeFileSync(preload, PRELOAD);
    const env = { ...process.env, NODE_OPTIONS: `--require ${preload}`, DAC_NETWORK_LOG: log, DEBUG: '' };
    const result = script
      ? spawnSync(process.execPath, ['-e', script], { cwd, env, encoding: 'utf8' })
      : spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8', timeout: 120_000 });
    return { status: result.status, stderr: result.stderr, stdout: result.stdout, attempts: fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [] };
  }

  it('the patch itself records attempts (control)', () => {
    const { attempts } = runBuilt([], os.tmpdir(), "try { fetch('http://127.0.0.1:9/'); } catch {} try { require('http').get('http://127.0.0.1:9/'); } catch {} try { require('net').connect(9, '127.0.0.1'); } catch {} try { require('dns').lookup('example.com', () => {}); } catch {}");
    expect(attempts).toEqual(['fetch', 'http.get', 'net.connect', 'dns.lookup']);
  });

  it.each([
    [['scan', '--format', 'json']],
    [['scan', '--no-types']],
    [['lint', '--format', 'json']],
    [['lint', '--cache', '--format', 'sarif']],
  ])('%j opens no socket and resolves no name, on code full of real URLs', (args) => {
    const { cwd, markers } = hostileProject();
    const result = runBuilt(args, cwd);
    expect(result.status, result.stderr).toBeLessThan(2);
    expect(result.stdout.length).toBeGreaterThan(0);
    expect(result.attempts).toEqual([]);
    expect(markers.filter((m) => fs.existsSync(m))).toEqual([]);
  });

  it('DEBUG=docker-api-compat shows the stack of an expected error; without it one line', () => {
    const withDebug = spawnSync(process.execPath, [BIN, 'versions', '--specs', '/nonexistent/specs'], { encoding: 'utf8', env: { ...process.env, DEBUG: 'docker-api-compat' } });
    expect(withDebug.status).toBe(2);
    expect(withDebug.stderr).toMatch(/InputError: \/nonexistent\/specs: cannot read spec folder \(ENOENT\)\n\s+at /);
    const plain = spawnSync(process.execPath, [BIN, 'versions', '--specs', '/nonexistent/specs'], { encoding: 'utf8', env: { ...process.env, DEBUG: '' } });
    expect(plain.stderr).toBe('docker-api-compat: /nonexistent/specs: cannot read spec folder (ENOENT)\n');
  });
});

