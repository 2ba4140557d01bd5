import type ts from 'typescript';
import type { ScanResult } from '../model/call.js';
import type { Detector } from './detector.js';
import type { ApiHistory } from '../model/history.js';
import { analyzeSourceFile, type FileAnalysisOptions } from './analyze-file.js';
import { DETECTORS } from './detectors/index.js';
import { createPathMatcher } from './path-matcher.js';
import { indexOperationIds } from './scan.js';

/** Matchers are costly to build and a history does not change: one set of options per history. */
const optionsByHistory = new WeakMap<ApiHistory, FileAnalysisOptions>();

/**
 * The analysis options scanFiles/scanSource use for a history (same matcher, detectors, query
 * parameter names and operationIds), for callers that already hold a parsed file.
 */
export function createFileAnalysisOptions(history: ApiHistory): FileAnalysisOptions {
  const cached = optionsByHistory.get(history);
  if (cached) return cached;
  const names = new Map<string, Set<string>>();
  for (const e of history.endpoints) {
    names.set(`${e.method} ${e.path}`, new Set(e.parameters.filter((p) => p.in === 'query').map((p) => p.name)));
  }
  const options: FileAnalysisOptions = {
    matcher: createPathMatcher(history.endpoints.map((e) => ({ method: e.method, path: e.path }))),
    detectors: DETECTORS,
    queryParameterNames: (method, p) => names.get(`${method} ${p}`),
    operationIds: indexOperationIds(history),
  };
  optionsByHistory.set(history, options);
  return options;
}

/**
 * Runs the detectors over a file of a Program someone else built (typescript-eslint's typed
 * linting), with its type checker: the typed path of scanFiles without building a Program.
 * Syntax errors are the host's business (it parsed the file); never throws. `detectors` replaces the
 * registered ones, e.g. with those bindFileDetectors bound to the modules the file imports.
 */
export function analyzeProgramFile(
  sourceFile: ts.SourceFile,
  checker: ts.TypeChecker | undefined,
  fileName: string,
  history: ApiHistory,
  detectors?: readonly Detector[],
): ScanResult {
  const shared = createFileAnalysisOptions(history);
  const options = detectors ? { ...shared, detectors } : shared;
  const result = analyzeSourceFile(sourceFile, checker, fileName, options);
  return { files: [fileName], ...result };
}
