import { isPresentIn } from '../history/query.js';
import type { ApiHistory, ElementHistory, VersionRange } from '../model/history.js';
import { compareVersions } from '../model/version.js';

/**
 * Shared vocabulary of the rules: which versions of a scope lack an element, and how to say so
 * ("added in 1.41", "removed in 1.44") from the element's presence over the whole history.
 */

export function listHistoryVersions(history: ApiHistory): string[] {
  return history.versions.map((v) => v.version);
}

/** Presence intervals over every history version, for an element whose presence is computed (body keys through maps). */
export function computeRanges(allVersions: readonly string[], isPresent: (version: string) => boolean): VersionRange[] {
  const ranges: VersionRange[] = [];
  let start: string | undefined;
  let last: string | undefined;
  for (const version of allVersions) {
    if (isPresent(version)) {
      start ??= version;
      last = version;
    } else if (start !== undefined) {
      ranges.push({ from: start, to: last! });
      start = undefined;
    }
  }
  if (start !== undefined) ranges.push({ from: start, to: last! });
  return ranges;
}

export function isInRanges(ranges: readonly VersionRange[], version: string): boolean {
  return isPresentIn({ present: [...ranges] }, version);
}

/** Groups versions into runs that are contiguous in the history: `1.38..1.40, 1.42`. */
export function groupRuns(versions: readonly string[], allVersions: readonly string[]): string[][] {
  const index = new Map(allVersions.map((v, i) => [v, i]));
  const sorted = [...versions].sort(compareVersions);
  const runs: string[][] = [];
  let previous = -2;
  for (const version of sorted) {
    const i = index.get(version) ?? -2;
    const run = runs[runs.length - 1];
    if (run && i === previous + 1) run.push(version);
    else runs.push([version]);
    previous = i;
  }
  return runs;
}

export function describeVersions(versions: readonly string[], allVersions: readonly string[]): string {
  return groupRuns(versions, allVersions)
    .map((run) => (run.length === 1 ? run[0]! : `${run[0]}..${run[run.length - 1]}`))
    .join(', ');
}

/** Why an element is missing from `missing`: `added in 1.41`, `removed in 1.44`, `removed in 1.30, back in 1.35`. */
export function describeAbsence(present: readonly VersionRange[], missing: readonly string[], allVersions: readonly string[]): string {
  if (present.length === 0) return 'not in any API version';
  const reasons: string[] = [];
  for (const run of groupRuns(missing, allVersions)) {
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const before = [...present].reverse().find((r) => compareVersions(r.to, first) < 0);
    const after = present.find((r) => compareVersions(r.from, last) > 0);
    const parts: string[] = [];
    if (before) parts.push(`removed in ${findNextVersion(before.to, allVersions) ?? first}`);
    if (after) parts.push(`${before ? 'back' : 'added'} in ${after.from}`);
    const reason = parts.join(', ');
    if (!reasons.includes(reason)) reasons.push(reason);
  }
  return reasons.join('; ');
}

function findNextVersion(version: string, allVersions: readonly string[]): string | undefined {
  const i = allVersions.indexOf(version);
  return i >= 0 ? allVersions[i + 1] : undefined;
}

/** `deprecated since 1.42`, plus the removal when the history has one. */
export function describeDeprecation(element: ElementHistory): string {
  const since = element.deprecated ? `deprecated since ${element.deprecated.version}` : 'deprecated';
  return element.removed ? `${since}, removed in ${element.removed}` : since;
}
