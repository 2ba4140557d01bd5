import ts from 'typescript';
import type { CallKey, CallVia } from '../model/call.js';
import type { HttpMethod } from '../model/surface.js';

/**
 * What a detector reports: one call to the Engine API as far as the code states it statically.
 * The analyzer core turns it into a CallRecord (location, template matching, pinned version).
 */
export interface DetectedCall {
  /** The call (or new) expression; its start is the reported line and column. */
  node: ts.Node;
  method: HttpMethod;
  /**
   * The request path as far as it is known: may carry scheme/host, a `/v1.41` prefix and a query string;
   * parts that are not statically known are written `{}`. When `isTemplate` is true it is already a spec template.
   */
  path: string;
  isTemplate?: boolean;
  via: CallVia;
  keys: CallKey[];
  /** From the client's options (`new Docker({version: 'v1.41'})`); a `/v1.xx/` path prefix is found by the core. */
  pinnedVersion: string | null;
  /**
   * Keys the client sends both as query string and as JSON body (docker-modem's `options` on a POST
   * to a path with `?`). The core files each under `query` when some version of the matched endpoint
   * has a query parameter of that name, else under `body`.
   */
  sharedKeys?: string[];
}

export interface DetectorContext {
  sourceFile: ts.SourceFile;
  /** Present in typed mode (a tsconfig and a Program); detectors must also work without it. */
  checker: ts.TypeChecker | undefined;
  /** Every call and new expression of the file, in document order, collected by one iterative walk. */
  calls: readonly (ts.CallExpression | ts.NewExpression)[];
  /** operationId -> endpoint over every version (`ContainerCreate` -> POST /containers/create), when the scan has one. */
  operationIds?: ReadonlyMap<string, { method: string; path: string }>;
}

/** One detector per client style; pure over the file: no I/O, never executes user code. */
export interface Detector {
  via: CallVia;
  /**
   * Words whose absence from a file's text means this detector cannot find anything in it (cheap pre-filter):
   * the detector runs on a file only when its text contains one of them, so an empty list never runs.
   */
  triggers: readonly string[];
  detect(context: DetectorContext): DetectedCall[];
}

/** For detectors that judge each call expression on its own: runs `detectOne` over the file's calls. */
export function detectEachCall(
  context: DetectorContext,
  detectOne: (call: ts.CallExpression, context: DetectorContext) => DetectedCall | undefined,
): DetectedCall[] {
  const found: DetectedCall[] = [];
  for (const call of context.calls) {
    if (!ts.isCallExpression(call)) continue;
    const detected = detectOne(call, context);
    if (detected) found.push(detected);
  }
  return found;
}
