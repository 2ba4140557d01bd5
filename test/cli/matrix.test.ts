import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createMemoryIo } from '../../src/cli/io.js';

describe('matrix command', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('writes one self-contained page from the embedded database', async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'matrix-cli-'));
    dirs.push(cwd);
    const io = createMemoryIo({ cwd });
    expect(await main(['matrix', '--out', 'site'], io)).toBe(0);
    expect(io.out).toBe(`wrote ${path.join('site', 'index.html')}\n`);
    const html = await readFile(path.join(cwd, 'site/index.html'), 'utf8');
    expect(html).toContain('<span class="path">/containers/{id}/json</span>');
    expect(html).toContain('<span class="api">1.0</span>');
    expect(html).toContain('<span class="api">1.56</span>');
  });

  it('needs --out', async () => {
    const io = createMemoryIo();
    expect(await main(['matrix'], io)).toBe(2);
    expect(io.err).toMatch(/Missing required argument: out/);
  });
});
