import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createMemoryIo } from '../../src/cli/io.js';
import { loadEmbeddedHistory } from '../../src/db/embedded.js';
import { isDeprecatedIn, isPresentIn } from '../../src/history/query.js';

async function run(args: string[]) {
  const io = createMemoryIo();
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

describe('endpoints', () => {
  const history = loadEmbeddedHistory();
  const newest = history.versions.at(-1)!.version;
  const countIn = (version: string) => history.endpoints.filter((e) => isPresentIn(e, version)).length;

  it('lists the newest version by default: method, path, operationId', async () => {
    const { code, out, err } = await run(['endpoints']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^METHOD\s+PATH\s+OPERATION\s+DEPRECATED$/);
    expect(lines).toHaveLength(countIn(newest) + 2);
    expect(lines.at(-1)).toMatch(new RegExp(`^API ${newest.replace('.', '\\.')}: ${countIn(newest)} endpoints, \\d+ deprecated\\.$`));
    expect(lines.find((l) => / \/containers\/json /.test(l))?.split(/\s+/)).toEqual(['GET', '/containers/json', 'ContainerList']);
  });

  it('takes --version in any accepted spelling, without clashing with the tool version flag', async () => {
    const { code, out } = await run(['endpoints', '--version', 'v1.24']);
    expect(code).toBe(0);
    expect(out).toContain(`API 1.24: ${countIn('1.24')} endpoints`);
    // v1.24 is a markdown reference: no operationIds there.
    expect(out.split('\n').find((l) => l.includes(' /containers/json'))?.split(/\s+/).slice(0, 3)).toEqual(['GET', '/containers/json', '-']);
  });

  it('marks deprecated endpoints with the version that deprecated them', async () => {
    const deprecated = history.endpoints.find((e) => e.deprecated && isDeprecatedIn(e, e.deprecated.version))!;
    expect(deprecated).toBeDefined();
    const { out } = await run(['endpoints', '--version', deprecated.deprecated!.version]);
    const line = out.split('\n').find((l) => l.split(/\s+/)[0] === deprecated.method && l.split(/\s+/)[1] === deprecated.path);
    expect(line).toMatch(new RegExp(`deprecated since ${deprecated.deprecated!.version.replace('.', '\\.')}$`));
    const plain = out.split('\n').find((l) => l.startsWith('GET ') && l.includes(' /_ping'));
    expect(plain).not.toContain('deprecated');
  });

  it('prints JSON with --json', async () => {
    const { code, out } = await run(['endpoints', '--version', '1.41', '--json']);
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { version: string; endpoints: { method: string; path: string; operationId?: string }[] };
    expect(parsed.version).toBe('1.41');
    expect(parsed.endpoints).toHaveLength(countIn('1.41'));
    expect(parsed.endpoints).toContainEqual({ method: 'GET', path: '/containers/json', operationId: 'ContainerList' });
  });

  it('rejects an unknown version with exit 2, listing the valid ones', async () => {
    const { code, out, err } = await run(['endpoints', '--version', '1.99']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`docker-api-compat: unknown API version "1.99"; valid versions: ${history.versions.map((v) => v.version).join(', ')}\n`);
    expect((await run(['endpoints', '--version', 'latest'])).code).toBe(2);
  });

  it('rejects --version without a value instead of listing the newest version', async () => {
    expect(await run(['endpoints', '--version'])).toEqual({
      code: 2,
      out: '',
      err: 'docker-api-compat: endpoints: --version needs an API version, e.g. --version 1.41\n',
    });
  });
});
