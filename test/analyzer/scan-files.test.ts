import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanFiles, type ScanOutcome } from '../../src/analyzer/scan.js';
import { UsageError } from '../../src/errors.js';
import { REPO_ROOT } from '../helpers/specs.js';
import { TEMPLATES } from './templates.js';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/projects/raw-client');

function summarize(result: ScanOutcome, root: string) {
  return result.calls.map(
    (c) =>
      `${path.relative(root, c.location.file)}:${c.location.line}:${c.location.column} ${c.method} ${c.path} ${c.via} [${c.keys.map((k) => `${k.in}:${k.name}`).join(' ')}] ${c.pinnedVersion ?? '-'}`,
  );
}

const EXPECTED_FIXTURE_CALLS = [
  'src/docker/containers.ts:15:28 GET /containers/json axios [query:all query:filters] 1.41',
  'src/docker/containers.ts:20:27 POST /containers/create axios [body:Image body:Labels body:Labels.app body:HostConfig body:HostConfig.CgroupnsMode body:HostConfig.Binds query:name] 1.41',
  'src/docker/containers.ts:25:11 POST /containers/{id}/start axios [] 1.41',
  'src/docker/containers.ts:31:11 DELETE /containers/{id} axios [query:force query:v] 1.41',
  'src/docker/images.ts:6:10 GET /images/{name}/json got [] -',
  'src/docker/images.ts:10:10 GET /images/{name}/json got [] -',
  'src/docker/images.ts:14:10 POST /images/{name}/push got [query:tag] -',
  'src/docker/images.ts:18:10 GET /images/json got [query:shared-size] -',
  'src/docker/modem.ts:6:3 GET /networks docker-modem [query:filters] 1.44',
  'src/docker/modem.ts:10:3 POST /volumes/create docker-modem [body:Name body:Driver] 1.44',
  'src/health.ts:4:26 GET /_ping fetch [] -',
  'src/health.ts:9:26 GET /version fetch [] -',
  'src/legacy/exec.js:5:15 POST /exec/{id}/start http [body:Detach body:Tty] -',
  'src/legacy/exec.js:11:15 POST /containers/{id}/exec http [body:Cmd body:AttachStdout body:ConsoleSize] -',
];

describe('scanFiles on a multi-file project with a tsconfig', () => {
  it('finds every raw-HTTP call style, typed', async () => {
    const result = await scanFiles({ paths: [FIXTURE], cwd: REPO_ROOT, templates: TEMPLATES });
    expect(result.typed).toBe(true);
    // tsconfig: allowJs takes the .js file, exclude drops the .spec.ts one
    expect(result.files.map((f) => path.relative(FIXTURE, f))).toEqual([
      'src/docker/containers.ts',
      'src/docker/images.ts',
      'src/docker/modem.ts',
      'src/docker/ping.ts',
      'src/health.ts',
      'src/legacy/exec.js',
    ]);
    // The typed-parameter Modem in ping.ts needs the checker.
    const withPing = [...EXPECTED_FIXTURE_CALLS];
    withPing.splice(10, 0, 'src/docker/ping.ts:5:3 GET /_ping docker-modem [] -');
    expect(summarize(result, FIXTURE)).toEqual(withPing);
    expect(result.unknown).toHaveLength(1);
    expect(result.unknown[0]).toMatchObject({
      location: { file: path.join(FIXTURE, 'src/health.ts'), line: 20, column: 10 },
      method: 'GET',
      path: '/containers/{}/stat?stream=false',
      nearest: { method: 'GET', path: '/containers/{id}/stats' },
    });
    expect(result.notices).toEqual([]);
  });

  it('finds the same calls without types', async () => {
    const result = await scanFiles({ paths: [FIXTURE], cwd: REPO_ROOT, templates: TEMPLATES, noTypes: true });
    expect(result.typed).toBe(false);
    expect(summarize(result, FIXTURE)).toEqual(EXPECTED_FIXTURE_CALLS);
  });
});

describe('scanFiles file selection', () => {
  let dir: string;
  const write = (relative: string, text: string) => {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  const call = (p: string) => `fetch('http://localhost${p}');\n`;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-files-'));
    write('src/a.ts', call('/containers/json'));
    write('src/b.mjs', call('/images/json'));
    write('src/c.d.ts', call('/info'));
    write('src/readme.md', call('/version'));
    write('node_modules/lib/index.js', call('/volumes'));
    write('dist/out.js', call('/networks'));
    write('build/x.js', call('/networks'));
    write('generated/api.ts', call('/swarm'));
    write('vendor/skip.ts', call('/services'));
    write('.gitignore', 'generated/\n');
    write('bin.js', Buffer.from([0x66, 0x65, 0x74, 0x63, 0x68, 0, 1, 2]).toString('latin1'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const paths = (result: ScanOutcome) => result.calls.map((c) => `${path.relative(dir, c.location.file)} ${c.path}`);

  it('takes source extensions, skips dependencies, build output, .d.ts and .gitignore-d files, honours --ignore', async () => {
    const result = await scanFiles({ paths: ['.'], cwd: dir, templates: TEMPLATES, ignore: ['vendor/**'] });
    expect(result.files.map((f) => path.relative(dir, f))).toEqual(['bin.js', 'src/a.ts', 'src/b.mjs']);
    expect(paths(result)).toEqual(['src/a.ts /containers/json', 'src/b.mjs /images/json']);
    expect(result.notices).toEqual([{ file: path.join(dir, 'bin.js'), kind: 'binary-file', message: 'not analyzed: binary content' }]);
  });

  it('expands globs and takes explicitly named files', async () => {
    const result = await scanFiles({ paths: ['src/*.ts', 'generated/api.ts'], cwd: dir, templates: TEMPLATES });
    expect(paths(result)).toEqual(['generated/api.ts /swarm', 'src/a.ts /containers/json']);
  });

  it('keeps a typed project going when one of its files is too deep to parse', async () => {
    const project = path.join(dir, 'typed');
    write('typed/tsconfig.json', JSON.stringify({ compilerOptions: { strict: true, types: [] }, include: ['*.ts'] }));
    write('typed/deep.ts', `fetch('/info');\nexport const x = ${'('.repeat(3000)}1${')'.repeat(3000)};\n`);
    write('typed/ok.ts', `export const r = fetch('http://localhost/v1.44/info');\n`);
    const result = await scanFiles({ paths: ['typed'], cwd: dir, templates: TEMPLATES });
    expect(result.calls.map((c) => `${path.relative(project, c.location.file)} ${c.path} ${c.pinnedVersion}`)).toEqual(['ok.ts /info 1.44']);
    // The Program cannot be built either: the project falls back to syntax only, the deep file becomes a notice.
    expect(result.typed).toBe(false);
    expect(result.notices).toEqual([
      { file: path.join(project, 'tsconfig.json'), kind: 'internal', message: expect.stringMatching(/^type information unavailable, scanning syntax only: /) },
      { file: path.join(project, 'deep.ts'), kind: 'parse-error', message: 'not analyzed: expressions nest too deeply to parse' },
    ]);
  });

  it('rejects a path that does not exist as a usage error', async () => {
    await expect(scanFiles({ paths: ['nope'], cwd: dir, templates: TEMPLATES })).rejects.toThrow(UsageError);
  });
});
