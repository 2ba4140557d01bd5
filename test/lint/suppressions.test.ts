import { describe, expect, it } from 'vitest';
import { applyDirectives, parseDirectives } from '../../src/lint/suppressions.js';
import type { FileResult, Finding } from '../../src/model/finding.js';

function finding(ruleId: string, line: number, column = 1): Finding {
  return {
    ruleId,
    severity: 'error',
    message: `${ruleId} at ${line}`,
    element: 'GET /x',
    versions: ['1.40'],
    location: { file: 'a.ts', line, column, endLine: line, endColumn: column + 5 },
  };
}

function lint(source: string, findings: Finding[], reportUnused = false): { kept: string[]; unused: number[] } {
  const result: FileResult = { filePath: '/a.ts', findings, unusedDirectives: [] };
  const applied = applyDirectives(result, parseDirectives(source, 'a.ts'), { reportUnused });
  return { kept: applied.findings.map((f) => `${f.ruleId}@${f.location.line}`), unused: applied.unusedDirectives.map((d) => d.line) };
}

describe('parseDirectives', () => {
  it('reads the kinds, rule lists and comment positions', () => {
    const source = [
      'const a = 1; // docker-api-compat-disable-line',
      '  // docker-api-compat-disable-next-line endpoint-unavailable, parameter-unavailable -- old daemons only',
      '/* docker-api-compat-disable pinned-version */',
      '/* docker-api-compat-enable */',
    ].join('\n');
    expect(parseDirectives(source, 'a.ts')).toEqual([
      { kind: 'disable-line', rules: null, location: { file: 'a.ts', line: 1, column: 14, endLine: 1, endColumn: 47 } },
      {
        kind: 'disable-next-line',
        rules: ['endpoint-unavailable', 'parameter-unavailable'],
        location: { file: 'a.ts', line: 2, column: 3, endLine: 2, endColumn: 105 },
      },
      { kind: 'disable', rules: ['pinned-version'], location: { file: 'a.ts', line: 3, column: 1, endLine: 3, endColumn: 47 } },
      { kind: 'enable', rules: null, location: { file: 'a.ts', line: 4, column: 1, endLine: 4, endColumn: 31 } },
    ]);
  });

  it('ignores directive-looking text in strings, templates and regular expressions', () => {
    const source = [
      "const s = '// docker-api-compat-disable-line';",
      'const t = `${x} // docker-api-compat-disable-line ${y}`;',
      'const r = /\\/\\/ docker-api-compat-disable-line/;',
      'const d = a / b; // docker-api-compat-disable-line',
      '// docker-api-compat-disabled is not a directive',
    ].join('\n');
    expect(parseDirectives(source, 'a.ts').map((d) => d.location.line)).toEqual([4]);
  });

  it('survives unterminated code and large inputs', () => {
    expect(parseDirectives('const x = `${ // docker-api-compat-disable', 'a.ts')).toBeInstanceOf(Array);
    const big = `${'a + '.repeat(60_000)}a; // docker-api-compat-disable-line`;
    expect(parseDirectives(big, 'a.ts')).toHaveLength(1);
  });
});

describe('applyDirectives', () => {
  it('disable-line and disable-next-line suppress their line only, for the listed rules', () => {
    const source = [
      'call(); // docker-api-compat-disable-line',
      '// docker-api-compat-disable-next-line endpoint-unavailable',
      'call();',
      'call();',
    ].join('\n');
    const { kept } = lint(source, [
      finding('endpoint-unavailable', 1),
      finding('endpoint-unavailable', 3),
      finding('pinned-version', 3),
      finding('endpoint-unavailable', 4),
    ]);
    expect(kept).toEqual(['pinned-version@3', 'endpoint-unavailable@4']);
  });

  it('disable ... enable blocks, per rule and for all rules', () => {
    const source = [
      '/* docker-api-compat-disable */',
      'call();',
      '/* docker-api-compat-enable endpoint-deprecated */',
      'call();',
      '/* docker-api-compat-enable */',
      'call();',
    ].join('\n');
    const { kept } = lint(source, [
      finding('endpoint-unavailable', 2),
      finding('endpoint-deprecated', 4),
      finding('endpoint-unavailable', 4),
      finding('endpoint-unavailable', 6),
    ]);
    expect(kept).toEqual(['endpoint-deprecated@4', 'endpoint-unavailable@6']);
  });

  it('a disable comment after the call on the same line does not cover it', () => {
    const { kept } = lint('call(); /* docker-api-compat-disable */', [finding('endpoint-unavailable', 1, 1)]);
    expect(kept).toEqual(['endpoint-unavailable@1']);
  });

  it('reports directives that suppressed nothing, only when asked', () => {
    const source = [
      '// docker-api-compat-disable-next-line',
      'call();',
      '// docker-api-compat-disable-next-line',
      'quiet();',
      '// docker-api-compat-disable-next-line endpoint-unavailable, pinned-version',
      'call();',
    ].join('\n');
    const findings = [finding('endpoint-unavailable', 2), finding('endpoint-unavailable', 6)];
    expect(lint(source, findings, true)).toEqual({ kept: [], unused: [3, 5] });
    expect(lint(source, findings, false).unused).toEqual([]);
  });
});
