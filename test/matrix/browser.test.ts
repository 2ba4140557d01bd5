import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMatrixSite } from '../../src/matrix/site.js';
import { launchChromium } from '../helpers/browser.js';
import { REPO_ROOT } from '../helpers/specs.js';
import { buildFixtureHistory } from './fixture.js';

const ARTIFACTS = path.join(REPO_ROOT, 'test/artifacts');

describe('matrix page in a real browser', () => {
  let browser: Browser;
  let dir: string;
  let url: string;

  beforeAll(async () => {
    browser = await launchChromium();
    dir = await mkdtemp(path.join(os.tmpdir(), 'matrix-'));
    const [file] = await writeMatrixSite(buildFixtureHistory(), dir);
    url = pathToFileURL(file!).href;
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('filters endpoints, parameters and fields as you type', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(url);
    await page.waitForSelector('html[data-ready="true"]');
    const visibleRows = () => page.locator('tr[data-endpoint]:visible th.ep .path').allTextContents();
    expect(await visibleRows()).toHaveLength(3);

    await page.fill('#search', 'shared-size');
    expect(await visibleRows()).toEqual(['/images/json']);
    expect(await page.locator('tr[data-endpoint]:visible .hits').textContent()).toBe('matches: shared-size');

    await page.fill('#search', 'cgroupns');
    expect(await visibleRows()).toEqual(['/containers/create']);
    await expect.poll(() => page.locator('#status').textContent()).toContain('1 of 3 endpoints shown');

    await page.fill('#search', '');
    expect(await visibleRows()).toHaveLength(3);
    expect(requests).toEqual([]);
  });

  it('highlights what a Docker release supports and opens an endpoint timeline from the keyboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
    await page.goto(url);
    await page.waitForSelector('html[data-ready="true"]');
    await page.selectOption('#release', '1.43');
    expect(await page.locator('tr.unsupported .path').allTextContents()).toEqual(['/build/prune']);
    expect(await page.locator('tr.supported .path').allTextContents()).toEqual(['/containers/create', '/images/json']);
    await expect.poll(() => page.locator('#status').textContent()).toContain('Docker 24.0 (API 1.43) supports 2 of them');

    await page.focus('tr[data-endpoint] .open');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { col: el.dataset.col, text: el.textContent, row: el.closest('tr')?.querySelector('.path')?.textContent };
    });
    expect(focused).toEqual({ col: '1', text: '✓', row: '/build/prune' });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#detail-title').textContent()).toBe('POST /build/prune');
    await page.screenshot({ path: path.join(ARTIFACTS, 'matrix-fixture.png') });
    await page.keyboard.press('Escape');
    expect(await page.locator('#detail').isHidden()).toBe(true);
  });
});
