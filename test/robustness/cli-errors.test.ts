import { readFileSync } from 'node:fs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { decodeDatabase } from '../../src/db/codec.js';
import { findEmbeddedDatabaseFile } from '../../src/db/embedded.js';
import { describeError, InputError, UsageError } from '../../src/errors.js';
import { REPO_ROOT } from '../helpers/specs.js';

const FIXTURE_SPECS = path.join(REPO_ROOT, 'test/lint/fixtures/specs');
const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dac-cli-robust-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[], cwd = os.tmpdir()) {
  const io = createMemoryIo({ cwd });
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

/** Every command, with every kind of mistake that applies to it. */
const MISTAKES: Array<[command: string, mistake: string, args: string[], message: RegExp]> = [
  ['(none)', 'missing command', [], /name a command/],
  ['(none)', 'unknown command', ['bogus'], /Unknown argument: bogus/],
  ['versions', 'unknown flag', ['versions', '--bogus'], /Unknown argument: bogus/],
  ['versions', 'nonexistent path', ['versions', '--specs', '/nonexistent/specs'], /\/nonexistent\/specs: cannot read spec folder \(ENOENT\)/],
  ['endpoints', 'unknown flag', ['endpoints', '--bogus'], /Unknown argument: bogus/],
  ['endpoints', 'bad version', ['endpoints', '--version', '9.99'], /unknown API version "9\.99"; valid versions: 1\.0, /],
  ['since', 'unknown flag', ['since', 'x', '--bogus'], /Unknown argument: bogus/],
  ['since', 'missing required arg', ['since'], /Not enough non-option arguments/],
  ['since', 'bad --format', ['since', 'x', '--format', 'xml'], /Invalid values: Argument: format, Given: "xml", Choices: "text", "json"/],
  ['diff', 'unknown flag', ['diff', '1.41', '1.44', '--bogus'], /Unknown argument: bogus/],
  ['diff', 'missing required arg', ['diff', '1.41'], /Not enough non-option arguments: got 1, need at least 2/],
  ['diff', 'bad version', ['diff', '1.41', '9.99'], /unknown API version \(to\) "9\.99"/],
  ['diff', 'bad --format', ['diff', '1.41', '1.44', '--format', 'xml'], /Invalid values: Argument: format, Given: "xml"/],
  ['changelog', 'unknown flag', ['changelog', '--bogus'], /Unknown argument: bogus/],
  ['changelog', 'bad version', ['changelog', '--from', '9.99'], /unknown API version \(--from\) "9\.99"/],
  ['changelog', 'bad --format', ['changelog', '--format', 'xml'], /Invalid values: Argument: format, Given: "xml"/],
  ['scan', 'unknown flag', ['scan', '--bogus'], /Unknown argument: bogus/],
  ['scan', 'nonexistent path', ['scan', '/nonexistent/src'], /no such file or directory: \/nonexistent\/src/],
  ['scan', 'bad --format', ['scan', '--format', 'xml'], /Invalid values: Argument: format, Given: "xml", Choices: "text", "json"/],
  ['lint', 'unknown flag', ['lint', '--bogus'], /Unknown argument: bogus/],
  ['lint', 'nonexistent path', ['lint', '/nonexistent/src'], /no such file or directory: \/nonexistent\/src/],
  ['lint', 'bad version', ['lint', '--target', '9.99'], /unknown API version 9\.99 in target "9\.99"/],
  ['lint', 'bad --format', ['lint', '--format', 'xml'], /Invalid values: Argument: format, Given: "xml"/],
  ['lint', 'nonexistent config', ['lint', '--config', '/nonexistent/config.json'], /config file not found/],
  ['matrix', 'unknown flag', ['matrix', '--out', 'site', '--bogus'], /Unknown argument: bogus/],
  ['matrix', 'missing required arg', ['matrix'], /Missing required argument: out/],
  ['specs', 'unknown flag', ['specs', 'build', '--from', 'x', '--bogus'], /Unknown argument: bogus/],
  ['specs', 'missing required arg', ['specs', 'build'], /specs build needs --from <dir>/],
  ['specs', 'unknown action', ['specs', 'nope'], /Invalid values: Argument: action, Given: "nope", Choices: "build", "fetch"/],
  ['specs', 'nonexistent path', ['specs', 'build', '--from', '/nonexistent/specs'], /\/nonexistent\/specs: cannot read spec folder/],
];

describe('every command with bad arguments: exit 2, one line, no stack trace', () => {
  it.each(MISTAKES)('%s: %s', async (_command, _mistake, args, message) => {
    const cwd = tempDir();
    const { code, out, err } = await run(args, cwd);
    expect(code).toBe(2);
    expect(out).toBe('');
    const lines = err.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^docker-api-compat: /);
    expect(lines[0]).toMatch(message);
    expect(err).not.toMatch(/internal error|\n\s+at /);
    // A failed command leaves the working directory as it was.
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  it('covers every command', async () => {
    const { COMMANDS } = await import('../../src/cli/commands/index.js');
    const names = COMMANDS.map((c) => String(Array.isArray(c.command) ? c.command[0] : c.command).split(' ')[0]);
    expect(new Set(MISTAKES.map(([command]) => command).filter((c) => c !== '(none)'))).toEqual(new Set(names));
  });
});

describe('DEBUG', () => {
  const failure = new InputError('spec is broken', 'v1.30.yaml', 3);

  it('shows one line without DEBUG, the stack with DEBUG=docker-api-compat in the environment given', () => {
    expect(describeError(failure, {})).toBe('v1.30.yaml:3: spec is broken');
    expect(describeError(failure, { DEBUG: 'other,docker-api-compat' })).toMatch(/^InputError: v1\.30\.yaml:3: spec is broken\n\s+at /);
    expect(describeError(new Error('boom\nmore'), {})).toBe('internal error: boom');
    expect(describeError(new UsageError('Invalid values:\n  Argument: x, Given: "y"'), {})).toBe('Invalid values: Argument: x, Given: "y"');
  });
});

describe('empty input', () => {
  const emptyFolder = (): string => {
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, 'README.md'), '# nothing to scan\n');
    return cwd;
  };

  it('scan of a folder without source files exits 0 and says there are no files', async () => {
    expect(await run(['scan'], emptyFolder())).toEqual({ code: 0, out: 'No files to scan.\n', err: '' });
  });

  it('lint of a folder without source files exits 0', async () => {
    expect((await run(['lint', '--specs', FIXTURE_SPECS], emptyFolder())).code).toBe(0);
  });

  it('lint of a folder without source files says there are no files', async () => {
    const lint = await run(['lint', '--specs', FIXTURE_SPECS], emptyFolder());
    expect(`${lint.out}${lint.err}`.toLowerCase()).toMatch(/no files/);
  });
});

describe('writes only where told', () => {
  const project = (): string => {
    const cwd = tempDir();
    fs.mkdirSync(path.join(cwd, 'src'));
    fs.writeFileSync(path.join(cwd, 'src/app.ts'), "export const ping = () => fetch('http://localhost/_ping');\n");
    return cwd;
  };
  const listTree = (dir: string): string[] => (fs.readdirSync(dir, { recursive: true }) as string[]).map((p) => p.split(path.sep).join('/')).sort();

  it('scan writes nothing', async () => {
    const cwd = project();
    expect((await run(['scan', '--format', 'json'], cwd)).code).toBe(0);
    expect(listTree(cwd)).toEqual(['src', 'src/app.ts']);
  });

  it('lint writes only its --output-file and --cache-location, leaving no temporary files', async () => {
    const cwd = project();
    const result = await run(['lint', '--specs', FIXTURE_SPECS, '--cache', '--cache-location', 'cache/lint.json', '--format', 'json', '--output-file', 'out/report.json'], cwd);
    expect(result.code).toBe(0);
    expect(listTree(cwd)).toEqual(['cache', 'cache/lint.json', 'out', 'out/report.json', 'src', 'src/app.ts']);
    expect(() => JSON.parse(fs.readFileSync(path.join(cwd, 'out/report.json'), 'utf8'))).not.toThrow();
  });
});

describe('a corrupted embedded database is detected, not trusted', () => {
  it('one changed character in the payload (same length) fails the checksum', () => {
    const file = findEmbeddedDatabaseFile();
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('"/containers/json"');
    expect(at).toBeGreaterThan(0);
    const tampered = `${text.slice(0, at)}"/containers/jsom"${text.slice(at + '"/containers/json"'.length)}`;
    expect(tampered.length).toBe(text.length);
    expect(() => decodeDatabase(tampered, file)).toThrowError(new InputError('embedded database is corrupted (checksum mismatch): run specs build', file));
  });
});
