import path from 'node:path';
import type { Rule } from 'eslint';
import ts from 'typescript';
import { selectDetectors } from '../analyzer/analyze-file.js';
import { analyzeProgramFile } from '../analyzer/analyze-program-file.js';
import type { Detector } from '../analyzer/detector.js';
import { DETECTORS } from '../analyzer/detectors/index.js';
import { DiskModuleSource } from '../analyzer/project/disk-modules.js';
import { bindFileDetectors } from '../analyzer/project/project-detectors.js';
import { scanSource } from '../analyzer/scan.js';
import { describeError } from '../errors.js';
import { lintCalls } from '../lint/engine.js';
import { listHistoryVersions } from '../lint/presence.js';
import type { RuleId } from '../lint/rule.js';
import { applyDirectives, parseDirectives } from '../lint/suppressions.js';
import { resolveTarget } from '../lint/target.js';
import type { LintConfig } from '../lint/config.js';
import type { ScanResult } from '../model/call.js';
import type { Finding } from '../model/finding.js';
import type { ApiHistory } from '../model/history.js';
import { loadPluginHistory } from './load-history.js';
import { readConfigSync } from './read-config.js';
import { readPluginSettings } from './settings.js';

/** The `target` option every rule accepts: `['error', { target: '1.41' }]`. */
export interface RuleOptions {
  target?: string;
}

/** A rule's findings in one file, or the one-line reason the file could not be checked. */
export type RuleOutcome = { kind: 'findings'; findings: Finding[] } | { kind: 'error'; message: string; isFirst: boolean };

/** What the six rules of one lint pass over a file share: one config lookup, one scan, one lint per target. */
interface FileState {
  config?: LintConfig;
  history?: ApiHistory;
  scan?: ScanResult;
  /** All rules' findings, suppressions applied, by target range. */
  findings: Map<string, Finding[]>;
  /** Errors already reported in this file: six rules saying the same thing once is enough. */
  reportedErrors: Set<string>;
}

/** Keyed by ESLint's SourceCode, which lives for one lint pass over one file. */
const states = new WeakMap<object, FileState>();

/**
 * The project modules linted files import, for the whole ESLint run (and an editor's session):
 * by path and modification time, so a client module many files import is read and parsed once.
 */
const diskModules = new DiskModuleSource();

/**
 * The findings of one rule in the file a rule context lints, from the same scanner, database and
 * lint engine as `docker-api-compat lint`. Typed when typescript-eslint hands over a Program,
 * syntax only otherwise. Never throws: configuration problems come back as one-line errors.
 */
export function collectRuleFindings(context: Rule.RuleContext, ruleId: RuleId): RuleOutcome {
  const sourceCode = context.sourceCode;
  let state = states.get(sourceCode);
  if (!state) states.set(sourceCode, (state = { findings: new Map(), reportedErrors: new Set() }));
  try {
    const settings = readPluginSettings(context.settings);
    const options = (context.options[0] ?? {}) as RuleOptions;
    state.config ??= readConfigSync(findConfigDir(context), context.cwd);
    const specs = settings.specs !== undefined ? path.resolve(context.cwd, settings.specs) : state.config.specs;
    const history = (state.history ??= loadPluginHistory(specs));
    const targetText = options.target ?? settings.target;
    const target = resolveTarget(
      {
        ...(targetText !== undefined ? { target: targetText } : {}),
        ...(state.config.target !== undefined ? { configTarget: state.config.target } : {}),
        env: process.env,
      },
      listHistoryVersions(history),
    );
    const key = target.versions.join(',');
    let findings = state.findings.get(key);
    if (!findings) {
      state.scan ??= scanFile(context, history);
      findings = lintScan(state.scan, history, target, context);
      state.findings.set(key, findings);
    }
    return { kind: 'findings', findings: findings.filter((f) => f.ruleId === ruleId) };
  } catch (error) {
    const message = `docker-api-compat: ${describeError(error)}`;
    const isFirst = !state.reportedErrors.has(message);
    state.reportedErrors.add(message);
    return { kind: 'error', message, isFirst };
  }
}

function lintScan(scan: ScanResult, history: ApiHistory, target: ReturnType<typeof resolveTarget>, context: Rule.RuleContext): Finding[] {
  const text = context.sourceCode.text;
  // Every rule at its default severity: ESLint's config decides which ones report and how loudly.
  const results = lintCalls(scan, history, { target, cwd: context.cwd });
  const directives = parseDirectives(text, context.filename);
  return results.flatMap((result) => applyDirectives(result, directives).findings);
}

/**
 * typescript-eslint's typed linting hands over its Program: the checker then resolves receivers
 * syntax cannot (a parameter typed as a docker-modem Modem). A Program whose copy of the file differs
 * from what ESLint parsed (an editor's unsaved buffer) would give wrong positions, and one from another
 * compiler version would be misread: syntax only then.
 */
function scanFile(context: Rule.RuleContext, history: ApiHistory): ScanResult {
  const sourceCode = context.sourceCode;
  const file = context.filename;
  const program = (sourceCode.parserServices as { program?: ts.Program | null } | undefined)?.program;
  if (program && typeof program.getSourceFile === 'function') {
    const sourceFile = program.getSourceFile(file);
    if (sourceFile && sourceFile.text === sourceCode.text && isSameCompiler(sourceFile)) {
      // The Program's name for the file is absolute even when ESLint's is not (a RuleTester case).
      return analyzeProgramFile(sourceFile, program.getTypeChecker(), file, history, bindDetectors(context, sourceFile.fileName));
    }
  }
  const detectors = bindDetectors(context, file);
  // Most files of a project make no Engine API call: skip building the path matcher for them.
  if (selectDetectors(sourceCode.text, detectors).length === 0) return { files: [file], calls: [], unknown: [], notices: [] };
  return scanSource(file, sourceCode.text, { history, detectors });
}

/**
 * What `docker-api-compat lint` binds from the whole project, from the modules this file imports:
 * a client exported by another module is then found without types, and with types the file is not
 * skipped for never saying "dockerode". Text without a real file name (stdin, a code block inside
 * another file) has no folder its imports are relative to: the plain detectors then.
 */
function bindDetectors(context: Rule.RuleContext, file: string): readonly Detector[] {
  if (!path.isAbsolute(file) || context.filename !== context.physicalFilename) return DETECTORS;
  return bindFileDetectors(DETECTORS, file, context.sourceCode.text, diskModules);
}

/**
 * A Program from another TypeScript version (the project's own, resolved by the parser) numbers its
 * SyntaxKinds differently, and the detectors would misread every node. SourceFile comes after every
 * other node kind, so any version that added or removed one gives it another number.
 */
function isSameCompiler(sourceFile: ts.SourceFile): boolean {
  return sourceFile.kind === ts.SyntaxKind.SourceFile;
}

/** The linted file's folder; ESLint's cwd for text linted without a file name. */
function findConfigDir(context: Rule.RuleContext): string {
  const file = context.physicalFilename;
  if (!file || file.startsWith('<') || !path.isAbsolute(file)) return context.cwd;
  return path.dirname(file);
}
