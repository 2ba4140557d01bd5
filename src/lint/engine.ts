import path from 'node:path';
import { RULES } from '../../rules/index.js';
import type { CallRecord, ScanResult, SourceLocation, UnknownCall } from '../model/call.js';
import type { FileResult, Finding, RuleSetting, Severity } from '../model/finding.js';
import type { ApiHistory } from '../model/history.js';
import { normalizeVersion } from '../model/version.js';
import { formatMessage, RULE_IDS, type Rule, type RuleContext, type RuleId } from './rule.js';
import type { TargetRange } from './target.js';

export type RuleSettings = Partial<Record<RuleId, RuleSetting>>;

export interface LintCallsOptions {
  target: TargetRange;
  /** Overrides of the rules' default severities. */
  rules?: RuleSettings;
  /** Makes relative scan paths absolute (FileResult.filePath); default: the process working directory. */
  cwd?: string;
}

/** Each rule's effective severity, `off` rules left out. */
export function resolveSeverities(settings: RuleSettings = {}): Map<RuleId, Severity> {
  const severities = new Map<RuleId, Severity>();
  for (const id of RULE_IDS) {
    const setting = settings[id];
    if (setting === 'off') continue;
    const severity: Severity = setting === undefined ? RULES[id].meta.defaultSeverity : setting === 'warn' ? 'warning' : 'error';
    severities.set(id, severity);
  }
  return severities;
}

/**
 * Runs the rules over a scan: one FileResult per scanned file (files without findings included),
 * findings in source order. Pure: no I/O, no suppressions (those need the source text; see lintFiles).
 */
export function lintCalls(scan: ScanResult, history: ApiHistory, options: LintCallsOptions): FileResult[] {
  const cwd = options.cwd ?? process.cwd();
  const severities = resolveSeverities(options.rules);
  const findingsByFile = new Map<string, Finding[]>();
  const fileFindings = (file: string): Finding[] => {
    const filePath = path.resolve(cwd, file);
    let list = findingsByFile.get(filePath);
    if (!list) findingsByFile.set(filePath, (list = []));
    return list;
  };
  for (const file of scan.files) fileFindings(file);

  const run = (rule: Rule, subject: CallRecord | UnknownCall, context: RuleContext, location: SourceLocation): void => {
    const severity = severities.get(rule.meta.id);
    if (!severity) return;
    const problems = rule.appliesTo === 'call' ? rule.check(subject as CallRecord, context) : rule.check(subject as UnknownCall, context);
    for (const problem of problems) {
      const template = (rule.messages as Record<string, string>)[problem.messageId];
      if (template === undefined) throw new Error(`rule ${rule.meta.id} has no message ${problem.messageId}`);
      fileFindings(location.file).push({
        ruleId: rule.meta.id,
        severity,
        message: formatMessage(template, problem.data),
        element: problem.element,
        versions: problem.versions,
        location,
      });
    }
  };

  const rules = Object.values(RULES) as Rule[];
  for (const call of scan.calls) {
    const context = createContext(call, history, options.target);
    for (const rule of rules) if (rule.appliesTo === 'call') run(rule, call, context, call.location);
  }
  for (const call of scan.unknown) {
    const context = createContext(call, history, options.target);
    for (const rule of rules) if (rule.appliesTo === 'unknown') run(rule, call, context, call.location);
  }

  return [...findingsByFile.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([filePath, findings]) => ({ filePath, findings: findings.sort(compareFindings), unusedDirectives: [] }));
}

/** A call pinned to a known version is checked against that version only; pinned-version judges the pin itself. */
export function createContext(call: { pinnedVersion: string | null }, history: ApiHistory, target: TargetRange): RuleContext {
  const pinned = call.pinnedVersion === null ? undefined : normalizeVersion(call.pinnedVersion);
  if (pinned !== undefined && history.versions.some((v) => v.version === pinned)) {
    return { history, target, versions: [pinned], scope: `pinned to ${pinned}` };
  }
  return { history, target, versions: target.versions, scope: `target ${target.label}` };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.location.line - b.location.line ||
    a.location.column - b.location.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
