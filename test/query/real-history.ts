import { vi } from 'vitest';
import type { HistoryOptions } from '../../src/db/load-history.js';
import { loadHistoryFromSpecs } from '../../src/loaders/index.js';
import type { ApiHistory } from '../../src/model/history.js';

/**
 * The real history, loaded from the upstream specs once per test file: the CLI tests pass
 * `--specs` and this stand-in for `loadHistory` checks that it arrives, then serves the cached
 * result so each command does not spend twenty seconds re-reading 57 spec files.
 */
let cached: Promise<ApiHistory> | undefined;
export const loadHistorySpy = vi.fn(async (options: HistoryOptions = {}): Promise<ApiHistory> => {
  if (!options.specs) throw new Error('test expects --specs to reach loadHistory');
  cached ??= loadHistoryFromSpecs(options.specs);
  return cached;
});
