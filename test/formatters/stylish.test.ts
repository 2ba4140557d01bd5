import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { toEslintResults } from '../../src/formatters/json.js';
import { formatStylish } from '../../src/formatters/stylish.js';
import type { FileResult } from '../../src/model/finding.js';
import { CONTEXT, CWD, RESULTS } from './fixtures.js';

async function formatWithEslint(results: readonly FileResult[], color: boolean): Promise<string> {
  const formatter = await new ESLint({ cwd: CWD }).loadFormatter('stylish');
  // ESLint's format() takes mutable LintResults; ours is the same shape on the wire.
  return formatter.format(toEslintResults(results) as unknown as ESLint.LintResult[], { color, maxWarningsExceeded: undefined } as never);
}

describe('stylish', () => {
  it('prints the underlined-path table and summary', () => {
    expect(formatStylish(RESULTS, CONTEXT)).toMatchSnapshot();
  });

  it('is byte-for-byte what ESLint stylish prints for the same results', async () => {
    expect(formatStylish(RESULTS, CONTEXT)).toBe(await formatWithEslint(RESULTS, false));
  });

  it('matches ESLint in colour too, when asked for colour', async () => {
    const colored = formatStylish(RESULTS, { ...CONTEXT, color: true });
    expect(colored).toContain('\u001b[');
    expect(colored).toBe(await formatWithEslint(RESULTS, true));
  });

  it('prints nothing for clean results, as ESLint does', async () => {
    const clean: FileResult[] = [{ filePath: `${CWD}/a.ts`, findings: [], unusedDirectives: [] }];
    expect(formatStylish(clean, CONTEXT)).toBe('');
    expect(formatStylish([], CONTEXT)).toBe('');
    expect(await formatWithEslint(clean, false)).toBe('');
  });

  it('counts singular and plural, and turns the summary red only with errors', () => {
    const one: FileResult[] = [{ filePath: `${CWD}/a.ts`, findings: [], unusedDirectives: [{ file: 'a.ts', line: 2, column: 3, endLine: 2, endColumn: 9 }] }];
    const text = formatStylish(one, CONTEXT);
    expect(text).toContain('  2:3  warning  Unused docker-api-compat-disable directive\n');
    expect(text).toContain('\u2716 1 problem (0 errors, 1 warning)\n');
    expect(formatStylish(one, { ...CONTEXT, color: true })).not.toContain('\u001b[31m');
  });
});
