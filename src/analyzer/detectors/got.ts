import ts from 'typescript';
import type { CallKey } from '../../model/call.js';
import type { HttpMethod } from '../../model/surface.js';
import { joinUrl, readCallee, readTypeName, toKeys } from '../callee.js';
import { detectEachCall, type DetectedCall, type Detector, type DetectorContext } from '../detector.js';
import { isModuleRef, resolveModuleRef } from '../module-ref.js';
import { MAX_RESOLVE_STEPS } from '../scope.js';
import { evaluateString, parseQueryKeys, readBodyKeys, readHttpMethod, readLastStringProperty, readObjectProperty, readQueryKeys, resolveExpression, toHttpMethod } from '../values.js';

/** A got client: the module or an instance from `.extend(options)`, with those options oldest first. */
interface GotClient {
  options: ts.Expression[];
}

/**
 * got: `got(url, { method, searchParams, json })`, `got.get/post/...(url, options)`,
 * `got(options)`, and instances from `got.extend({ prefixUrl })` (chains of extend too).
 */
export const gotDetector: Detector = {
  via: 'got',
  triggers: ['got'],
  detect: (context) => detectEachCall(context, detectGotCall),
};

function detectGotCall(call: ts.CallExpression, context: DetectorContext): DetectedCall | undefined {
  const { receiver, name, callee } = readCallee(call);
  const direct = resolveGotClient(callee, context);
  if (direct) return buildCall(call, direct, undefined, context);
  if (!receiver || name === undefined) return undefined;
  const method = toHttpMethod(name);
  if (!method || method === 'OPTIONS') return undefined;
  const client = resolveGotClient(receiver, context);
  return client ? buildCall(call, client, method, context) : undefined;
}

function buildCall(call: ts.CallExpression, client: GotClient, methodFromName: HttpMethod | undefined, context: DetectorContext): DetectedCall | undefined {
  const [first, second] = call.arguments;
  if (!first) return undefined;
  const firstValue = resolveExpression(first, context);
  const callOptions = ts.isObjectLiteralExpression(firstValue) ? first : second;
  const options = callOptions ? [...client.options, callOptions] : client.options;
  const url = ts.isObjectLiteralExpression(firstValue) ? readLastStringProperty(options, 'url', context) : evaluateString(first, context);
  if (url === undefined) return undefined;
  const prefixUrl = readLastStringProperty(options, 'prefixUrl', context);
  const hasUnknownPrefix = prefixUrl === undefined && options.some((o) => readObjectProperty(o, 'prefixUrl', context) !== undefined);
  const path = joinUrl(hasUnknownPrefix ? '{}' : prefixUrl, url);
  if (path === undefined) return undefined;
  let method = methodFromName;
  if (!method) for (const o of options) method = readHttpMethod(readObjectProperty(o, 'method', context), context) ?? method;
  const keys: CallKey[] = [];
  for (const o of options) {
    const searchParams = readObjectProperty(o, 'searchParams', context);
    if (!searchParams) continue;
    const text = resolveExpression(searchParams, context);
    keys.push(...toKeys(ts.isStringLiteralLike(text) ? parseQueryKeys(text.text) : readQueryKeys(searchParams, context), 'query'));
  }
  if (callOptions) {
    const body = readObjectProperty(callOptions, 'json', context) ?? readObjectProperty(callOptions, 'body', context);
    if (body) keys.push(...toKeys(readBodyKeys(body, context), 'body'));
  }
  return { node: call, method: method ?? 'GET', path, via: 'got', keys, pinnedVersion: null };
}

function resolveGotClient(expr: ts.Expression, context: DetectorContext): GotClient | undefined {
  const options: ts.Expression[] = [];
  let current: ts.Expression = expr;
  for (let step = 0; step < MAX_RESOLVE_STEPS; step++) {
    if (isModuleRef(resolveModuleRef(current, context), ['got'], [])) return { options };
    const value = resolveExpression(current, context);
    if (ts.isCallExpression(value)) {
      const { receiver, name } = readCallee(value);
      if (receiver && name === 'extend') {
        options.unshift(...value.arguments);
        current = receiver;
        continue;
      }
    }
    if (value !== current) {
      current = value;
      continue;
    }
    break;
  }
  if (options.length === 0 && readTypeName(expr, context) === 'Got') return { options };
  return undefined;
}
