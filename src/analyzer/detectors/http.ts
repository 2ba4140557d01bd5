import ts from 'typescript';
import type { CallKey } from '../../model/call.js';
import { readCallee, toKeys } from '../callee.js';
import { detectEachCall, type DetectedCall, type Detector, type DetectorContext } from '../detector.js';
import { isModuleRef, resolveModuleRef } from '../module-ref.js';
import { findDeclaration, skipValueWrappers } from '../scope.js';
import { evaluateString, readBodyKeys, readHttpMethod, readObjectProperty, resolveExpression } from '../values.js';

const HTTP_MODULES = ['http', 'https'];

/**
 * Node's `http`/`https` `request` and `get`: `http.request({ socketPath, path, method })`,
 * `http.request(url, options)`, `http.get(url)`. The body is read from `req.write(...)`/`req.end(...)`
 * on the returned request when it is kept in a variable.
 */
export const httpDetector: Detector = {
  via: 'http',
  triggers: ['http'],
  detect: (context) => detectEachCall(context, detectHttpCall),
};

function detectHttpCall(call: ts.CallExpression, context: DetectorContext): DetectedCall | undefined {
  const { callee } = readCallee(call);
  const ref = resolveModuleRef(callee, context);
  const isRequest = isModuleRef(ref, HTTP_MODULES, ['request']);
  const isGet = isModuleRef(ref, HTTP_MODULES, ['get']);
  if (!isRequest && !isGet) return undefined;
  const [first, second] = call.arguments;
  if (!first) return undefined;
  const firstValue = resolveExpression(first, context);
  const options = ts.isObjectLiteralExpression(firstValue) ? first : second && ts.isObjectLiteralExpression(resolveExpression(second, context)) ? second : undefined;
  let path: string | undefined;
  if (ts.isObjectLiteralExpression(firstValue)) {
    const pathExpr = readObjectProperty(first, 'path', context);
    path = pathExpr ? evaluateString(pathExpr, context) : '/';
  } else {
    path = evaluateString(first, context);
    const override = options && readObjectProperty(options, 'path', context);
    if (override) path = evaluateString(override, context) ?? path;
  }
  if (path === undefined) return undefined;
  const method = isGet ? 'GET' : (readHttpMethod(options && readObjectProperty(options, 'method', context), context) ?? 'GET');
  const keys: CallKey[] = toKeys(readWrittenBodyKeys(call, context), 'body');
  return { node: call, method, path, via: 'http', keys, pinnedVersion: null };
}

/** `const req = http.request(...); req.write(JSON.stringify({...})); req.end(...)`: keys of what is written. */
function readWrittenBodyKeys(call: ts.CallExpression, context: DetectorContext): string[] {
  let holder: ts.Node = call;
  while (holder.parent && (ts.isParenthesizedExpression(holder.parent) || ts.isAsExpression(holder.parent))) holder = holder.parent;
  const declaration = holder.parent;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return [];
  const name = declaration.name.text;
  const keys: string[] = [];
  for (const other of context.calls) {
    if (!ts.isCallExpression(other)) continue;
    const { receiver, name: method } = readCallee(other);
    if ((method !== 'write' && method !== 'end') || !receiver || !other.arguments[0]) continue;
    const target = skipValueWrappers(receiver);
    if (!ts.isIdentifier(target) || target.text !== name || findDeclaration(target, context) !== declaration) continue;
    keys.push(...readBodyKeys(other.arguments[0], context));
  }
  return [...new Set(keys)];
}
