import { classifyChanges } from '../checker/classify.js';
import { diffSurfaces } from '../diff/diff-surfaces.js';
import { buildSurfaceAt } from '../history/query.js';
import type { ApiHistory } from '../model/history.js';
import { findDockerRelease } from '../model/release-info.js';
import { describeChange, type ChangeStyle } from './describe-change.js';
import { groupByEndpoint, toChangeJson, type EndpointChanges } from './group.js';
import { requireKnownVersion } from './require-version.js';

export interface DiffReport {
  from: string;
  to: string;
  /** Counts over every change, before any `breakingOnly` filter. */
  total: number;
  breaking: number;
  breakingOnly: boolean;
  endpoints: EndpointChanges[];
}

export interface DiffOptions {
  breakingOnly?: boolean;
}

/** The cumulative change between two versions (the two surfaces compared directly), grouped by endpoint. */
export function queryDiff(history: ApiHistory, fromText: string, toText: string, options: DiffOptions = {}): DiffReport {
  const from = requireKnownVersion(history, fromText, 'version (from)');
  const to = requireKnownVersion(history, toText, 'version (to)');
  const changes = classifyChanges(diffSurfaces(buildSurfaceAt(history, from), buildSurfaceAt(history, to)));
  const breaking = changes.filter((c) => c.severity === 'breaking');
  const shown = options.breakingOnly ? breaking : changes;
  return { from, to, total: changes.length, breaking: breaking.length, breakingOnly: options.breakingOnly ?? false, endpoints: groupByEndpoint(shown) };
}

export function toDiffJson(report: DiffReport): unknown {
  return {
    from: report.from,
    to: report.to,
    total: report.total,
    breaking: report.breaking,
    endpoints: report.endpoints.map((e) => ({ method: e.method, path: e.path, changes: e.changes.map(toChangeJson) })),
  };
}

function title(version: string): string {
  const docker = findDockerRelease(version);
  return docker ? `${version} (Docker ${docker})` : version;
}

export function formatDiff(report: DiffReport, style: ChangeStyle): string {
  const lines: string[] = [];
  const summary = `${report.total} change${report.total === 1 ? '' : 's'}, ${report.breaking} breaking${report.breakingOnly ? ' (showing breaking only)' : ''}`;
  if (style === 'md') {
    lines.push(`# API ${title(report.from)} → ${title(report.to)}`, '', summary, '');
    for (const group of report.endpoints) {
      lines.push(`## \`${group.method} ${group.path}\``, '');
      for (const c of group.changes) lines.push(`- ${c.severity === 'breaking' ? '**breaking**: ' : ''}${describeChange(c, 'md')}`);
      lines.push('');
    }
  } else {
    lines.push(`API ${title(report.from)} -> ${title(report.to)}: ${summary}`);
    for (const group of report.endpoints) {
      lines.push('', `${group.method} ${group.path}`);
      for (const c of group.changes) lines.push(`  ${c.severity === 'breaking' ? 'BREAKING ' : ''}${describeChange(c, 'text')}`);
    }
  }
  if (report.endpoints.length === 0) lines.push(style === 'md' ? 'No changes.' : 'no changes');
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
