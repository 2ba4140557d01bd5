import { pathToFileURL } from 'node:url';
import type { FileResult, FormatterContext, RuleMeta, Severity } from '../model/finding.js';
import { isInside, toRelativePath } from './support/paths.js';
import { collectProblems, UNUSED_DIRECTIVE_RULE_ID, type Problem } from './support/problems.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_NAME = 'docker-api-compat';
// The same home the rules' docsUrl (src/lint/rule.ts) points into.
export const TOOL_INFORMATION_URI = 'https://github.com/docker-api-compat/docker-api-compat';
/** Paths in results are relative to this base, which code scanning maps to the checkout root. */
export const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning';

interface SarifRegion {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: SarifArtifactLocation; region?: SarifRegion } }[];
  properties?: { element: string; versions: string[] };
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
}

/** The subset of SARIF 2.1.0 this formatter writes (the official schema validates it in the tests). */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
      originalUriBaseIds: Record<string, { uri: string }>;
      columnKind: 'utf16CodeUnits';
      results: SarifResult[];
    },
  ];
}

const UNUSED_DIRECTIVE_RULE: RuleMeta = {
  id: UNUSED_DIRECTIVE_RULE_ID,
  defaultSeverity: 'warning',
  description: 'A docker-api-compat-disable directive that suppressed nothing.',
  docsUrl: '',
};

/** One run for GitHub code scanning: every known rule, then one result per finding or unused directive. */
export function buildSarifLog(results: readonly FileResult[], context: FormatterContext): SarifLog {
  const rules: RuleMeta[] = [...context.rules];
  const ruleIndexById = new Map(rules.map((rule, index) => [rule.id, index]));
  const indexOfRule = (problem: Problem): number => {
    const id = problem.ruleId ?? UNUSED_DIRECTIVE_RULE_ID;
    let index = ruleIndexById.get(id);
    if (index === undefined) {
      // A finding of a rule the caller did not describe still needs a descriptor for ruleIndex to point at.
      const meta = problem.ruleId === null ? UNUSED_DIRECTIVE_RULE : { id, defaultSeverity: problem.severity, description: id, docsUrl: '' };
      index = rules.push(meta) - 1;
      ruleIndexById.set(id, index);
    }
    return index;
  };

  const sarifResults: SarifResult[] = [];
  for (const result of results) {
    const artifactLocation = toArtifactLocation(context.cwd, result.filePath);
    for (const problem of collectProblems(result)) {
      const region = toRegion(problem);
      sarifResults.push({
        ruleId: problem.ruleId ?? UNUSED_DIRECTIVE_RULE_ID,
        ruleIndex: indexOfRule(problem),
        level: toLevel(problem.severity),
        message: { text: problem.message },
        locations: [{ physicalLocation: { artifactLocation, ...(region ? { region } : {}) } }],
        ...(problem.element !== undefined ? { properties: { element: problem.element, versions: [...(problem.versions ?? [])] } } : {}),
      });
    }
  }

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: context.toolVersion, informationUri: TOOL_INFORMATION_URI, rules: rules.map(toRuleDescriptor) } },
        // SARIF wants base URIs to end with a slash, or the last segment is dropped when resolving.
        originalUriBaseIds: { [SRCROOT]: { uri: ensureTrailingSlash(pathToFileURL(context.cwd).href) } },
        // TypeScript positions count UTF-16 code units, which is also SARIF's default; said explicitly for readers.
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
}

export function formatSarif(results: readonly FileResult[], context: FormatterContext): string {
  return `${JSON.stringify(buildSarifLog(results, context), null, 2)}\n`;
}

/** Code scanning shows `help` on every alert and GitHub's ingestion checks want it and `fullDescription`. */
function toRuleDescriptor(rule: RuleMeta): SarifRule {
  const docs = rule.docsUrl ? ` See ${rule.docsUrl}.` : '';
  const markdownDocs = rule.docsUrl ? `\n\nSee [${rule.id}](${rule.docsUrl}).` : '';
  return {
    id: rule.id,
    name: toPascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    help: { text: `${rule.description}${docs}`, markdown: `${rule.description}${markdownDocs}` },
    ...(URL.canParse(rule.docsUrl) ? { helpUri: rule.docsUrl } : {}),
    defaultConfiguration: { level: toLevel(rule.defaultSeverity) },
  };
}

function toArtifactLocation(cwd: string, filePath: string): SarifArtifactLocation {
  if (!isInside(cwd, filePath)) return { uri: pathToFileURL(filePath).href };
  const uri = toRelativePath(cwd, filePath).split('/').map(encodeURIComponent).join('/');
  return { uri, uriBaseId: SRCROOT };
}

/** SARIF rejects lines below 1 and ends before starts; such parts are left out rather than invented. */
function toRegion(problem: Problem): SarifRegion | undefined {
  if (!(problem.line >= 1)) return undefined;
  const region: SarifRegion = { startLine: problem.line };
  if (!(problem.column >= 1)) return region;
  region.startColumn = problem.column;
  const endsAfterStart = problem.endLine > problem.line || (problem.endLine === problem.line && problem.endColumn >= problem.column);
  if (endsAfterStart && problem.endColumn >= 1) {
    region.endLine = problem.endLine;
    region.endColumn = problem.endColumn;
  }
  return region;
}

function toLevel(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : 'warning';
}

function toPascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/u)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

function ensureTrailingSlash(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}
