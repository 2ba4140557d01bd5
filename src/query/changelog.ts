import { classifyChanges } from '../checker/classify.js';
import { diffSurfaces } from '../diff/diff-surfaces.js';
import { UsageError } from '../errors.js';
import { buildSurfaceAt } from '../history/query.js';
import type { ApiHistory } from '../model/history.js';
import { findDockerRelease } from '../model/release-info.js';
import type { Surface } from '../model/surface.js';
import { compareVersions } from '../model/version.js';
import { describeChange } from './describe-change.js';
import { groupByEndpoint, toChangeJson, type EndpointChanges } from './group.js';
import { requireKnownVersion } from './require-version.js';

export interface VersionChanges {
  version: string;
  /** The version it is compared with (the one before it). */
  previous: string;
  docker: string | null;
  total: number;
  breaking: number;
  endpoints: EndpointChanges[];
}

export interface ChangelogReport {
  /** Newest first. */
  versions: VersionChanges[];
}

export interface ChangelogOptions {
  from?: string;
  to?: string;
}

/**
 * The generated change log: each version against the one before it, newest first. `from` is the
 * oldest version listed (its changes against its predecessor included); the oldest version of all has
 * no predecessor and so no entry.
 */
export function queryChangelog(history: ApiHistory, options: ChangelogOptions = {}): ChangelogReport {
  const all = history.versions.map((v) => v.version);
  const from = options.from === undefined ? all[0]! : requireKnownVersion(history, options.from, 'version (--from)');
  const to = options.to === undefined ? all.at(-1)! : requireKnownVersion(history, options.to, 'version (--to)');
  if (compareVersions(from, to) > 0) throw new UsageError(`--from ${from} is newer than --to ${to}`);
  const surfaces = new Map<string, Surface>();
  const surfaceAt = (v: string) => {
    let s = surfaces.get(v);
    if (!s) surfaces.set(v, (s = buildSurfaceAt(history, v)));
    return s;
  };
  const versions: VersionChanges[] = [];
  for (let i = all.length - 1; i >= 1; i--) {
    const version = all[i]!;
    if (compareVersions(version, from) < 0 || compareVersions(version, to) > 0) continue;
    const previous = all[i - 1]!;
    const changes = classifyChanges(diffSurfaces(surfaceAt(previous), surfaceAt(version)));
    versions.push({
      version,
      previous,
      docker: findDockerRelease(version) ?? null,
      total: changes.length,
      breaking: changes.filter((c) => c.severity === 'breaking').length,
      endpoints: groupByEndpoint(changes),
    });
  }
  return { versions };
}

export function toChangelogJson(report: ChangelogReport): unknown {
  return {
    versions: report.versions.map((v) => ({
      version: v.version,
      previous: v.previous,
      docker: v.docker,
      total: v.total,
      breaking: v.breaking,
      endpoints: v.endpoints.map((e) => ({ method: e.method, path: e.path, changes: e.changes.map(toChangeJson) })),
    })),
  };
}

export function formatChangelogMarkdown(report: ChangelogReport): string {
  const lines: string[] = ['# Engine API change log', '', 'Generated from the specs: each version compared with the one before it.', ''];
  for (const v of report.versions) {
    lines.push(`## API ${v.version}${v.docker ? ` (Docker ${v.docker})` : ''}`, '');
    lines.push(`Compared with ${v.previous}: ${v.total} change${v.total === 1 ? '' : 's'}, ${v.breaking} breaking.`, '');
    for (const group of v.endpoints) {
      lines.push(`### \`${group.method} ${group.path}\``, '');
      for (const c of group.changes) lines.push(`- ${c.severity === 'breaking' ? '**breaking**: ' : ''}${describeChange(c, 'md')}`);
      lines.push('');
    }
  }
  if (report.versions.length === 0) lines.push('No versions in range.', '');
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
