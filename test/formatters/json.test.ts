import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint, type Linter, type Rule } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatJson } from '../../src/formatters/json.js';
import type { FileResult } from '../../src/model/finding.js';
import { CONTEXT, CWD, RESULTS } from './fixtures.js';

// A rule that reports with a plain message (no messageId, no fix, no suggestions), like ours do.
const reportProgram: Rule.RuleModule = {
  create: (context) => ({
    Identifier(node) {
      if (node.name === 'docker') context.report({ node, message: 'Found docker.' });
    },
  }),
};

const config: Linter.Config[] = [
  {
    plugins: { probe: { rules: { report: reportProgram } } },
    rules: { 'probe/report': 'error' },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
  },
];

let dir: string;
let eslintResults: ESLint.LintResult[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dac-eslint-json-'));
  writeFileSync(path.join(dir, 'dirty.js'), 'const docker = 1; // eslint-disable-line no-debugger\n');
  writeFileSync(path.join(dir, 'clean.js'), 'export const x = 1;\n');
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config });
  eslintResults = await eslint.lintFiles(['dirty.js', 'clean.js']);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function keysOf(value: object): string[] {
  return Object.keys(value);
}

function parse(results: readonly FileResult[]): ReturnType<typeof JSON.parse> {
  return JSON.parse(formatJson(results, CONTEXT));
}

describe('json', () => {
  it('prints the fixed results as ESLint JSON', () => {
    expect(parse(RESULTS)).toMatchSnapshot();
  });

  it('has the keys of a real ESLint run: results with and without problems, rule messages, unused directives', () => {
    // ESLint's JSON formatter is JSON.stringify of these objects, so their keys are its output's keys.
    const eslintDirty = JSON.parse(JSON.stringify(eslintResults.find((r) => r.filePath.endsWith('dirty.js'))));
    const eslintClean = JSON.parse(JSON.stringify(eslintResults.find((r) => r.filePath.endsWith('clean.js'))));
    const eslintRuleMessage = eslintDirty.messages.find((m: { ruleId: string | null }) => m.ruleId !== null);
    const eslintDirective = eslintDirty.messages.find((m: { ruleId: string | null }) => m.ruleId === null);
    expect(eslintRuleMessage).toBeDefined();
    expect(eslintDirective).toBeDefined();

    const [clean, dirty] = parse(RESULTS);
    expect(keysOf(dirty)).toEqual(keysOf(eslintDirty));
    expect(keysOf(clean)).toEqual(keysOf(eslintClean));
    const ruleMessage = dirty.messages.find((m: { ruleId: string | null }) => m.ruleId !== null);
    const directive = dirty.messages.find((m: { ruleId: string | null }) => m.ruleId === null);
    expect(keysOf(ruleMessage)).toEqual(keysOf(eslintRuleMessage));
    // ESLint adds a `fix` that removes the comment; we report no fixes.
    expect(keysOf(directive).sort()).toEqual(keysOf(eslintDirective).filter((k) => k !== 'fix').sort());
    expect(typeof eslintDirective.fix).toBe('object');
  });

  it('uses ESLint severities and counts, and sorts messages by position', () => {
    const [, dirty] = parse(RESULTS);
    expect(dirty.filePath).toBe(`${CWD}/src/client.ts`);
    expect(dirty.messages.map((m: { line: number; severity: number }) => [m.line, m.severity])).toEqual([
      [3, 2],
      [7, 1],
      [12, 1],
      [120, 2],
    ]);
    expect([dirty.errorCount, dirty.warningCount, dirty.fatalErrorCount]).toEqual([2, 2, 0]);
  });

  it('leaves out the source of clean files and of files read without it', () => {
    const [clean, , odd] = parse(RESULTS);
    expect(clean).not.toHaveProperty('source');
    expect(odd).not.toHaveProperty('source');
  });

  it('prints an empty array for no results', () => {
    expect(formatJson([], CONTEXT)).toBe('[]');
  });
});
