import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createMemoryIo } from '../../src/cli/io.js';
import { REPO_ROOT } from '../helpers/specs.js';

// main.ts builds yargs from its factory with help rendering (cliui, string-width) loaded on first use;
// these check that help, version and usage errors still work through that path.
async function run(argv: string[]) {
  const io = createMemoryIo({ cwd: REPO_ROOT });
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

describe('docker-api-compat (yargs set-up)', () => {
  it('prints the top-level help with every command', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('docker-api-compat <command> [options]');
    for (const name of ['versions', 'endpoints', 'since', 'diff', 'changelog', 'scan', 'lint', 'matrix', 'specs']) {
      expect(out).toMatch(new RegExp(`^ {2}docker-api-compat ${name}\\b`, 'm'));
    }
    expect(out).toMatch(/--specs\s+Read raw spec files/);
  });

  it("prints a command's help with its options and examples", async () => {
    const { code, out } = await run(['since', '--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/--format\s+Output format/);
    expect(out).toContain('Examples:');
    expect(out).toContain('docker-api-compat since CgroupnsMode');
  });

  it('prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const { code, out } = await run(['--version']);
    expect(code).toBe(0);
    expect(out.trim()).toBe(version);
  });

  it('runs a command and then prints no help', async () => {
    const { code, out } = await run(['since', 'POST /containers/create HostConfig.CgroupnsMode', '--json']);
    expect(code).toBe(0);
    expect(() => JSON.parse(out) as unknown).not.toThrow();
    expect(out).not.toContain('Options:');
  });

  it('reports an unknown command as a usage error with a suggestion', async () => {
    const { code, err, out } = await run(['sinc', 'x']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^docker-api-compat: .*Did you mean since\?/m);
  });

  it('reports a missing command and an unknown option as usage errors', async () => {
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('name a command (see --help)');
    const unknown = await run(['versions', '--no-such-option']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/Unknown argument/i);
  });
});
