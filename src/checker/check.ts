import type { Change, ChangeKind } from '../diff/change.js';

export type Severity = 'breaking' | 'non-breaking';

/**
 * One classification rule, oasdiff style: for one change kind, whether the change breaks a client
 * written against the older version. Pure: the verdict depends on the change alone.
 */
export interface Check {
  /** Stable id, shown in JSON output; equal to the change kind it classifies. */
  id: string;
  kind: ChangeKind;
  /** Why changes of this kind are (or are not) breaking, for `--help`-level documentation. */
  rationale: string;
  classify: (change: Change) => Severity;
}

export function defineCheck(check: Check): Check {
  return check;
}
