import type { FileResult, Finding, FormatterContext, RuleMeta } from '../../src/model/finding.js';

/** A stable, machine-independent working directory: formatters only do path arithmetic on it. */
export const CWD = '/project';

export const RULES: RuleMeta[] = [
  { id: 'no-removed-endpoint', defaultSeverity: 'error', description: 'Calls an endpoint the target versions do not have.', docsUrl: 'https://example.test/rules/no-removed-endpoint.md' },
  { id: 'no-deprecated-parameter', defaultSeverity: 'warning', description: 'Sends a parameter deprecated in the target versions.', docsUrl: 'rules/no-deprecated-parameter.md' },
];

export const CONTEXT: FormatterContext = { cwd: CWD, rules: RULES, toolVersion: '0.1.0' };

function finding(file: string, partial: Partial<Finding> & Pick<Finding, 'ruleId' | 'message'>, line: number, column: number, endLine = line, endColumn = column + 10): Finding {
  return {
    severity: 'error',
    element: 'POST /containers/create',
    versions: ['1.24', '1.25'],
    location: { file, line, column, endLine, endColumn },
    ...partial,
  };
}

const A = `${CWD}/src/client.ts`;
const B = `${CWD}/src/clean.ts`;
const C = `${CWD}/src/odd name, with: chars%.ts`;

/** Sorted by path as ESLint's CLI sorts them; findings deliberately out of position order. */
export const RESULTS: FileResult[] = [
  { filePath: B, findings: [], unusedDirectives: [], source: 'export {};\n' },
  {
    filePath: A,
    findings: [
      finding(A, { ruleId: 'no-deprecated-parameter', severity: 'warning', message: 'Query parameter `all` of GET /images/json is deprecated since 1.25.', element: 'GET /images/json all' }, 12, 5),
      finding(A, { ruleId: 'no-removed-endpoint', message: 'POST /containers/create is not in 1.24.' }, 3, 17, 4, 2),
      finding(A, { ruleId: 'no-removed-endpoint', message: 'GET /swarm is not in 1.24 (added in 1.24)' }, 120, 3),
    ],
    unusedDirectives: [{ file: A, line: 7, column: 1, endLine: 7, endColumn: 40 }],
    source: 'const docker = new Docker();\n',
  },
  {
    filePath: C,
    findings: [
      finding(C, {
        ruleId: 'no-unknown-rule',
        severity: 'warning',
        message: 'Weird: 100% <tags> & "quotes", it\'s\r\nmultiline ]]> end',
      }, 1, 1),
    ],
    unusedDirectives: [],
  },
];
