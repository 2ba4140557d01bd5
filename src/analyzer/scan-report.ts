import path from 'node:path';
import type { CallVia, ScanResult } from '../model/call.js';
import type { ApiHistory } from '../model/history.js';
import type { HttpMethod } from '../model/surface.js';
import { findMinimumVersion } from './minimum-version.js';

/** What `scan` prints, as plain data; file names relative to the working directory. */
export interface ScanReport {
  calls: ReportedCall[];
  unknown: ReportedUnknownCall[];
  minimumVersion: {
    version: string | null;
    docker: string | null;
    because: Array<{ file: string; line: number; element: string }>;
  };
}

export interface ReportedCall {
  file: string;
  line: number;
  column: number;
  method: HttpMethod;
  path: string;
  via: CallVia;
  keys: string[];
  pinnedVersion: string | null;
}

export interface ReportedUnknownCall {
  file: string;
  line: number;
  column: number;
  method: HttpMethod;
  path: string;
  via: CallVia;
  pinnedVersion: string | null;
  nearest: { method: HttpMethod; path: string } | null;
}

export function buildScanReport(result: ScanResult, history: ApiHistory, cwd: string): ScanReport {
  const relative = (file: string) => toDisplayPath(file, cwd);
  const minimum = findMinimumVersion(result.calls, history);
  return {
    calls: result.calls.map((c) => ({
      file: relative(c.location.file),
      line: c.location.line,
      column: c.location.column,
      method: c.method,
      path: c.path,
      via: c.via,
      keys: [...new Set(c.keys.map((k) => k.name))],
      pinnedVersion: c.pinnedVersion,
    })),
    unknown: result.unknown.map((u) => ({
      file: relative(u.location.file),
      line: u.location.line,
      column: u.location.column,
      method: u.method,
      path: u.path,
      via: u.via,
      pinnedVersion: u.pinnedVersion,
      nearest: u.nearest ?? null,
    })),
    minimumVersion: minimum
      ? { version: minimum.version, docker: minimum.docker, because: minimum.because.map((b) => ({ ...b, file: relative(b.file) })) }
      : { version: null, docker: null, because: [] },
  };
}

/** Relative to the working directory with forward slashes; absolute when outside it. */
export function toDisplayPath(file: string, cwd: string): string {
  if (!path.isAbsolute(file)) return file.split(path.sep).join('/');
  const relative = path.relative(cwd, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return file;
  return relative.split(path.sep).join('/');
}

export function formatScanJson(report: ScanReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** How many locations the text output lists per endpoint before summarising. */
const LOCATIONS_SHOWN = 3;

export function formatScanText(report: ScanReport, fileCount: number): string {
  const lines: string[] = [];
  const files = new Set([...report.calls, ...report.unknown].map((c) => c.file));
  if (report.calls.length === 0 && report.unknown.length === 0) {
    lines.push(`No Docker Engine API calls found in ${plural(fileCount, 'file')}.`);
    return `${lines.join('\n')}\n`;
  }
  const groups = new Map<string, ReportedCall[]>();
  for (const call of report.calls) {
    const key = `${call.method} ${call.path}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(call);
  }
  lines.push(`Docker Engine API calls: ${plural(report.calls.length, 'call')} to ${plural(groups.size, 'endpoint')} in ${plural(files.size, 'file')} (${plural(fileCount, 'file')} scanned)`);
  const sorted = [...groups.entries()].sort(([a], [b]) => compareEndpoints(a, b));
  const width = Math.max(...sorted.map(([k]) => k.length));
  for (const [key, calls] of sorted) {
    const vias = [...new Set(calls.map((c) => c.via))].join(', ');
    lines.push(`  ${key.padEnd(width)}  ${String(calls.length).padStart(3)}x  via ${vias}`);
    const keys = [...new Set(calls.flatMap((c) => c.keys))];
    if (keys.length > 0) lines.push(`      keys: ${keys.join(', ')}`);
    for (const call of calls.slice(0, LOCATIONS_SHOWN)) {
      lines.push(`      ${call.file}:${call.line}:${call.column}${call.pinnedVersion ? `  (pinned to API ${call.pinnedVersion})` : ''}`);
    }
    if (calls.length > LOCATIONS_SHOWN) lines.push(`      ... and ${calls.length - LOCATIONS_SHOWN} more`);
  }
  if (report.unknown.length > 0) {
    lines.push('', `Paths that look like the Engine API but match no version of it: ${report.unknown.length}`);
    for (const u of report.unknown) {
      const hint = u.nearest ? `  did you mean ${u.nearest.method} ${u.nearest.path}?` : '';
      lines.push(`  ${u.file}:${u.line}:${u.column}  ${u.method} ${u.path}${hint}`);
    }
  }
  const minimum = report.minimumVersion;
  if (minimum.version !== null) {
    const docker = minimum.docker ? ` (Docker ${minimum.docker})` : '';
    lines.push('');
    if (minimum.because.length === 0) {
      lines.push(`Oldest Docker Engine this code can talk to: API ${minimum.version}${docker}, the oldest version known.`);
    } else {
      lines.push(`Oldest Docker Engine this code can talk to: API ${minimum.version}${docker}, because:`);
      for (const b of minimum.because) lines.push(`  ${b.file}:${b.line}  ${b.element}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function compareEndpoints(a: string, b: string): number {
  const [ma, pa] = a.split(' ') as [string, string];
  const [mb, pb] = b.split(' ') as [string, string];
  return pa < pb ? -1 : pa > pb ? 1 : ma < mb ? -1 : ma > mb ? 1 : 0;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
