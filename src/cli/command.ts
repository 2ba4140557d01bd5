import type { Argv } from 'yargs';
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
