import type { Argv } from 'yargs';
import type { HistoryOptions } from '../db/load-history.js';
import type { ApiHistory } from '../model/history.js';
import type { CliIo } from './io.js';

/**
 * One CLI command: argument parsing in `builder`, the work in `run`, which calls the library,
 * picks a formatter, writes through `io` and returns the exit code.
 */
export interface CommandDefinition {
  command: string | string[];
  describe: string;
  // yargs' builder types are too precise to share across commands; each command narrows its own args.
  builder: (yargs: Argv) => Argv<any>;
  run: (args: Record<string, unknown>, io: CliIo) => Promise<number>;
}

export function defineCommand(definition: CommandDefinition): CommandDefinition {
  return definition;
}

/**
 * `loadHistory` of `db/load-history.js`, loaded on first use. That module imports the raw-spec loaders
 * (swagger-parser, js-yaml, ajv) statically; a command reading the embedded database needs none of
 * them, and importing them would cost more than the query itself.
 */
export async function loadHistory(options: HistoryOptions = {}): Promise<ApiHistory> {
  if (options.specs !== undefined && options.specs !== '') {
    const { loadHistory: loadFromSpecs } = await import('../db/load-history.js');
    return loadFromSpecs(options);
  }
  const { loadEmbeddedHistory } = await import('../db/embedded.js');
  return loadEmbeddedHistory();
}
