import { notStrictEqual, strictEqual } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import type { Argv } from 'yargs';
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
  try {
    const yargs = await loadYargs();
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
    if (!isHelpRequested(argv)) skipHelpCache(parser);
    for (const definition of COMMANDS) parser.command(toYargsCommand(definition, io, (code) => (exitCode = code)));
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

// ---- yargs, loaded without its help-rendering dependencies --------------------------------------
//
// yargs' own ESM entry eagerly imports cliui and string-width, which compile large Unicode regular
// expressions at import time (~0.1 s, most of a cold `since`). They only render help text, so this
// builds yargs from its factory with the same platform shim as its entry, except that those two load
// on first use (require of an ES module, supported from Node 20.19, the package's minimum).

type YargsFactory = (processArgs?: readonly string[]) => Argv;

let yargsFactory: YargsFactory | undefined;
const Y18N: string = 'y18n';

async function loadYargs(): Promise<YargsFactory> {
  if (yargsFactory) return yargsFactory;
  const require = createRequire(import.meta.url);
  const yargsDir = path.dirname(require.resolve('yargs/package.json'));
  // The factory is not in yargs' exports map; its path is stable within the pinned major version.
  const factoryModule = (await import(pathToFileURL(path.join(yargsDir, 'build', 'lib', 'yargs-factory.js')).href)) as {
    YargsFactory: (shim: unknown) => YargsFactory;
  };
  const [{ default: Parser }, { default: y18n }, { default: escalade }, { default: getCallerFile }, { getProcessArgvBin }] = await Promise.all([
    import('yargs-parser'),
    // y18n ships no type declarations; a non-literal specifier keeps the compiler from looking for them.
    import(Y18N) as Promise<{ default: (options: { directory: string; updateFiles: boolean }) => unknown }>,
    import('escalade/sync'),
    import('get-caller-file'),
    import(pathToFileURL(path.join(yargsDir, 'build', 'lib', 'utils', 'process-argv.js')).href) as Promise<{ getProcessArgvBin: () => string[] }>,
  ]);
  const packageRequire = createRequire(path.join(yargsDir, 'package.json'));
  const loadDefault = <T>(name: string): T => {
    const loaded = packageRequire(name) as T | { default: T };
    return typeof loaded === 'object' && loaded !== null && 'default' in loaded ? loaded.default : (loaded as T);
  };
  let cliui: unknown;
  let stringWidth: unknown;
  const mainFilename = yargsDir.substring(0, yargsDir.lastIndexOf('node_modules'));
  const shim = {
    assert: { notStrictEqual, strictEqual },
    get cliui() {
      return (cliui ??= loadDefault('cliui'));
    },
    findUp: escalade,
    getEnv: (key: string) => process.env[key],
    inspect,
    getProcessArgvBin,
    mainFilename: mainFilename || process.cwd(),
    Parser,
    path: { basename: path.basename, dirname: path.dirname, extname: path.extname, relative: path.relative, resolve: path.resolve, join: path.join },
    process: {
      argv: () => process.argv,
      cwd: process.cwd,
      emitWarning: (warning: string, type: string) => process.emitWarning(warning, type),
      execPath: () => process.execPath,
      exit: (code: number) => process.exit(code),
      nextTick: process.nextTick,
      stdColumns: typeof process.stdout.columns !== 'undefined' ? process.stdout.columns : null,
    },
    readFileSync,
    readdirSync,
    require: packageRequire,
    getCallerFile: () => {
      const callerFile = getCallerFile(3);
      return callerFile.match(/^file:\/\//) ? new URL(callerFile).pathname : callerFile;
    },
    get stringWidth() {
      return (stringWidth ??= loadDefault('string-width'));
    },
    y18n: y18n({ directory: path.join(yargsDir, 'locales'), updateFiles: false }),
  };
  return (yargsFactory = factoryModule.YargsFactory(shim));
}

function isHelpRequested(argv: readonly string[]): boolean {
  return argv.some((arg) => arg === '--help' || arg.startsWith('--help='));
}

/**
 * yargs renders and caches a command's full help after its handler runs, in case the handler asks
 * for help later; ours never do, so unless help was asked for that render is wasted work.
 */
function skipHelpCache(parser: Argv): void {
  const internal = (parser as unknown as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }).getInternalMethods?.();
  const usage = internal?.getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}
