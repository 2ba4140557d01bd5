import { describe, expect, it } from 'vitest';
import { lintCalls } from '../../src/lint/engine.js';
import { RULE_IDS, type RuleId } from '../../src/lint/rule.js';
import { parseTarget } from '../../src/lint/target.js';
import type { CallKey, CallRecord, UnknownCall } from '../../src/model/call.js';
import type { ApiHistory } from '../../src/model/history.js';
import type { HttpMethod } from '../../src/model/surface.js';
import { buildFixtureHistory } from './fixture-history.js';

/**
 * RuleTester in the typescript-eslint style, over CallRecords instead of source text:
 * each case is one call at a given line and column, linted with only the rule under test enabled.
 */
export interface CallCase {
  name?: string;
  method: HttpMethod;
  path: string;
  /** `query:all`, `body:HostConfig.Binds`, `header:X-Registry-Auth`. */
  keys?: string[];
  pinned?: string;
  /** Makes the case an UnknownCall with this suggestion (`null` for none). */
  unknown?: { nearest: { method: HttpMethod; path: string } | null };
  target?: string;
  line?: number;
  column?: number;
}

export interface ExpectedError {
  message: string;
  line: number;
  column: number;
  element?: string;
  versions?: string[];
}

export interface InvalidCase extends CallCase {
  errors: ExpectedError[];
}

export function runRuleTests(
  id: RuleId,
  cases: { valid: CallCase[]; invalid: InvalidCase[] },
  history: ApiHistory = buildFixtureHistory(),
): void {
  describe(id, () => {
    describe('valid', () => {
      for (const testCase of cases.valid) {
        it(testCase.name ?? describeCase(testCase), () => {
          expect(lintCase(id, testCase, history)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const testCase of cases.invalid) {
        it(testCase.name ?? describeCase(testCase), () => {
          const findings = lintCase(id, testCase, history);
          expect(findings.map((f) => ({ message: f.message, line: f.location.line, column: f.location.column }))).toEqual(
            testCase.errors.map((e) => ({ message: e.message, line: e.line, column: e.column })),
          );
          testCase.errors.forEach((error, i) => {
            if (error.element !== undefined) expect(findings[i]!.element).toBe(error.element);
            if (error.versions !== undefined) expect(findings[i]!.versions).toEqual(error.versions);
          });
        });
      }
    });
  });
}

function describeCase(testCase: CallCase): string {
  const keys = testCase.keys?.length ? ` ${testCase.keys.join(', ')}` : '';
  const pinned = testCase.pinned ? ` pinned ${testCase.pinned}` : '';
  return `${testCase.method} ${testCase.path}${keys}${pinned} @ ${testCase.target ?? '1.40'}`;
}

export function lintCase(id: RuleId, testCase: CallCase, history: ApiHistory) {
  const location = {
    file: 'case.ts',
    line: testCase.line ?? 1,
    column: testCase.column ?? 1,
    endLine: testCase.line ?? 1,
    endColumn: (testCase.column ?? 1) + 10,
  };
  const calls: CallRecord[] = [];
  const unknown: UnknownCall[] = [];
  if (testCase.unknown) {
    unknown.push({
      location,
      method: testCase.method,
      path: testCase.path,
      via: 'fetch',
      pinnedVersion: testCase.pinned ?? null,
      ...(testCase.unknown.nearest ? { nearest: testCase.unknown.nearest } : {}),
    });
  } else {
    calls.push({
      location,
      method: testCase.method,
      path: testCase.path,
      via: 'fetch',
      keys: (testCase.keys ?? []).map(parseKey),
      pinnedVersion: testCase.pinned ?? null,
    });
  }
  const rules = Object.fromEntries(RULE_IDS.map((r) => [r, r === id ? 'error' : 'off']));
  const target = parseTarget(testCase.target ?? '1.40', history.versions.map((v) => v.version));
  const results = lintCalls({ files: ['case.ts'], calls, unknown, notices: [] }, history, { target, rules, cwd: '/project' });
  expect(results).toHaveLength(1);
  return results[0]!.findings;
}

function parseKey(text: string): CallKey {
  const colon = text.indexOf(':');
  return { in: text.slice(0, colon) as CallKey['in'], name: text.slice(colon + 1) };
}
