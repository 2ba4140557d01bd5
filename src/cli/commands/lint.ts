import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../db/atomic-write.js';
import { EXIT_FINDINGS, EXIT_OK, InputError, UsageError } from '../../errors.js';
import { FORMATTER_IDS, FORMATTERS } from '../../formatters/index.js';
import type { LintRun } from '../../lint/lint-files.js';
import type { FileNotice } from '../../model/call.js';
import { defineCommand } from '../command.js';
import type { CliIo } from '../io.js';

/** `html` is not a findings formatter: the report page also shows every call and the minimum version. */
const FORMAT_CHOICES = [...FORMATTER_IDS, 'html'] as const;
type LintFormat = (typeof FORMAT_CHOICES)[number];

/** Below this many files a progress line would only flicker. */
const PROGRESS_MIN_FILES = 20;

export const lintCommand = defineCommand({
  command: 'lint [paths..]',
  describe: 'Check Docker Engine API calls in TS/JS code against a range of API versions',
  builder: (yargs) =>
    yargs
      .positional('paths', { type: 'string', array: true, describe: 'Files, directories or globs (default: the working directory)' })
      .option('target', {
        type: 'string',
        describe: 'API versions to support: 1.41 (up to the newest released), 1.41..1.47, docker@20.10 (default: config, $DOCKER_API_VERSION, else 1.40)',
      })
      .option('docker', { type: 'string', describe: 'Target a Docker Engine release and newer: 20.10 = --target docker@20.10' })
      .option('format', { choices: FORMAT_CHOICES, default: 'stylish' as LintFormat, describe: 'Output format (html: one self-contained report page)' })
      .option('config', { type: 'string', describe: 'Config file (default: .docker-api-compat.json or package.json "docker-api-compat", searched upward)' })
      .option('max-warnings', { type: 'number', describe: 'Exit 1 when there are more warnings than this' })
      .option('types', { type: 'boolean', default: true, describe: 'Use tsconfig.json and the type checker (--no-types: syntax only)' })
      .option('ignore', { type: 'string', array: true, default: [] as string[], describe: 'Gitignore-style pattern of files to skip (repeatable)' })
      .option('cache', { type: 'boolean', default: false, describe: 'Only re-check changed files (results keyed by content hash)' })
      .option('cache-location', { type: 'string', describe: 'Cache file or folder (default: .docker-api-compat-cache)' })
      .option('staged', { type: 'boolean', default: false, describe: 'Lint the contents staged in the git index (for pre-commit hooks)' })
      .option('report-unused-disable-directives', { type: 'boolean', default: false, describe: 'Warn about disable comments that suppress nothing' })
      .option('output-file', { alias: 'o', type: 'string', describe: 'Write the report to this file instead of stdout' })
      .option('color', { type: 'boolean', describe: 'Colour the stylish output (default: when stderr is a terminal)' })
      .example('$0 lint src --target 1.41', 'code must work with API 1.41 up to the newest release')
      .example('$0 lint --docker 20.10 --format sarif -o lint.sarif', 'SARIF report for code scanning')
      .example('$0 lint --staged', 'pre-commit: lint what is about to be committed'),
  run: async (args, io) => {
    const format = args.format as LintFormat;
    const maxWarnings = args['max-warnings'] as number | undefined;
    if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
      throw new UsageError(`--max-warnings must be a whole number of 0 or more, not ${String(args['max-warnings'])}`);
    }
    const showProgress = io.isTTY && format === 'stylish';
    const progress = createProgress(io);
    // Loaded on use: the lint library pulls in the analyzer, which the other commands do not all need.
    const { lintFiles } = await import('../../lint/lint-files.js');
    let run: LintRun;
    try {
      run = await lintFiles({
        paths: (args.paths as string[] | undefined) ?? [],
        cwd: io.cwd,
        env: io.env,
        ...optional('target', args.target as string | undefined),
        ...optional('docker', args.docker as string | undefined),
        ...optional('configFile', args.config as string | undefined),
        ...optional('specs', args.specs as string | undefined),
        ...optional('cacheLocation', args['cache-location'] as string | undefined),
        ignore: (args.ignore as string[] | undefined) ?? [],
        noTypes: args.types === false,
        cache: args.cache === true,
        staged: args.staged === true,
        reportUnusedDisableDirectives: args['report-unused-disable-directives'] === true,
        ...(showProgress ? { onProgress: progress.update } : {}),
      });
    } finally {
      progress.clear();
    }

    for (const notice of run.notices) io.stderr(`docker-api-compat: ${describeNotice(notice, io.cwd)}\n`);
    if (run.stats.files === 0 && (format === 'stylish' || format === 'github')) io.stderr('docker-api-compat: No files to lint.\n');

    const [{ listRuleMetas }, { readToolVersion }] = await Promise.all([import('../../../rules/index.js'), import('../../lint/tool-version.js')]);
    const color = (args.color as boolean | undefined) ?? (io.isTTY && args['output-file'] === undefined && !io.env.NO_COLOR);
    const context = { cwd: io.cwd, rules: listRuleMetas(), toolVersion: readToolVersion(), ...(format === 'stylish' ? { color } : {}) };
    const output = format === 'html' ? await renderHtmlReport(run, args, io, context.toolVersion) : FORMATTERS[format](run.results, context);
    const outputFile = args['output-file'] as string | undefined;
    if (outputFile !== undefined) await writeReport(path.resolve(io.cwd, outputFile), output);
    else if (output !== '') io.stdout(output.endsWith('\n') ? output : `${output}\n`);

    let errors = 0;
    let warnings = 0;
    for (const result of run.results) {
      for (const finding of result.findings) finding.severity === 'error' ? errors++ : warnings++;
      warnings += result.unusedDirectives.length;
    }
    if (errors > 0) return EXIT_FINDINGS;
    if (maxWarnings !== undefined && warnings > maxWarnings) {
      io.stderr(`docker-api-compat found too many warnings (maximum: ${maxWarnings}).\n`);
      return EXIT_FINDINGS;
    }
    return EXIT_OK;
  },
});

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** One self-overwriting line on stderr; only used on terminals. */
function createProgress(io: CliIo): { update: (p: { done: number; total: number }) => void; clear: () => void } {
  let shown = false;
  return {
    update: ({ done, total }) => {
      if (total < PROGRESS_MIN_FILES) return;
      io.stderr(`\r\u001b[KLinting ${total} files: ${done === total ? 'done' : `${done}/${total}`}`);
      shown = true;
    },
    clear: () => {
      if (shown) io.stderr('\r\u001b[K');
      shown = false;
    },
  };
}

function describeNotice(notice: FileNotice, cwd: string): string {
  const relative = path.relative(cwd, notice.file);
  const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? notice.file : relative;
  const where = `${shown}${notice.line ? `:${notice.line}${notice.column ? `:${notice.column}` : ''}` : ''}`;
  return `${where}: ${notice.kind}: ${notice.message}`;
}

/**
 * The page shows every call, not only the findings, so it scans the same files again (the lint cache keeps
 * findings, not calls). With --staged the calls come from the working tree; the findings from the index.
 */
async function renderHtmlReport(run: LintRun, args: Record<string, unknown>, io: CliIo, toolVersion: string): Promise<string> {
  const [{ scanFiles }, { findMinimumVersion }, { renderCodebaseReport }, { loadHistory }] = await Promise.all([
    import('../../analyzer/scan.js'),
    import('../../analyzer/minimum-version.js'),
    import('../../report/html.js'),
    import('../command.js'),
  ]);
  const specs = (args.specs as string | undefined) ?? run.config.specs;
  const history = await loadHistory({ cwd: io.cwd, ...(specs !== undefined ? { specs } : {}) });
  const scan = await scanFiles({
    paths: (args.paths as string[] | undefined) ?? [],
    cwd: io.cwd,
    ignore: [...(run.config.ignore ?? []), ...((args.ignore as string[] | undefined) ?? [])],
    noTypes: args.types === false,
    history,
  });
  return renderCodebaseReport({
    cwd: io.cwd,
    calls: scan.calls,
    unknown: scan.unknown,
    minimumVersion: findMinimumVersion(scan.calls, history),
    results: run.results,
    targetLabel: run.target.label,
    toolVersion,
  });
}

async function writeReport(file: string, output: string): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, output);
  } catch (error) {
    throw new InputError(`cannot write the report (${(error as NodeJS.ErrnoException).code ?? String(error)})`, file);
  }
}
