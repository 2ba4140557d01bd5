import type { FileResult, FormatterContext } from '../model/finding.js';
import { toRelativePath } from './support/paths.js';
import { collectProblems, UNUSED_DIRECTIVE_RULE_ID } from './support/problems.js';

/**
 * GitHub Actions workflow commands: one `::error`/`::warning` line per problem,
 * which the runner turns into inline annotations on the pull request.
 */
export function formatGithub(results: readonly FileResult[], context: FormatterContext): string {
  const lines: string[] = [];
  for (const result of results) {
    const file = toRelativePath(context.cwd, result.filePath);
    for (const problem of collectProblems(result)) {
      const properties: [string, string | number][] = [['file', file]];
      if (problem.line >= 1) {
        properties.push(['line', problem.line]);
        if (problem.column >= 1) properties.push(['col', problem.column]);
        if (problem.endLine >= problem.line) {
          properties.push(['endLine', problem.endLine]);
          if (problem.column >= 1 && problem.endColumn >= 1) properties.push(['endColumn', problem.endColumn]);
        }
      }
      properties.push(['title', problem.ruleId ?? UNUSED_DIRECTIVE_RULE_ID]);
      const command = problem.severity === 'error' ? 'error' : 'warning';
      const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
      lines.push(`::${command} ${props}::${escapeData(problem.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** The runner's escaping for a command's message (actions/toolkit `escapeData`). */
export function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** The runner's escaping for a property value (actions/toolkit `escapeProperty`): also `:` and `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
