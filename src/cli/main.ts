import yargs from 'yargs';
import { describeError, exitCodeFor, UsageError } from '../errors.js';
import type { CommandDefinition } from './command.js';
import { COMMANDS } from './commands/index.js';
import { createProcessIo, type CliIo } from './io.js';

const GLOBAL_OPTIONS = {
  specs: {
    type: 'string',
    describe: 'Read raw spec files (v1.0.md ... v1.56.yaml) from this directory instead of the embedded database',
  },
} as const;

/** Runs the CLI and returns its exit code. Never throws and never calls process.exit. */
export async function main(argv: string[], io: CliIo = createProcessIo()): Promise<number> {
  let exitCode: number | undefined;
  let helpText = '';
  const parser = yargs(argv)
    .scriptName('docker-api-compat')
    .usage('$0 <command> [options]\n\nKnows the whole history of the Docker Engine API and checks code against it.')
    .options(GLOBAL_OPTIONS)
    .strict()
    .demandCommand(1, 'name a command (see --help)')
    .recommendCommands()
    .help()
    .version()
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      if (error) throw error;
      throw new UsageError(message);
    });
  for (const definition of COMMANDS) parser.command(toYargsCommand(definition, io, (code) => (exitCode = code)));
  try {
    await parser.parseAsync(argv, {}, (_err, _argv, output) => {
      helpText = output;
    });
    if (helpText) io.stdout(helpText.endsWith('\n') ? helpText : `${helpText}\n`);
    return exitCode ?? 0;
  } catch (error) {
    io.stderr(`docker-api-compat: ${describeError(error, io.env)}\n`);
    return exitCodeFor(error);
  }
}

function toYargsCommand(definition: CommandDefinition, io: CliIo, setExitCode: (code: number) => void) {
  return {
    command: definition.command,
    describe: definition.describe,
    builder: definition.builder,
    handler: async (args: Record<string, unknown>) => {
      setExitCode(await definition.run(args, io));
    },
  };
}
