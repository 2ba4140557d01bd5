import type { Change } from '../diff/change.js';
import type { Severity } from './check.js';
import { CHECKS } from './registry.js';

export interface ClassifiedChange extends Change {
  severity: Severity;
  /** Id of the check that decided. */
  check: string;
}

export function classifyChange(change: Change): ClassifiedChange {
  const check = CHECKS[change.kind];
  return { ...change, severity: check.classify(change), check: check.id };
}

export function classifyChanges(changes: readonly Change[]): ClassifiedChange[] {
  return changes.map(classifyChange);
}

export function isBreaking(change: Change): boolean {
  return CHECKS[change.kind].classify(change) === 'breaking';
}
