import { CURRENT_DEFAULT_MIN_API_VERSION, DEFAULT_MIN_API_BY_DAEMON, MIN_CONFIGURABLE_API_VERSION } from '../../data/releases.js';
import type { ApiHistory } from '../../model/history.js';
import { findDockerRelease, findVersionStatus, type VersionStatus } from '../../model/release-info.js';
import type { SourceFormat } from '../../model/surface.js';
import { defineCommand, loadHistory } from '../command.js';

export interface VersionRow {
  version: string;
  /** The first Docker Engine release serving it; null when no known release did (shown as "unknown"). */
  docker: string | null;
  format: SourceFormat;
  status: VersionStatus;
  endpoints: number;
}

export function listVersionRows(history: ApiHistory): VersionRow[] {
  return history.versions.map((v) => {
    const docker = findDockerRelease(v.version) ?? null;
    return {
      version: v.version,
      docker,
      format: v.format,
      status: findVersionStatus(v.version),
      endpoints: v.endpointCount,
    };
  });
}

/** The daemon-side floors, said once under the table because they qualify every row's status. */
export function describeDefaultMinimums(): string[] {
  const rows = DEFAULT_MIN_API_BY_DAEMON.map((row, i) => {
    const release = findDockerRelease(row.daemonApiFrom);
    const isLast = i === DEFAULT_MIN_API_BY_DAEMON.length - 1;
    const daemon = release ? `Docker Engine ${release} (API ${row.daemonApiFrom})` : `Daemons serving API ${row.daemonApiFrom}+`;
    const current = isLast && row.minApi === CURRENT_DEFAULT_MIN_API_VERSION ? ' (current releases)' : '';
    return `  ${daemon}${current}: >= ${row.minApi}`;
  });
  return [
    'Oldest API version a daemon accepts by default:',
    ...rows,
    `  min-api-version in daemon.json can lower it to ${MIN_CONFIGURABLE_API_VERSION}.`,
  ];
}

export const versionsCommand = defineCommand({
  command: 'versions',
  describe: 'List every Engine API version with its Docker release, source format, status and endpoint count',
  builder: (yargs) =>
    yargs
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON instead of a table' })
      .example('$0 versions', 'the table')
      .example('$0 versions --json', 'the same as JSON'),
  run: async (args, io) => {
    const history = await loadHistory({ specs: args.specs as string | undefined, cwd: io.cwd });
    const rows = listVersionRows(history);
    if (args.json) {
      const defaults = {
        byDaemon: DEFAULT_MIN_API_BY_DAEMON.map((r) => ({ daemonApiFrom: r.daemonApiFrom, minApi: r.minApi })),
        current: CURRENT_DEFAULT_MIN_API_VERSION,
        minConfigurable: MIN_CONFIGURABLE_API_VERSION,
      };
      io.stdout(`${JSON.stringify({ versions: rows, defaultMinApiVersion: defaults }, null, 2)}\n`);
      return 0;
    }
    const table = formatTable(
      ['VERSION', 'DOCKER', 'FORMAT', 'STATUS', 'ENDPOINTS'],
      rows.map((r) => [r.version, r.docker ?? 'unknown', r.format, r.status, String(r.endpoints)]),
      { alignRight: [4] },
    );
    io.stdout(`${table}\n${describeDefaultMinimums().join('\n')}\n`);
    return 0;
  },
});

/** Plain aligned columns: no colours, so output pipes and snapshots cleanly. */
function formatTable(header: readonly string[], rows: readonly (readonly string[])[], options: { alignRight?: readonly number[] } = {}): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const right = new Set(options.alignRight ?? []);
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (right.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
