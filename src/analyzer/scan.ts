import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { FileNotice, ScanResult } from '../model/call.js';
import type { ApiHistory } from '../model/history.js';
import { compareVersions } from '../model/version.js';
import { analyzeSourceFile, findParseErrorNotice, selectDetectors, type FileAnalysis, type FileAnalysisOptions } from './analyze-file.js';
import type { Detector } from './detector.js';
import { DETECTORS } from './detectors/index.js';
import { createPathMatcher, type EndpointTemplate } from './path-matcher.js';
import { bindProjectDetectors, mayImportProjectModule } from './project/project-detectors.js';
import { decodeSourceText, findSourceFiles, type SourceFileSet, type TsProject } from './source-files.js';
import { findScriptKind } from './script-kind.js';

/** Larger files are generated or bundled code, not something a person wrote requests in. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface ScanSourceOptions {
  /** Endpoint templates of every version (their union is matched); taken from `history` when absent. */
  templates?: ReadonlyArray<EndpointTemplate>;
  /** Gives the templates and the query parameter names that file ambiguous docker-modem keys. */
  history?: ApiHistory;
  /** operationId -> endpoint, for detectors that name operations rather than paths; taken from `history` when absent. */
  operationIds?: ReadonlyMap<string, EndpointTemplate>;
  /** Defaults to every registered detector. */
  detectors?: readonly Detector[];
}

export interface ScanOptions extends ScanSourceOptions {
  /** Files, directories and globs; the working directory when empty. */
  paths: string[];
  cwd: string;
  /** Gitignore-style patterns relative to cwd. */
  ignore?: string[];
  /** Syntax only, even where a tsconfig.json would allow a typed Program. */
  noTypes?: boolean;
  /** What findSourceFiles returned for these paths, when the caller already asked (saves walking the tree twice). */
  found?: SourceFileSet;
}

export interface ScanOutcome extends ScanResult {
  /** Whether any file was analyzed with a type checker. */
  typed: boolean;
}

/**
 * Finds the Engine API calls in a set of files. Never executes user code; a file that cannot be read
 * or parsed becomes a notice and the scan goes on. File names in the result are absolute.
 */
export async function scanFiles(options: ScanOptions): Promise<ScanOutcome> {
  const analysis = prepareAnalysis(options);
  const found = options.found ?? (await findSourceFiles({ paths: options.paths, cwd: options.cwd, ignore: options.ignore ?? [] }));
  const outcome: ScanOutcome = { files: found.files, calls: [], unknown: [], notices: [...found.notices], typed: false };
  const texts = new Map<string, string>();
  const skipped = new Set<string>();
  const candidates = new Map<string, string>();
  for (const file of found.files) {
    const text = readSource(file, outcome.notices);
    if (text === undefined) continue;
    if (selectDetectors(text, analysis.detectors).length > 0 || mayImportProjectModule(text)) candidates.set(file, text);
    else if (!mayDeclareGlobals(text)) skipped.add(file);
  }
  // A client created in one module and used in others: the dockerode detector learns what the files export.
  analysis.detectors = bindProjectDetectors(analysis.detectors, candidates);
  for (const [file, text] of candidates) {
    if (selectDetectors(text, analysis.detectors).length > 0) texts.set(file, text);
    else if (!mayDeclareGlobals(text)) skipped.add(file);
  }
  const typedFiles = new Map<string, { program: ts.Program; checker: ts.TypeChecker }>();
  if (!options.noTypes) {
    for (const project of found.projects) {
      const wanted = project.fileNames.filter((f) => texts.has(f));
      if (wanted.length === 0) continue;
      // Like a linter's "files to lint", the Program starts from the files worth analyzing; the modules
      // they import still join it through module resolution, so their types are exact. Files that no
      // candidate imports cannot change a candidate's types unless they declare globals, so those stay.
      const roots = project.fileNames.filter((f) => !skipped.has(f));
      const typed = createTypedProgram(project, roots, outcome.notices);
      if (!typed) continue;
      for (const file of wanted) typedFiles.set(file, typed);
    }
  }
  for (const [file, text] of texts) {
    const typed = typedFiles.get(file);
    const sourceFile = typed?.program.getSourceFile(file);
    const result =
      typed && sourceFile
        ? analyzeParsed(sourceFile, typed.checker, file, analysis, () => typed.program.getSyntacticDiagnostics(sourceFile))
        : analyzeText(file, text, analysis);
    if (typed && sourceFile) outcome.typed = true;
    outcome.calls.push(...result.calls);
    outcome.unknown.push(...result.unknown);
    outcome.notices.push(...result.notices);
  }
  return outcome;
}

/** Scans one in-memory file, syntax only: for tests and editors. */
export function scanSource(fileName: string, text: string, options: ScanSourceOptions): ScanOutcome {
  const analysis = prepareAnalysis(options);
  const result = selectDetectors(text, analysis.detectors).length > 0 ? analyzeText(fileName, text, analysis) : { calls: [], unknown: [], notices: [] };
  return { files: [fileName], ...result, typed: false };
}

function prepareAnalysis(options: ScanSourceOptions): FileAnalysisOptions {
  const templates = options.templates ?? options.history?.endpoints.map((e) => ({ method: e.method, path: e.path }));
  if (!templates) throw new Error('scan needs endpoint templates or an API history');
  const analysis: FileAnalysisOptions = { matcher: createPathMatcher(templates), detectors: options.detectors ?? DETECTORS };
  if (options.history) {
    const names = new Map<string, Set<string>>();
    for (const e of options.history.endpoints) {
      names.set(`${e.method} ${e.path}`, new Set(e.parameters.filter((p) => p.in === 'query').map((p) => p.name)));
    }
    analysis.queryParameterNames = (method, p) => names.get(`${method} ${p}`);
  }
  const operationIds = options.operationIds ?? (options.history ? indexOperationIds(options.history) : undefined);
  if (operationIds) analysis.operationIds = operationIds;
  return analysis;
}

/** Every operationId any version gave an endpoint; a later version's use of a name wins. */
export function indexOperationIds(history: ApiHistory): Map<string, EndpointTemplate> {
  const entries: Array<{ version: string; id: string; endpoint: EndpointTemplate }> = [];
  for (const e of history.endpoints) {
    for (const change of e.operationId) if (change.value) entries.push({ version: change.version, id: change.value, endpoint: { method: e.method, path: e.path } });
  }
  entries.sort((a, b) => compareVersions(a.version, b.version));
  return new Map(entries.map((e) => [e.id, e.endpoint]));
}

function analyzeText(file: string, text: string, analysis: FileAnalysisOptions): FileAnalysis {
  let sourceFile: ts.SourceFile;
  try {
    sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, findScriptKind(file));
  } catch (error) {
    return { calls: [], unknown: [], notices: [toParseFailure(file, error)] };
  }
  // parseDiagnostics is not in the public typings, but it is what createSourceFile recovered from.
  return analyzeParsed(sourceFile, undefined, file, analysis, () => (sourceFile as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? []);
}

function analyzeParsed(
  sourceFile: ts.SourceFile,
  checker: ts.TypeChecker | undefined,
  file: string,
  analysis: FileAnalysisOptions,
  readDiagnostics: () => readonly ts.Diagnostic[],
): FileAnalysis {
  const result = analyzeSourceFile(sourceFile, checker, file, analysis);
  try {
    const notice = findParseErrorNotice(readDiagnostics(), file);
    if (notice) result.notices.unshift(notice);
  } catch {
    // diagnostics are a courtesy; the calls are what matters
  }
  return result;
}

function toParseFailure(file: string, error: unknown): FileNotice {
  const tooDeep = error instanceof RangeError;
  return {
    file,
    kind: tooDeep ? 'parse-error' : 'internal',
    message: tooDeep ? 'not analyzed: expressions nest too deeply to parse' : `not analyzed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
  };
}

/**
 * Whether a file can add declarations other files see without importing it: a script (no import or
 * export: its top-level names are global) or a module with `declare global` / `declare module`.
 * A textual test, so it errs on the side of yes.
 */
function mayDeclareGlobals(text: string): boolean {
  return !/\b(?:import|export)\b/.test(text) || /\bdeclare\s+(?:global|module)\b/.test(text);
}

function createTypedProgram(
  project: TsProject,
  rootNames: readonly string[],
  notices: FileNotice[],
): { program: ts.Program; checker: ts.TypeChecker } | undefined {
  try {
    const program = ts.createProgram({ rootNames, options: { ...project.options, noEmit: true } });
    return { program, checker: program.getTypeChecker() };
  } catch (error) {
    notices.push({
      file: project.configPath,
      kind: 'internal',
      message: `type information unavailable, scanning syntax only: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    });
    return undefined;
  }
}

function readSource(file: string, notices: FileNotice[]): string | undefined {
  let size: number;
  try {
    const stat = fs.statSync(file);
    size = stat.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    notices.push({ file, kind: code === 'ENOENT' ? 'vanished' : code === 'ELOOP' ? 'symlink-loop' : 'unreadable', message: String((error as Error).message) });
    return undefined;
  }
  if (size > MAX_FILE_BYTES) {
    notices.push({ file, kind: 'too-large', message: `not analyzed: ${size} bytes is over the ${MAX_FILE_BYTES}-byte limit` });
    return undefined;
  }
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    notices.push({ file, kind: code === 'ENOENT' ? 'vanished' : 'unreadable', message: String((error as Error).message) });
    return undefined;
  }
  const decoded = decodeSourceText(buffer);
  if ('notice' in decoded) {
    notices.push({ file, ...decoded.notice });
    return undefined;
  }
  return decoded.text;
}
