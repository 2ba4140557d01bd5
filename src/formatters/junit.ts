import path from 'node:path';
import type { FileResult, FormatterContext } from '../model/finding.js';
import { toRelativePath } from './support/paths.js';
import { collectProblems, UNUSED_DIRECTIVE_RULE_ID } from './support/problems.js';

const PACKAGE = 'docker-api-compat';

/**
 * JUnit XML in the layout of ESLint's junit formatter: a testsuite per file, a failing testcase
 * per problem, a passing placeholder testcase for clean files. Unlike ESLint, paths are relative
 * to the working directory (CI report viewers show them as is) and problems count as failures,
 * which is what the `<failure>` elements say.
 */
export function formatJunit(results: readonly FileResult[], context: FormatterContext): string {
  let output = '<?xml version="1.0" encoding="utf-8"?>\n';
  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;

  for (const result of results) {
    const file = toRelativePath(context.cwd, result.filePath);
    const classname = withoutExtension(file);
    const problems = collectProblems(result);
    if (problems.length === 0) {
      totalTests += 1;
      suites.push(
        `<testsuite package="${PACKAGE}" time="0" tests="1" failures="0" errors="0" name="${escapeXml(file)}">\n` +
          `<testcase time="0" name="${escapeXml(file)}" classname="${escapeXml(classname)}" />\n` +
          '</testsuite>\n',
      );
      continue;
    }
    totalTests += problems.length;
    totalFailures += problems.length;
    let suite = `<testsuite package="${PACKAGE}" time="0" tests="${problems.length}" failures="${problems.length}" errors="0" name="${escapeXml(file)}">\n`;
    for (const problem of problems) {
      const ruleId = problem.ruleId ?? UNUSED_DIRECTIVE_RULE_ID;
      const type = problem.severity === 'error' ? 'Error' : 'Warning';
      const details = `line ${problem.line || 0}, col ${problem.column || 0}, ${type} - ${problem.message} (${ruleId})`;
      suite +=
        `<testcase time="0" name="${PACKAGE}.${escapeXml(ruleId)}" classname="${escapeXml(classname)}">` +
        `<failure message="${escapeXml(problem.message)}" type="${type.toLowerCase()}">${toCdata(details)}</failure>` +
        '</testcase>\n';
    }
    suites.push(`${suite}</testsuite>\n`);
  }

  output += `<testsuites name="${PACKAGE}" tests="${totalTests}" failures="${totalFailures}" errors="0">\n`;
  output += suites.join('');
  output += '</testsuites>\n';
  return output;
}

// XML 1.0 allows tab, LF, CR and everything from U+0020 except lone surrogates and U+FFFE/U+FFFF;
// with the `u` flag a surrogate range only matches halves that are not part of a pair.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

/** Escapes for attribute values and text; characters XML cannot carry at all become U+FFFD. */
export function escapeXml(value: string): string {
  return value.replace(INVALID_XML_CHARS, '\uFFFD').replace(/[<>&"'\t\n\r]/gu, (char) => XML_ENTITIES[char] ?? char);
}

const XML_ENTITIES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  // Attribute values normalize raw whitespace to spaces; references keep it.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** A CDATA section cannot contain `]]>`, so that sequence is split across two sections. */
function toCdata(text: string): string {
  return `<![CDATA[${text.replace(INVALID_XML_CHARS, '\uFFFD').replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

function withoutExtension(file: string): string {
  const extension = path.posix.extname(file);
  return extension ? file.slice(0, -extension.length) : file;
}
