import ts from 'typescript';
import type { CallKey } from '../../model/call.js';
import type { HttpMethod } from '../../model/surface.js';
import { joinUrl, readCallee, readTypeName, toKeys } from '../callee.js';
import { detectEachCall, type DetectedCall, type Detector, type DetectorContext } from '../detector.js';
import { isModuleRef, resolveModuleRef } from '../module-ref.js';
import { MAX_RESOLVE_STEPS } from '../scope.js';
import { evaluateString, readBodyKeys, readHttpMethod, readLastStringProperty, readObjectProperty, readQueryKeys, resolveExpression, toHttpMethod } from '../values.js';

/** `axios.get(url, config)` style: where the URL, the body and the config are among the arguments. */
const METHOD_SIGNATURES: Readonly<Record<string, { data: boolean }>> = {
  get: { data: false },
  delete: { data: false },
  head: { data: false },
  options: { data: false },
  post: { data: true },
  put: { data: true },
  patch: { data: true },
};

/** An axios client: the module itself or an instance, with the configs of the `create` calls that made it. */
interface AxiosClient {
  configs: ts.Expression[];
}

/**
 * axios: `axios.get/post/put/delete/head/patch/request`, `axios(config)`, `axios(url, config)`, and
 * instances from `axios.create({ socketPath | baseURL })` held in variables or class fields.
 */
export const axiosDetector: Detector = {
  via: 'axios',
  triggers: ['axios'],
  detect: (context) => detectEachCall(context, detectAxiosCall),
};

function detectAxiosCall(call: ts.CallExpression, context: DetectorContext): DetectedCall | undefined {
  const { receiver, name, callee } = readCallee(call);
  const args = call.arguments;
  // axios(config) / axios(url, config) / instance(config)
  const direct = resolveAxiosClient(callee, context);
  if (direct) {
    const [first, second] = args;
    if (!first) return undefined;
    const firstValue = resolveExpression(first, context);
    if (ts.isObjectLiteralExpression(firstValue)) return buildCall(call, direct, undefined, undefined, first, context);
    return buildCall(call, direct, undefined, first, second, context);
  }
  if (!receiver || name === undefined) return undefined;
  const client = resolveAxiosClient(receiver, context);
  if (!client) return undefined;
  if (name === 'request') return args[0] ? buildCall(call, client, undefined, undefined, args[0], context) : undefined;
  const signature = METHOD_SIGNATURES[name];
  const method = toHttpMethod(name);
  if (!signature || !method || !args[0]) return undefined;
  const config = signature.data ? args[2] : args[1];
  const detected = buildCall(call, client, method, args[0], config, context);
  if (detected && signature.data && args[1]) detected.keys.push(...toKeys(readBodyKeys(args[1], context), 'body'));
  return detected;
}

function buildCall(
  call: ts.CallExpression,
  client: AxiosClient,
  methodFromName: HttpMethod | undefined,
  urlArgument: ts.Expression | undefined,
  config: ts.Expression | undefined,
  context: DetectorContext,
): DetectedCall | undefined {
  const configs = config ? [...client.configs, config] : client.configs;
  const url = urlArgument ? evaluateString(urlArgument, context) : readLastStringProperty(configs, 'url', context);
  if (url === undefined) return undefined;
  const baseURL = readLastStringProperty(configs, 'baseURL', context);
  const hasUnknownBase = baseURL === undefined && configs.some((c) => readObjectProperty(c, 'baseURL', context) !== undefined);
  const path = joinUrl(hasUnknownBase ? '{}' : baseURL, url);
  if (path === undefined) return undefined;
  let method = methodFromName;
  if (!method) {
    for (const c of configs) method = readHttpMethod(readObjectProperty(c, 'method', context), context) ?? method;
  }
  const keys: CallKey[] = [];
  for (const c of configs) {
    const params = readObjectProperty(c, 'params', context);
    if (params) keys.push(...toKeys(readQueryKeys(params, context), 'query'));
  }
  if (config) {
    const data = readObjectProperty(config, 'data', context);
    if (data) keys.push(...toKeys(readBodyKeys(data, context), 'body'));
  }
  return { node: call, method: method ?? 'GET', path, via: 'axios', keys, pinnedVersion: null };
}

/** The axios module, or an instance made by `axios.create(config)` (possibly through variables and fields). */
function resolveAxiosClient(expr: ts.Expression, context: DetectorContext): AxiosClient | undefined {
  const configs: ts.Expression[] = [];
  let current: ts.Expression = expr;
  for (let step = 0; step < MAX_RESOLVE_STEPS; step++) {
    if (isModuleRef(resolveModuleRef(current, context), ['axios'], [])) return { configs };
    const value = resolveExpression(current, context);
    if (ts.isCallExpression(value)) {
      const { receiver, name } = readCallee(value);
      if (receiver && name === 'create') {
        if (value.arguments[0]) configs.unshift(value.arguments[0]);
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
  // Typed mode: a parameter or property declared as an axios instance.
  const typeName = readTypeName(expr, context);
  if (configs.length === 0 && (typeName === 'AxiosInstance' || typeName === 'AxiosStatic')) return { configs };
  return undefined;
}
