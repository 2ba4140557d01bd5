import path from 'node:path';
import { loadHistoryFromSpecs } from '../loaders/index.js';
import type { ApiHistory } from '../model/history.js';
import { loadEmbeddedHistory } from './embedded.js';

export interface HistoryOptions {
  /** A folder of raw spec files (v1.0.md ... v1.56.yaml); the embedded database when absent. */
  specs?: string;
  /** Base for a relative `specs` path; the process's working directory when absent. */
  cwd?: string;
}

/** The one way commands get API data: raw specs when the user names a folder, else the embedded database. */
export async function loadHistory(options: HistoryOptions = {}): Promise<ApiHistory> {
  if (options.specs !== undefined && options.specs !== '') {
    return loadHistoryFromSpecs(path.resolve(options.cwd ?? process.cwd(), options.specs));
  }
  return loadEmbeddedHistory();
}
