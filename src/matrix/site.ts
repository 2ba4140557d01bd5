import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApiHistory } from '../model/history.js';
import { buildMatrixData } from './data.js';
import { renderMatrixPage } from './page.js';

/** Writes the static matrix site (one self-contained index.html) into `outDir`, atomically. */
export async function writeMatrixSite(history: ApiHistory, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const target = path.join(outDir, 'index.html');
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, renderMatrixPage(buildMatrixData(history)));
  await rename(temp, target);
  return [target];
}
