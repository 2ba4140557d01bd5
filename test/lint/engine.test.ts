import { describe, expect, it } from 'vitest';
import { lintCalls, resolveSeverities } from '../../src/lint/engine.js';
import { formatMessage } from '../../src/lint/rule.js';
import { parseTarget } from '../../src/lint/target.js';
import type { CallRecord, ScanResult } from '../../src/model/call.js';
import { buildFixtureHistory, FIXTURE_VERSIONS } from '../rules/fixture-history.js';

const history = buildFixtureHistory();

function call(partial: Partial<CallRecord> & Pick<CallRecord, 'method' | 'path'>, file = 'src/a.ts', line = 1): CallRecord {
  return {
    location: { file, line, column: 3, endLine: line, endColumn: 20 },
    via: 'axios',
    keys: [],
    pinnedVersion: null,
    ...partial,
  };
}

function scan(calls: CallRecord[], files = ['src/a.ts', 'src/b.ts']): ScanResult {
  return { files, calls, unknown: [], notices: [] };
}

describe('lintCalls', () => {
  const target = parseTarget('1.40', FIXTURE_VERSIONS);

  it('gives every scanned file a result, with absolute paths, findings in source order', () => {
    const results = lintCalls(
      scan([
        call({ method: 'GET', path: '/old/thing' }, 'src/a.ts', 9),
        call({ method: 'POST', path: '/new/thing' }, 'src/a.ts', 2),
      ]),
      history,
      { target, cwd: '/project' },
    );
    expect(results.map((r) => r.filePath)).toEqual(['/project/src/a.ts', '/project/src/b.ts']);
    expect(results[0]!.findings.map((f) => [f.location.line, f.ruleId, f.severity])).toEqual([
      [2, 'endpoint-unavailable', 'error'],
      [9, 'endpoint-deprecated', 'warning'],
      [9, 'endpoint-unavailable', 'error'],
    ]);
    expect(results[1]!.findings).toEqual([]);
  });

  it('applies rule settings: off drops a rule, warn and error override its default', () => {
    const calls = scan([call({ method: 'GET', path: '/old/thing' })]);
    const results = lintCalls(calls, history, {
      target,
      cwd: '/p',
      rules: { 'endpoint-unavailable': 'warn', 'endpoint-deprecated': 'error' },
    });
    expect(results[0]!.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['endpoint-deprecated', 'error'],
      ['endpoint-unavailable', 'warning'],
    ]);
    const off = lintCalls(calls, history, { target, cwd: '/p', rules: { 'endpoint-unavailable': 'off', 'endpoint-deprecated': 'off' } });
    expect(off[0]!.findings).toEqual([]);
  });

  it('reports one finding per problem: parameters of a missing endpoint are not reported again', () => {
    const results = lintCalls(scan([call({ method: 'POST', path: '/new/thing', keys: [{ in: 'query', name: 'q' }] })]), history, { target, cwd: '/p' });
    expect(results[0]!.findings.map((f) => f.ruleId)).toEqual(['endpoint-unavailable']);
  });

  it('checks a pinned call against its pin, and the pin against the range', () => {
    const results = lintCalls(scan([call({ method: 'POST', path: '/new/thing', pinnedVersion: '1.39' })]), history, { target, cwd: '/p' });
    expect(results[0]!.findings.map((f) => f.message)).toEqual([
      'POST /new/thing is not available in API 1.39 (pinned to 1.39): added in 1.42',
      'POST /new/thing is pinned to API 1.39, outside the target range 1.40..1.53',
    ]);
  });

  it('runs unknown-endpoint over unknown calls', () => {
    const unknown = { ...call({ method: 'GET', path: '/containers/{}/jsn' }), nearest: { method: 'GET' as const, path: '/containers/json' } };
    const { keys: _keys, ...unknownCall } = unknown;
    const results = lintCalls({ files: ['src/a.ts'], calls: [], unknown: [unknownCall], notices: [] }, history, { target, cwd: '/p' });
    expect(results[0]!.findings.map((f) => [f.ruleId, f.severity])).toEqual([['unknown-endpoint', 'warning']]);
  });
});

describe('resolveSeverities', () => {
  it('maps settings to severities, defaults from the rules', () => {
    const severities = resolveSeverities({ 'pinned-version': 'off', 'unknown-endpoint': 'error' });
    expect(severities.has('pinned-version')).toBe(false);
    expect(severities.get('unknown-endpoint')).toBe('error');
    expect(severities.get('endpoint-deprecated')).toBe('warning');
    expect(severities.get('endpoint-unavailable')).toBe('error');
  });
});

describe('formatMessage', () => {
  it('fills placeholders and refuses missing data', () => {
    expect(formatMessage('{{a}} and {{ b }}', { a: 'x', b: 'y' })).toBe('x and y');
    expect(() => formatMessage('{{a}}', {})).toThrow('message placeholder {{a}} has no data');
  });
});
