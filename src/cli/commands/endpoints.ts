import { UsageError } from '../../errors.js';
import { findValueAt, isDeprecatedIn, isPresentIn, listVersions } from '../../history/query.js';
import type { ApiHistory } from '../../model/history.js';
import type { DeprecationSource, HttpMethod } from '../../model/surface.js';
import { normalizeVersion } from '../../model/version.js';
import { defineCommand, loadHistory } from '../command.js';

export interface EndpointRow {
  method: HttpMethod;
  path: string;
  operationId?: string;
  /** Present when the endpoint is deprecated in the listed version: since when and who said so. */
  deprecated?: { since: string; sources: DeprecationSource[] };
}

/** The endpoints of one version, by path then method. Throws UsageError naming the valid versions. */
export function listEndpointRows(history: ApiHistory, version: string): EndpointRow[] {
  const versions = listVersions(history);
  const canonical = normalizeVersion(version);
  if (canonical === undefined || !versions.includes(canonical)) {
    throw new UsageError(`unknown API version "${version}"; valid versions: ${versions.join(', ')}`);
  }
  const rows: EndpointRow[] = [];
  for (const e of history.endpoints) {
    if (!isPresentIn(e, canonical)) continue;
    const row: EndpointRow = { method: e.method, path: e.path };
    const operationId = findValueAt(e.operationId, canonical);
    if (operationId) row.operationId = operationId;
    if (isDeprecatedIn(e, canonical)) row.deprecated = { since: e.deprecated!.version, sources: e.deprecated!.sources };
    rows.push(row);
  }
  return rows;
}

export const endpointsCommand = defineCommand({
  command: 'endpoints',
  describe: 'List the endpoints of one API version (default: the newest)',
  builder: (yargs) =>
    yargs
      // `--version` here names an API version, so the global "show tool version" flag steps aside.
      .version(false)
      .option('version', { type: 'string', describe: 'API version, e.g. 1.41 (default: the newest)' })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON instead of a table' })
      .example('$0 endpoints', 'endpoints of the newest version')
      .example('$0 endpoints --version 1.24 --json', 'endpoints of v1.24 as JSON'),
  run: async (args, io) => {
    const history = await loadHistory({ specs: args.specs as string | undefined, cwd: io.cwd });
    const newest = history.versions.at(-1)?.version;
    if (newest === undefined) throw new UsageError('the history has no versions');
    if (args.version === '') throw new UsageError('endpoints: --version needs an API version, e.g. --version 1.41');
    const requested = typeof args.version === 'string' ? args.version : newest;
    const rows = listEndpointRows(history, requested);
    const version = normalizeVersion(requested)!;
    if (args.json) {
      io.stdout(`${JSON.stringify({ version, endpoints: rows }, null, 2)}\n`);
      return 0;
    }
    const deprecatedCount = rows.filter((r) => r.deprecated).length;
    const table = formatTable(
      ['METHOD', 'PATH', 'OPERATION', 'DEPRECATED'],
      rows.map((r) => [r.method, r.path, r.operationId ?? '-', r.deprecated ? `deprecated since ${r.deprecated.since}` : '']),
    );
    io.stdout(`${table}\nAPI ${version}: ${rows.length} endpoints, ${deprecatedCount} deprecated.\n`);
    return 0;
  },
});

/** Plain aligned columns: no colours, so output pipes and snapshots cleanly. */
function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
