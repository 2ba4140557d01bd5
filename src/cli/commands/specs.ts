import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_BASE_URL, fetchSpecs } from '../../db/fetch.js';
import { loadManifest } from '../../db/manifest.js';
import { findPackageSpecsDir } from '../../db/package-root.js';
import { UsageError } from '../../errors.js';
import { defineCommand } from '../command.js';
import type { CliIo } from '../io.js';

const BUILD_OPTIONS = ['from', 'out', 'validate'] as const;
const FETCH_OPTIONS = ['ref', 'out', 'base-url', 'verify'] as const;

/**
 * `specs build` and `specs fetch`. The action is a positional rather than a nested yargs command
 * because nested command handlers cannot reach the command's `io` (see the integration report).
 */
export const specsCommand = defineCommand({
  command: 'specs <action>',
  describe: 'Maintain the embedded database: build it from spec files, or fetch the upstream spec files',
  builder: (yargs) =>
    yargs
      .positional('action', {
        choices: ['build', 'fetch'] as const,
        describe: 'build: compile a spec folder into the database; fetch: download upstream spec files (network)',
      })
      .option('from', { type: 'string', describe: '[build] Folder of v1.0.md ... v1.56.yaml (+ CHANGELOG.md, SOURCE.md)' })
      .option('out', {
        type: 'string',
        describe: "[build] Where to write api-history.json and manifest.json (default: the package's specs/); [fetch] folder to download into",
      })
      .option('validate', {
        type: 'boolean',
        default: true,
        describe: '[build] Validate Swagger files against the Swagger 2.0 schema (failures count as unparsed); --no-validate builds ~2x faster',
      })
      .option('ref', { type: 'string', describe: '[fetch] moby commit to download from' })
      .option('base-url', { type: 'string', describe: `[fetch] Mirror of raw moby files (default: ${DEFAULT_BASE_URL})` })
      .option('verify', {
        type: 'boolean',
        default: true,
        describe: '[fetch] Check sha256 against specs/manifest.json; --no-verify is required for a ref other than the manifest commit',
      })
      .example('$0 specs build --from ../docker-api-specs', 'rebuild the embedded database')
      .example('$0 specs fetch --ref <commit> --out ./docker-api-specs', 'download and verify the upstream files'),
  run: async (args, io) => {
    const action = args.action as 'build' | 'fetch';
    rejectForeignOptions(args, action);
    return action === 'build' ? runBuild(args, io) : runFetch(args, io);
  },
});

function rejectForeignOptions(args: Record<string, unknown>, action: 'build' | 'fetch'): void {
  const allowed: readonly string[] = action === 'build' ? BUILD_OPTIONS : FETCH_OPTIONS;
  for (const name of new Set([...BUILD_OPTIONS, ...FETCH_OPTIONS])) {
    if (allowed.includes(name)) continue;
    // yargs fills the booleans with their default (true), so only an explicit --no-x counts.
    const isBoolean = name === 'verify' || name === 'validate';
    if (isBoolean ? args[name] === false : args[name] !== undefined) {
      throw new UsageError(`specs ${action} does not take --${isBoolean ? `no-${name}` : name}`);
    }
  }
}

async function runBuild(args: Record<string, unknown>, io: CliIo): Promise<number> {
  const from = requireString(args.from, 'specs build needs --from <dir>');
  const fromDir = path.resolve(io.cwd, from);
  const outDir = typeof args.out === 'string' ? path.resolve(io.cwd, args.out) : findPackageSpecsDir();
  // The builder pulls in every spec loader; only this action needs it.
  const { buildDatabase, writeDatabase } = await import('../../db/build.js');
  const started = performance.now();
  const built = await buildDatabase(fromDir, { validate: args.validate !== false });
  const loaded = performance.now();
  const written = await writeDatabase(built, outDir);
  const finished = performance.now();

  const rows = built.history.versions.map((v) => [v.version, v.format, String(v.endpointCount), String(v.unparsedCount)]);
  const unparsed = built.history.versions.reduce((sum, v) => sum + v.unparsedCount, 0);
  const lines = [
    `Loaded ${built.history.versions.length} versions from ${display(io, fromDir)}` +
      (built.source.commit ? ` (moby commit ${built.source.commit})` : '') +
      ` in ${seconds(loaded - started)}.`,
    formatTable(['VERSION', 'FORMAT', 'ENDPOINTS', 'UNPARSED'], rows),
    `${built.history.endpoints.length} endpoints over all versions, ${unparsed} unparsed items, ${built.history.changelog.length} changelog facts.`,
    `Wrote ${display(io, written.databaseFile)} (${formatBytes(written.bytes)}).`,
  ];
  if (written.manifestFile) lines.push(`Wrote ${display(io, written.manifestFile)}.`);
  lines.push(`Done in ${seconds(finished - started)}.`);
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

async function runFetch(args: Record<string, unknown>, io: CliIo): Promise<number> {
  const ref = requireString(args.ref, 'specs fetch needs --ref <moby commit>');
  const out = requireString(args.out, 'specs fetch needs --out <dir>');
  const outDir = path.resolve(io.cwd, out);
  const manifest = await loadManifest();
  const verify = args.verify !== false;
  const started = performance.now();
  const result = await fetchSpecs({
    ref,
    outDir,
    manifest,
    verify,
    ...(typeof args['base-url'] === 'string' ? { baseUrl: args['base-url'] } : {}),
  });
  const bytes = result.files.reduce((sum, f) => sum + f.bytes, 0);
  const check = result.verified
    ? `all sha256 match specs/manifest.json (commit ${manifest.commit})`
    : 'NOT verified (--no-verify): check the files before building from them';
  io.stdout(
    `Fetched ${result.files.length} files (${formatBytes(bytes)}) of ${ref} into ${display(io, outDir)} in ${seconds(performance.now() - started)}; ${check}.\n`,
  );
  if (!result.verified) io.stderr(`docker-api-compat: warning: files of ${ref} were not verified\n`);
  return 0;
}

function requireString(value: unknown, message: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(message);
  return value;
}

/** Paths under the working directory print relative, so output is short and machine-independent. */
function display(io: CliIo, file: string): string {
  const relative = path.relative(io.cwd, file);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}

/** Plain aligned columns, numbers right-aligned. */
function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (i >= 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
