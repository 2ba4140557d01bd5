import ts from 'typescript';
import type { CallKey, CallRecord, CallVia, FileNotice, SourceLocation, UnknownCall } from '../model/call.js';
import type { DetectedCall, Detector, DetectorContext } from './detector.js';
import type { PathMatcher } from './path-matcher.js';
import { collectCalls } from './walk.js';

export interface FileAnalysisOptions {
  matcher: PathMatcher;
  detectors: readonly Detector[];
  /**
   * Query parameter names some version of an endpoint has (`GET /containers/json` -> all, limit, ...),
   * to file keys a client sends both ways (docker-modem POST options). Without it they count as body keys.
   */
  queryParameterNames?: (method: string, path: string) => ReadonlySet<string> | undefined;
  /** Handed to detectors that name operations rather than paths (the docker SDK). */
  operationIds?: ReadonlyMap<string, { method: string; path: string }>;
}

export interface FileAnalysis {
  calls: CallRecord[];
  unknown: UnknownCall[];
  notices: FileNotice[];
}

/** Generic HTTP clients: their calls go anywhere, so a path alone is weaker evidence than a dockerode call. */
const GENERIC_HTTP: ReadonlySet<CallVia> = new Set<CallVia>(['fetch', 'axios', 'got', 'http']);

/** Text that says a file talks to a Docker daemon: the word docker, a socket, the daemon's TCP ports. */
const DOCKER_EVIDENCE = /docker|\.sock\b|:237[56]\b|\bunix:/i;

/** A request URL aimed at a daemon: a unix socket, a local or `docker` host without a port (a socket), the daemon's TCP ports. */
const DAEMON_URL = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:unix:|[^/]*\.sock|(?:localhost|127\.0\.0\.1|\[::1\]|docker)(?:\/|$)|[^/]*:237[56](?:\/|$))/i;

/** Single path segments no other common HTTP API uses. */
const DOCKER_ONLY_SEGMENTS: ReadonlySet<string> = new Set(['_ping', 'swarm', 'containers']);

/**
 * Whether a generic HTTP call is believable as an Engine API call. `fetch(`${base}/info`)` or
 * `axios.get('/version')` in a web app are not: a single generic segment needs some sign of Docker
 * (in the URL, a `/v1.xx` prefix, or anywhere in the file). Paths with two literal Engine segments
 * (`/containers/json`, `/images/{name}/json`) are specific enough on their own.
 */
function isBelievable(rawPath: string, matchedPath: string, pinned: boolean, fileHasEvidence: () => boolean): boolean {
  if (pinned || DAEMON_URL.test(rawPath.trim())) return true;
  const literalSegments = matchedPath.split('/').filter((s) => s !== '' && !s.startsWith('{'));
  return literalSegments.length >= 2 || literalSegments.some((s) => DOCKER_ONLY_SEGMENTS.has(s)) || fileHasEvidence();
}

/** The detectors whose trigger words occur in the text: the rest cannot find anything there. */
export function selectDetectors(text: string, detectors: readonly Detector[]): Detector[] {
  return detectors.filter((d) => d.triggers.some((word) => text.includes(word)));
}

/**
 * Runs the detectors over one parsed file and turns what they find into call records.
 * `file` is the name records and notices carry. Never throws: a failing detector becomes a notice.
 */
export function analyzeSourceFile(
  sourceFile: ts.SourceFile,
  checker: ts.TypeChecker | undefined,
  file: string,
  options: FileAnalysisOptions,
): FileAnalysis {
  const result: FileAnalysis = { calls: [], unknown: [], notices: [] };
  const detectors = selectDetectors(sourceFile.text, options.detectors);
  if (detectors.length === 0) return result;
  let context: DetectorContext;
  try {
    context = { sourceFile, checker, calls: collectCalls(sourceFile) };
    if (options.operationIds) context.operationIds = options.operationIds;
  } catch (error) {
    result.notices.push({ file, kind: 'internal', message: `could not walk the file: ${describe(error)}` });
    return result;
  }
  const seen = new Set<string>();
  let evidence: boolean | undefined;
  const fileHasEvidence = () => (evidence ??= DOCKER_EVIDENCE.test(sourceFile.text));
  for (const detector of detectors) {
    let detected: DetectedCall[];
    try {
      detected = detector.detect(context);
    } catch (error) {
      result.notices.push({ file, kind: 'internal', message: `${detector.via} detector failed: ${describe(error)}` });
      continue;
    }
    for (const call of detected) {
      const location = locate(call.node, sourceFile, file);
      const identity = `${location.line}:${location.column}:${call.method}:${call.path}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
      const match = options.matcher.match(call.method, call.path);
      if (match.kind === 'none') continue;
      if (GENERIC_HTTP.has(call.via) && !isBelievable(call.path, match.path, match.pinnedVersion !== null, fileHasEvidence)) continue;
      const pinnedVersion = match.pinnedVersion ?? call.pinnedVersion;
      if (match.kind === 'unknown') {
        const unknown: UnknownCall = { location, method: call.method, path: match.path, via: call.via, pinnedVersion };
        if (match.nearest) unknown.nearest = match.nearest;
        result.unknown.push(unknown);
        continue;
      }
      const keys: CallKey[] = [...call.keys, ...match.queryKeys.map((name): CallKey => ({ name, in: 'query' }))];
      if (call.sharedKeys) {
        const queryNames = options.queryParameterNames?.(match.method, match.path);
        for (const name of call.sharedKeys) {
          keys.push({ name, in: !name.includes('.') && queryNames?.has(name) ? 'query' : 'body' });
        }
      }
      result.calls.push({ location, method: match.method, path: match.path, via: call.via, keys: dedupeKeys(keys), pinnedVersion });
    }
  }
  const byPosition = (a: { location: SourceLocation }, b: { location: SourceLocation }) => a.location.line - b.location.line || a.location.column - b.location.column;
  result.calls.sort(byPosition);
  result.unknown.sort(byPosition);
  return result;
}

function dedupeKeys(keys: readonly CallKey[]): CallKey[] {
  const seen = new Set<string>();
  return keys.filter((k) => {
    const id = `${k.in}:${k.name}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export function locate(node: ts.Node, sourceFile: ts.SourceFile, file: string): SourceLocation {
  const start = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  const end = sourceFile.getLineAndCharacterOfPosition(node.getEnd());
  return { file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** The first syntax error of a file, as a notice; the file's recovered calls are still reported. */
export function findParseErrorNotice(diagnostics: readonly ts.Diagnostic[], file: string): FileNotice | undefined {
  const first = diagnostics[0];
  if (!first) return undefined;
  const notice: FileNotice = { file, kind: 'parse-error', message: ts.flattenDiagnosticMessageText(first.messageText, ' ') };
  if (first.file && first.start !== undefined) {
    const position = first.file.getLineAndCharacterOfPosition(first.start);
    notice.line = position.line + 1;
    notice.column = position.character + 1;
  }
  if (diagnostics.length > 1) notice.message += ` (and ${diagnostics.length - 1} more)`;
  return notice;
}

function describe(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.split('\n')[0] ?? message;
}
