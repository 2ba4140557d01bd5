import { stripVTControlCharacters, styleText } from 'node:util';
import type { FileResult, FormatterContext } from '../model/finding.js';
import { collectProblems, countProblems } from './support/problems.js';

/** Stylish is the one formatter meant for terminals; colour is opt-in so pipes and snapshots stay plain. */
export type StylishContext = FormatterContext & { color?: boolean };

type StyleFormat = Parameters<typeof styleText>[0];
type Style = (format: StyleFormat, text: string) => string;

const plain: Style = (_format, text) => text;
// The caller already decided colour is wanted (TTY, FORCE_COLOR...), so no stream checks here.
const colored: Style = (format, text) => styleText(format, text, { validateStream: false });

type Align = 'left' | 'right';

/** ESLint's stylish output, line for line: an underlined path, aligned rows, a summary. */
export function formatStylish(results: readonly FileResult[], context: StylishContext): string {
  const style = context.color ? colored : plain;
  let output = '\n';
  let errorCount = 0;
  let warningCount = 0;
  let summaryColor: StyleFormat = 'yellow';

  for (const result of results) {
    const problems = collectProblems(result);
    if (problems.length === 0) continue;
    const counts = countProblems(problems);
    errorCount += counts.errorCount;
    warningCount += counts.warningCount;

    output += `${style('underline', result.filePath)}\n`;
    const rows = problems.map((problem) => {
      let type: string;
      if (problem.severity === 'error') {
        type = style('red', 'error');
        summaryColor = 'red';
      } else {
        type = style('yellow', 'warning');
      }
      return ['', String(problem.line || 0), String(problem.column || 0), type, stripTrailingPeriod(problem.message), problem.ruleId ? style('dim', problem.ruleId) : ''];
    });
    const table = layOutTable(rows, ['left', 'right', 'left'])
      .split('\n')
      // ESLint joins line and column after layout so the column numbers stay left-aligned after the colon.
      .map((row) => row.replace(/(\d+)\s+(\d+)/u, (_match, line: string, column: string) => style('dim', `${line}:${column}`)))
      .join('\n');
    output += `${table}\n\n`;
  }

  const total = errorCount + warningCount;
  if (total === 0) return '';
  const summary = `\u2716 ${total} ${pluralize('problem', total)} (${errorCount} ${pluralize('error', errorCount)}, ${warningCount} ${pluralize('warning', warningCount)})`;
  output += `${style(summaryColor, style('bold', summary))}\n`;
  return style('reset', output);
}

/** ESLint drops a final period unless a space precedes it. */
function stripTrailingPeriod(message: string): string {
  return message.length > 1 && message.endsWith('.') && message.at(-2) !== ' ' ? message.slice(0, -1) : message;
}

function pluralize(word: string, count: number): string {
  return count === 1 ? word : `${word}s`;
}

/** The text-table layout ESLint uses: two-space gutters, padding by visible width, trailing blanks trimmed. */
function layOutTable(rows: readonly string[][], align: readonly Align[]): string {
  const lengths = rows.map((row) => row.map((cell) => stripVTControlCharacters(cell).length));
  const widths: number[] = [];
  for (const row of lengths) row.forEach((length, index) => (widths[index] = Math.max(widths[index] ?? 0, length)));
  return rows
    .map((row, rowIndex) =>
      row
        .map((cell, index) => {
          const padding = ' '.repeat((widths[index] ?? 0) - (lengths[rowIndex]?.[index] ?? 0));
          return align[index] === 'right' ? padding + cell : cell + padding;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
