import type { FileResult, FormatterContext } from '../model/finding.js';
import { collectProblems, countProblems, type Problem } from './support/problems.js';

/** ESLint's LintMessage as its json formatter prints it (ESLint 10 keys, in ESLint's order). */
export interface EslintJsonMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** ESLint's LintResult as its json formatter prints it. */
export interface EslintJsonResult {
  filePath: string;
  messages: EslintJsonMessage[];
  suppressedMessages: EslintJsonMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  source?: string;
  usedDeprecatedRules: [];
}

/** The results in ESLint's result shape, so tools that read `eslint --format json` read ours. */
export function toEslintResults(results: readonly FileResult[]): EslintJsonResult[] {
  return results.map((result) => {
    const problems = collectProblems(result);
    const counts = countProblems(problems);
    return {
      filePath: result.filePath,
      messages: problems.map(toEslintMessage),
      suppressedMessages: [],
      errorCount: counts.errorCount,
      fatalErrorCount: 0,
      warningCount: counts.warningCount,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      // ESLint attaches the source only to results with problems.
      ...(problems.length > 0 && result.source !== undefined ? { source: result.source } : {}),
      usedDeprecatedRules: [],
    };
  });
}

export function formatJson(results: readonly FileResult[], _context: FormatterContext): string {
  return JSON.stringify(toEslintResults(results));
}

function toEslintMessage(problem: Problem): EslintJsonMessage {
  const severity = problem.severity === 'error' ? 2 : 1;
  // ESLint reports unused directives with a start position only.
  if (problem.ruleId === null) return { ruleId: null, severity, message: problem.message, line: problem.line, column: problem.column };
  return {
    ruleId: problem.ruleId,
    severity,
    message: problem.message,
    line: problem.line,
    column: problem.column,
    endLine: problem.endLine,
    endColumn: problem.endColumn,
  };
}
