import { describe, expect, it } from 'vitest';
import { createMemoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

/** The committed database: these tests are about the commands, not about loading (test/db covers that). */
async function run(...args: string[]) {
  const io = createMemoryIo();
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

describe('changelog (embedded database)', () => {
  it('changelog --from 1.50: newest first, grouped by endpoint, breaking marked', async () => {
    const { code, out } = await run('changelog', '--from', '1.50');
    expect(code).toBe(0);
    const headings = [...out.matchAll(/^## API (\S+)/gm)].map((m) => m[1]);
    expect(headings).toEqual(['1.56', '1.55', '1.54', '1.53', '1.52', '1.51', '1.50']);
    expect(out).toContain('## API 1.55\n\nCompared with 1.54: ');
    expect(out).toMatch(/## API 1\.55\n[\s\S]*### `GET \/images\/\{name\}\/attestations`\n\n- endpoint added\n[\s\S]*## API 1\.54/);
    expect(out).toMatch(/## API 1\.54\n[\s\S]*### `GET \/images\/json`\n\n- query parameter `identity` added\n[\s\S]*## API 1\.53/);
    expect(out).toMatch(/## API 1\.52 \(Docker 29\.0\)/);
    expect(out).toMatch(/- \*\*breaking\*\*: /);
    expect(out).toMatchSnapshot();
  });

  it('json: one entry per version with counts and classified changes', async () => {
    const json = JSON.parse((await run('changelog', '--from', '1.54', '--to', '1.55', '--format', 'json')).out);
    expect(json.versions.map((v: { version: string; previous: string }) => [v.version, v.previous])).toEqual([
      ['1.55', '1.54'],
      ['1.54', '1.53'],
    ]);
    const images = json.versions[1].endpoints.find((e: { path: string; method: string }) => e.method === 'GET' && e.path === '/images/json');
    expect(images.changes).toContainEqual({ kind: 'parameter-added', location: 'query', name: 'identity', required: false, breaking: false, check: 'parameter-added' });
  });

  it('rejects unknown or reversed ranges with exit 2', async () => {
    expect((await run('changelog', '--from', '0.9')).code).toBe(2);
    const reversed = await run('changelog', '--from', '1.50', '--to', '1.40');
    expect(reversed.code).toBe(2);
    expect(reversed.err).toContain('--from 1.50 is newer than --to 1.40');
  });
});
