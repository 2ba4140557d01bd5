import { describe, expect, it } from 'vitest';
import { createMemoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

/** The committed database: these tests are about the commands, not about loading (test/db covers that). */
async function run(...args: string[]) {
  const io = createMemoryIo();
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

describe('diff (embedded database)', () => {
  it('diff 1.41 1.47 --breaking-only lists only breaking changes, grouped by endpoint', async () => {
    const { code, out } = await run('diff', '1.41', '1.47', '--breaking-only');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^API 1\.41 \(Docker 20\.10\) -> 1\.47 \(Docker 27\.2\): \d+ changes, \d+ breaking \(showing breaking only\)$/);
    const changeLines = lines.filter((l) => l.startsWith('  '));
    expect(changeLines.length).toBeGreaterThan(5);
    for (const l of changeLines) expect(l).toMatch(/^ {2}BREAKING /);
    // KernelMemory left HostConfig in 1.42; ContainerConfig left image inspect in 1.45 (folded with its sub-fields).
    expect(out).toContain('POST /containers/create\n  BREAKING body field HostConfig.KernelMemory removed\n');
    expect(out).toMatch(/GET \/images\/\{name\}\/json\n(?: {2}.*\n)*? {2}BREAKING response field ContainerConfig removed \(with \d+ nested fields\)\n/);
    expect(out).toMatchSnapshot();
  });

  it('json and md formats carry the same changes', async () => {
    const json = JSON.parse((await run('diff', '1.41', '1.47', '--format', 'json')).out);
    expect(json).toMatchObject({ from: '1.41', to: '1.47' });
    expect(json.total).toBeGreaterThan(json.breaking);
    const create = json.endpoints.find((e: { method: string; path: string }) => e.method === 'POST' && e.path === '/containers/create');
    expect(create.changes).toContainEqual({ kind: 'request-field-removed', location: 'body', name: 'HostConfig.KernelMemory', breaking: true, check: 'request-field-removed' });
    const md = (await run('diff', 'v1.41', 'v1.47', '--format', 'md', '--breaking-only')).out;
    expect(md).toContain('## `POST /containers/create`\n\n- **breaking**: body field `HostConfig.KernelMemory` removed\n');
  });

  it('rejects unknown versions with exit 2, listing the valid ones', async () => {
    const { code, err } = await run('diff', '1.41', '1.99');
    expect(code).toBe(2);
    expect(err).toMatch(/unknown API version \(to\) "1\.99"; valid versions: 1\.0, 1\.1, .*1\.56\n$/);
  });
});
