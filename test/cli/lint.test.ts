import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { REPO_ROOT } from '../helpers/specs.js';

/** Three hand-written versions (1.40, 1.41, 1.44): HostConfig.CgroupnsMode from 1.41, digests deprecated in 1.44, PUT /volumes/{name} from 1.44. */
const FIXTURE_SPECS = path.join(REPO_ROOT, 'test/lint/fixtures/specs');

const CREATE_WITH_CGROUPNS = [
  'export async function create() {',
  "  await fetch('http://localhost/containers/create', {",
  "    method: 'POST',",
  "    body: JSON.stringify({ Image: 'alpine', HostConfig: { CgroupnsMode: 'private' } }),",
  '  });',
  '}',
  '',
].join('\n');

const LIST_DIGESTS = "export const list = () => fetch('http://localhost/images/json?digests=1');\n";

function makeProject(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dac-lint-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

async function lint(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const io = createMemoryIo({ cwd, env });
  const code = await main(['lint', '--specs', FIXTURE_SPECS, ...args], io);
  return { code, out: io.out, err: io.err };
}

describe('lint command', () => {
  it('exits 1 on an error finding and prints it in stylish form', async () => {
    const cwd = makeProject({ 'src/create.ts': CREATE_WITH_CGROUPNS });
    const { code, out, err } = await lint(cwd, ['src']);
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(out.replace(cwd, '<cwd>')).toMatchInlineSnapshot(`
      "
      <cwd>/src/create.ts
        2:9  error  POST /containers/create body field HostConfig.CgroupnsMode is not available in API 1.40 (target 1.40..1.44): added in 1.41  parameter-unavailable

      ✖ 1 problem (1 error, 0 warnings)
      "
    `);
  });

  it('passes for a target where the field exists, however the target is given', async () => {
    const cwd = makeProject({ 'create.ts': CREATE_WITH_CGROUPNS });
    expect(await lint(cwd, ['--target', '1.41'])).toEqual({ code: 0, out: '', err: '' });
    expect((await lint(cwd, ['--docker', '20.10'])).code).toBe(0);
    expect((await lint(cwd, ['--target', 'docker@20.10..1.44'])).code).toBe(0);
    expect((await lint(cwd, [], { DOCKER_API_VERSION: '1.41' })).code).toBe(0);
    writeFileSync(path.join(cwd, '.docker-api-compat.json'), '{ "target": "1.41" }');
    expect((await lint(cwd, [])).code).toBe(0);
    expect((await lint(cwd, ['--target', '1.40'])).code).toBe(1);
  });

  it('exits 0 with warnings, 1 when they exceed --max-warnings', async () => {
    const cwd = makeProject({ 'list.ts': LIST_DIGESTS });
    const relaxed = await lint(cwd, []);
    expect(relaxed.code).toBe(0);
    expect(relaxed.out).toContain('1:27  warning  GET /images/json query parameter digests is deprecated in API 1.44 (target 1.40..1.44): deprecated since 1.44');
    expect((await lint(cwd, ['--max-warnings', '1'])).code).toBe(0);
    const strict = await lint(cwd, ['--max-warnings', '0']);
    expect(strict.code).toBe(1);
    expect(strict.err).toBe('docker-api-compat found too many warnings (maximum: 0).\n');
  });

  it('writes the chosen format, to a file when asked', async () => {
    const cwd = makeProject({ 'create.ts': CREATE_WITH_CGROUPNS });
    const json = await lint(cwd, ['--format', 'json']);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.out) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
    expect(parsed.map((r) => [r.filePath, r.messages.map((m) => [m.ruleId, m.line, m.column])])).toEqual([
      [path.join(cwd, 'create.ts'), [['parameter-unavailable', 2, 9]]],
    ]);
    const sarif = await lint(cwd, ['--format', 'sarif', '--output-file', 'reports/lint.sarif']);
    expect(sarif.out).toBe('');
    expect(sarif.code).toBe(1);
    const log = JSON.parse(readFileSync(path.join(cwd, 'reports/lint.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(log.runs[0]!.results.map((r) => r.ruleId)).toEqual(['parameter-unavailable']);
  });

  it('honours rule settings and ignore patterns of the config', async () => {
    const cwd = makeProject({
      'create.ts': CREATE_WITH_CGROUPNS,
      'gen/create.ts': CREATE_WITH_CGROUPNS,
      '.docker-api-compat.json': JSON.stringify({ rules: { 'parameter-unavailable': 'warn' }, ignore: ['gen/**'] }),
    });
    const { code, out } = await lint(cwd, ['--format', 'json']);
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { filePath: string; messages: { severity: number }[] }[];
    expect(parsed.map((r) => [path.relative(cwd, r.filePath), r.messages.map((m) => m.severity)])).toEqual([['create.ts', [1]]]);
  });

  it('suppresses with comments and reports unused directives when asked', async () => {
    const suppressed = CREATE_WITH_CGROUPNS.replace('  await fetch(', '  // docker-api-compat-disable-next-line parameter-unavailable\n  await fetch(');
    const cwd = makeProject({ 'create.ts': suppressed, 'other.ts': `// docker-api-compat-disable-next-line\n${LIST_DIGESTS.replace('images/json?digests=1', 'containers/json?all=1')}` });
    expect(await lint(cwd, [])).toEqual({ code: 0, out: '', err: '' });
    const reported = await lint(cwd, ['--report-unused-disable-directives']);
    expect(reported.code).toBe(0);
    expect(reported.out).toContain('1:1  warning  Unused docker-api-compat-disable directive');
    expect((await lint(cwd, ['--report-unused-disable-directives', '--max-warnings', '0'])).code).toBe(1);
  });

  it.each([
    [['--target', '1.99'], /unknown API version 1.99 in target "1.99"; valid versions: 1.40, 1.41, 1.44/],
    [['--target', 'newest'], /not a target range: "newest"/],
    [['--target', '1.41', '--docker', '20.10'], /either --target or --docker/],
    [['--format', 'xml'], /Invalid values/],
    [['--max-warnings', '-1'], /--max-warnings must be a whole number/],
    [['--config', 'nope.json'], /nope.json: config file not found/],
    [['missing-dir'], /no such file or directory: missing-dir/],
  ])('exits 2 with one line for %j', async (args, message) => {
    const cwd = makeProject({ 'create.ts': CREATE_WITH_CGROUPNS });
    const { code, out, err } = await lint(cwd, args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 naming the key of an invalid config', async () => {
    const cwd = makeProject({ 'create.ts': CREATE_WITH_CGROUPNS, '.docker-api-compat.json': '{"rules": {"endpoint-unavailabel": "error"}}' });
    const { code, err } = await lint(cwd, []);
    expect(code).toBe(2);
    expect(err).toBe('docker-api-compat: .docker-api-compat.json: rules.endpoint-unavailabel: unknown rule\n');
  });

  it('reuses the cache and survives a corrupted cache file', async () => {
    const cwd = makeProject({ 'create.ts': CREATE_WITH_CGROUPNS });
    const first = await lint(cwd, ['--cache']);
    expect(first.code).toBe(1);
    const cacheFile = path.join(cwd, '.docker-api-compat-cache');
    expect(existsSync(cacheFile)).toBe(true);
    expect(await lint(cwd, ['--cache'])).toEqual(first);
    writeFileSync(cacheFile, '{"format": "docker-api-compat/lint-cache", "schema": 1, "key": tru');
    expect(await lint(cwd, ['--cache'])).toEqual(first);
    expect(() => JSON.parse(readFileSync(cacheFile, 'utf8'))).not.toThrow();
    await lint(cwd, ['--cache', '--cache-location', 'tmp/']);
    expect(existsSync(path.join(cwd, 'tmp/.docker-api-compat-cache'))).toBe(true);
  });

  it('shows progress on a terminal with stylish output only', async () => {
    const files = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`f${i}.ts`, LIST_DIGESTS]));
    const cwd = makeProject(files);
    const tty = createMemoryIo({ cwd, env: {}, isTTY: true });
    await main(['lint', '--specs', FIXTURE_SPECS, '--color', 'false'], tty);
    expect(tty.err).toContain('Linting 25 files');
    const json = createMemoryIo({ cwd, env: {}, isTTY: true });
    await main(['lint', '--specs', FIXTURE_SPECS, '--format', 'json'], json);
    expect(json.err).toBe('');
    const pipe = await lint(cwd, []);
    expect(pipe.err).toBe('');
  });
});

describe('lint --staged', () => {
  function git(cwd: string, ...args: string[]): void {
    execFileSync('git', args, { cwd, stdio: 'ignore' });
  }

  function makeRepo(): string {
    const cwd = makeProject({});
    git(cwd, 'init', '-q');
    git(cwd, 'config', 'user.email', 'test@example.com');
    git(cwd, 'config', 'user.name', 'Test');
    return cwd;
  }

  const FIXED = CREATE_WITH_CGROUPNS.replace(", HostConfig: { CgroupnsMode: 'private' }", '');

  it('lints the index, not the work tree', async () => {
    const cwd = makeRepo();
    writeFileSync(path.join(cwd, 'create.ts'), CREATE_WITH_CGROUPNS);
    git(cwd, 'add', 'create.ts');
    const staged = await lint(cwd, ['--staged']);
    expect(staged.code).toBe(1);
    expect(staged.out).toContain(`${path.join(cwd, 'create.ts')}\n  2:9  error  POST /containers/create body field HostConfig.CgroupnsMode`);

    // Fixed in the index, still broken in the work tree: passes.
    writeFileSync(path.join(cwd, 'create.ts'), FIXED);
    git(cwd, 'add', 'create.ts');
    writeFileSync(path.join(cwd, 'create.ts'), CREATE_WITH_CGROUPNS);
    expect((await lint(cwd, ['--staged'])).code).toBe(0);
    expect((await lint(cwd, ['create.ts'])).code).toBe(1);

    // And the reverse: broken in the index, fixed in the work tree: fails.
    git(cwd, 'add', 'create.ts');
    writeFileSync(path.join(cwd, 'create.ts'), FIXED);
    expect((await lint(cwd, ['--staged'])).code).toBe(1);
    expect((await lint(cwd, ['create.ts'])).code).toBe(0);
  });

  it('caches staged contents by their hash', async () => {
    const cwd = makeRepo();
    writeFileSync(path.join(cwd, 'create.ts'), CREATE_WITH_CGROUPNS);
    git(cwd, 'add', 'create.ts');
    const first = await lint(cwd, ['--staged', '--cache']);
    expect(first.code).toBe(1);
    expect(await lint(cwd, ['--staged', '--cache'])).toEqual(first);
    writeFileSync(path.join(cwd, 'create.ts'), FIXED);
    git(cwd, 'add', 'create.ts');
    expect((await lint(cwd, ['--staged', '--cache'])).code).toBe(0);
  });

  it('lints only staged files, filtered by the given paths', async () => {
    const cwd = makeRepo();
    writeFileSync(path.join(cwd, 'unstaged.ts'), CREATE_WITH_CGROUPNS);
    mkdirSync(path.join(cwd, 'a'));
    writeFileSync(path.join(cwd, 'a/one.ts'), CREATE_WITH_CGROUPNS);
    writeFileSync(path.join(cwd, 'notes.md'), 'fetch("http://localhost/containers/create")');
    git(cwd, 'add', 'a/one.ts', 'notes.md');
    expect((await lint(cwd, ['--staged', 'b'])).code).toBe(0);
    const json = await lint(cwd, ['--staged', '--format', 'json']);
    expect((JSON.parse(json.out) as { filePath: string }[]).map((r) => path.relative(cwd, r.filePath))).toEqual(['a/one.ts']);
  });

  it('exits 2 outside a git repository', async () => {
    const cwd = makeProject({ 'create.ts': CREATE_WITH_CGROUPNS });
    const { code, err } = await lint(cwd, ['--staged']);
    expect(code).toBe(2);
    expect(err).toMatch(/^docker-api-compat: --staged: git rev-parse failed: /);
  });
});
