import ts from 'typescript';
import type { CallKey } from '../../model/call.js';
import { isGlobalFunctionCallee, readCallee, toKeys } from '../callee.js';
import { detectEachCall, type DetectedCall, type Detector, type DetectorContext } from '../detector.js';
import { isModuleRef, resolveModuleRef } from '../module-ref.js';
import { evaluateString, readBodyKeys, readHttpMethod, readObjectProperty, readQueryKeys } from '../values.js';

const FETCH_MODULES = ['undici', 'node-fetch', 'cross-fetch', 'isomorphic-fetch'];

/**
 * The WHATWG fetch (global or from undici/node-fetch) and undici's `request`:
 * `fetch(url, { method, body: JSON.stringify({...}) })`, `request(url, { method, query, body })`.
 * The socket can come from an undici Agent/dispatcher; it does not change the path.
 */
export const fetchDetector: Detector = {
  via: 'fetch',
  triggers: ['fetch', 'undici'],
  detect: (context) => detectEachCall(context, detectFetchCall),
};

function detectFetchCall(call: ts.CallExpression, context: DetectorContext): DetectedCall | undefined {
  const { callee } = readCallee(call);
  let style: 'fetch' | 'undici-request';
  if (isGlobalFunctionCallee(callee, 'fetch', context)) {
    style = 'fetch';
  } else {
    const ref = resolveModuleRef(callee, context);
    if (isModuleRef(ref, ['undici'], ['fetch']) || isModuleRef(ref, FETCH_MODULES.slice(1), [])) style = 'fetch';
    else if (isModuleRef(ref, ['undici'], ['request'])) style = 'undici-request';
    else return undefined;
  }
  const [input, init] = call.arguments;
  if (!input) return undefined;
  const path = evaluateString(input, context);
  if (path === undefined) return undefined;
  const keys: CallKey[] = [];
  const method = readHttpMethod(init && readObjectProperty(init, 'method', context), context) ?? 'GET';
  if (init) {
    const body = readObjectProperty(init, 'body', context);
    if (body) keys.push(...toKeys(readBodyKeys(body, context), 'body'));
    if (style === 'undici-request') {
      const query = readObjectProperty(init, 'query', context);
      if (query) keys.push(...toKeys(readQueryKeys(query, context), 'query'));
    }
  }
  return { node: call, method, path, via: 'fetch', keys, pinnedVersion: null };
}
