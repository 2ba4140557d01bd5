import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

describe('html reports of a codebase', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(os.tmpdir(), 'html-report-'));
    await mkdir(path.join(cwd, 'src'));
    await writeFile(
      path.join(cwd, 'src/app.ts'),
      [
        "export const list = () => fetch('http://localhost/images/json?shared-size=1');",
        "export const ping = () => fetch('http://localhost/_ping');",
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    if (cwd) await rm(cwd, { recursive: true, force: true });
  });

  it('lint --format html -o writes one page with the calls, the minimum version and the findings', async () => {
    const io = createMemoryIo({ cwd });
    expect(await main(['lint', 'src', '--target', '1.41', '--format', 'html', '-o', 'report.html'], io)).toBe(1);
    expect(io.out).toBe('');
    const html = await readFile(path.join(cwd, 'report.html'), 'utf8');
    expect(html).toContain('<div class="big" id="minimum">API 1.42 (Docker 23.0)</div>');
    expect(html).toContain('<td><code>GET /images/json</code></td><td>1</td><td>fetch</td>');
    expect(html).toContain('<td><code>GET /_ping</code></td>');
    expect(html).toMatch(/<td class="sev-error">error<\/td><td><code>parameter-unavailable<\/code><\/td><td>GET \/images\/json query parameter shared-size is not available in API 1\.41/);
    expect(html).toContain('Findings for API 1.41..1.55');
  });

  it('scan --format html prints the page without findings', async () => {
    const io = createMemoryIo({ cwd });
    expect(await main(['scan', 'src', '--format', 'html'], io)).toBe(0);
    expect(io.out).toMatch(/^<!doctype html>/);
    expect(io.out).toContain('<div class="big">2</div><div>2 call sites</div>');
    expect(io.out).not.toContain('Findings for');
  });
});
