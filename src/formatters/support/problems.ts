import type { FileResult, Severity } from '../../model/finding.js';

/** What ESLint calls the message of an unused disable directive; it has no rule of its own there. */
export const UNUSED_DIRECTIVE_MESSAGE = 'Unused docker-api-compat-disable directive';

/**
 * Formats that need a rule id on every result (SARIF, GitHub annotations, JUnit test names)
 * use this one for unused directives; stylish and json keep ESLint's `ruleId: null`.
 */
export const UNUSED_DIRECTIVE_RULE_ID = 'unused-disable-directive';

/** One line of output: a finding or an unused directive, flattened the way ESLint's LintMessage is. */
export interface Problem {
  /** null for unused directives, as in ESLint. */
  ruleId: string | null;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Set for findings only. */
  element?: string;
  versions?: readonly string[];
}

export interface ProblemCounts {
  errorCount: number;
  warningCount: number;
}

/** Findings and unused directives of one file, sorted by position as ESLint sorts its messages. */
export function collectProblems(result: FileResult): Problem[] {
  const problems: Problem[] = result.findings.map((finding) => ({
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    line: finding.location.line,
    column: finding.location.column,
    endLine: finding.location.endLine,
    endColumn: finding.location.endColumn,
    element: finding.element,
    versions: finding.versions,
  }));
  for (const directive of result.unusedDirectives) {
    problems.push({
      ruleId: null,
      severity: 'warning',
      message: UNUSED_DIRECTIVE_MESSAGE,
      line: directive.line,
      column: directive.column,
      endLine: directive.endLine,
      endColumn: directive.endColumn,
    });
  }
  // Array.prototype.sort is stable, so findings at the same position keep the rules' order.
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

export function countProblems(problems: readonly Problem[]): ProblemCounts {
  let errorCount = 0;
  for (const problem of problems) if (problem.severity === 'error') errorCount += 1;
  return { errorCount, warningCount: problems.length - errorCount };
}
