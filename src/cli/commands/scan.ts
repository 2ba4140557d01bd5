import { registerTypeScriptLoader } from '../../analyzer/typescript-loader.js';
import { EXIT_OK } from '../../errors.js';
import { defineCommand, loadHistory } from '../command.js';

export const scanCommand = defineCommand({
  command: 'scan [paths..]',
  describe: 'List the Docker Engine API calls in TS/JS code and the oldest API version they need',
  builder: (yargs) =>
    yargs
      .positional('paths', { type: 'string', array: true, describe: 'Files, directories or globs (default: the working directory)' })
      .option('format', { choices: ['text', 'json', 'html'] as const, default: 'text' as const, describe: 'Output format (html: one self-contained report page)' })
      .option('types', { type: 'boolean', default: true, describe: 'Use tsconfig.json and the type checker (--no-types: syntax only)' })
      .option('ignore', { type: 'string', array: true, default: [] as string[], describe: 'Gitignore-style pattern of files to skip (repeatable)' })
      .example('$0 scan src', 'calls in src/, grouped by endpoint')
      .example('$0 scan "src/**/*.ts" --format json', 'machine-readable list of calls')
      .example('$0 scan src --format html > calls.html', 'a report page: calls by endpoint, the oldest Engine it needs'),
  run: async (args, io) => {
    registerTypeScriptLoader();
    const { findSourceFiles } = await import('../../analyzer/source-files.js');
    const paths = (args.paths as string[] | undefined) ?? [];
    const ignore = (args.ignore as string[] | undefined) ?? [];
    // Path mistakes and empty input are reported before the (slower) API data is loaded.
    const found = await findSourceFiles({ paths, cwd: io.cwd, ignore });
    if (found.files.length === 0 && args.format === 'text') {
      io.stdout('No files to scan.\n');
      return EXIT_OK;
    }
    const history = await loadHistory({ specs: args.specs as string | undefined, cwd: io.cwd });
    const [{ scanFiles }, { buildScanReport, formatScanJson, formatScanText, toDisplayPath }] = await Promise.all([
      import('../../analyzer/scan.js'),
      import('../../analyzer/scan-report.js'),
    ]);
    const result = await scanFiles({ paths, cwd: io.cwd, ignore, noTypes: args.types === false, history, found });
    for (const notice of result.notices) {
      const where = `${toDisplayPath(notice.file, io.cwd)}${notice.line ? `:${notice.line}${notice.column ? `:${notice.column}` : ''}` : ''}`;
      io.stderr(`docker-api-compat: ${where}: ${notice.kind}: ${notice.message}\n`);
    }
    if (args.format === 'html') {
      const [{ renderCodebaseReport }, { findMinimumVersion }, { readToolVersion }] = await Promise.all([
        import('../../report/html.js'),
        import('../../analyzer/minimum-version.js'),
        import('../../lint/tool-version.js'),
      ]);
      io.stdout(
        renderCodebaseReport({
          cwd: io.cwd,
          calls: result.calls,
          unknown: result.unknown,
          minimumVersion: findMinimumVersion(result.calls, history),
          results: [],
          toolVersion: readToolVersion(),
        }),
      );
      return EXIT_OK;
    }
    const report = buildScanReport(result, history, io.cwd);
    if (args.format === 'json') {
      io.stdout(formatScanJson(report));
    } else {
      io.stdout(formatScanText(report, result.files.length));
    }
    return EXIT_OK;
  },
});
