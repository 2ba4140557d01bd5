import ts from 'typescript';
import type { CallKey } from '../../model/call.js';
import { normalizeVersion } from '../../model/version.js';
import { readCallee, readTypeName, toKeys } from '../callee.js';
import { detectEachCall, type DetectedCall, type Detector, type DetectorContext } from '../detector.js';
import { isModuleRef, resolveModuleRef } from '../module-ref.js';
import { skipValueWrappers } from '../scope.js';
import { evaluateString, readBodyKeys, readHttpMethod, readObjectKeys, readObjectProperty, resolveExpression } from '../values.js';

/**
 * docker-modem's `modem.dial({ path, method, options })`, on a `new Modem(...)` instance or on any
 * object's `.modem` (dockerode keeps its modem there). docker-modem's conventions (lib/modem.js `dial`):
 * a path containing `?` sends `options` as the query string (`options._query` when present); a POST
 * also sends them as the JSON body (`options._body` when present). `version: 'v1.41'` in the Modem's
 * (or Docker's) options prefixes every path, which pins the call.
 */
export const dockerModemDetector: Detector = {
  via: 'docker-modem',
  triggers: ['dial'],
  detect: (context) => detectEachCall(context, detectDial),
};

function detectDial(call: ts.CallExpression, context: DetectorContext): DetectedCall | undefined {
  const { receiver, name } = readCallee(call);
  if (name !== 'dial' || !receiver) return undefined;
  const modem = resolveModem(receiver, context);
  if (!modem) return undefined;
  const [request] = call.arguments;
  if (!request) return undefined;
  const pathExpr = readObjectProperty(request, 'path', context);
  const path = pathExpr && evaluateString(pathExpr, context);
  if (path === undefined) return undefined;
  const method = readHttpMethod(readObjectProperty(request, 'method', context), context) ?? 'GET';
  const options = readObjectProperty(request, 'options', context);
  const keys: CallKey[] = [];
  let sharedKeys: string[] | undefined;
  if (options) {
    const optionKeys = readObjectKeys(options, context);
    const query = optionKeys.includes('_query') ? readObjectProperty(options, '_query', context) : undefined;
    const body = optionKeys.includes('_body') ? readObjectProperty(options, '_body', context) : undefined;
    const plainKeys = optionKeys.filter((k) => k !== '_query' && k !== '_body');
    const sendsQuery = path.includes('?');
    const sendsBody = method === 'POST';
    const bodyKeys = () => (body ? readBodyKeys(body, context) : readBodyKeys(options, context).filter((k) => !/^_(query|body)(\.|$)/.test(k)));
    if (sendsQuery && sendsBody && !query && !body) {
      // The same options go both ways; the core files each key by the spec.
      sharedKeys = bodyKeys();
    } else {
      if (sendsQuery) keys.push(...toKeys(query ? readObjectKeys(query, context) : plainKeys, 'query'));
      if (sendsBody) keys.push(...toKeys(bodyKeys(), 'body'));
    }
  }
  const detected: DetectedCall = { node: call, method, path, via: 'docker-modem', keys, pinnedVersion: modem.pinnedVersion };
  if (sharedKeys) detected.sharedKeys = sharedKeys;
  return detected;
}

interface ModemInfo {
  pinnedVersion: string | null;
}

function resolveModem(receiver: ts.Expression, context: DetectorContext): ModemInfo | undefined {
  const target = skipValueWrappers(receiver);
  const value = resolveExpression(target, context);
  if (ts.isNewExpression(value) && isModemConstructor(value.expression, context)) return { pinnedVersion: readVersionOption(value, context) };
  if (ts.isPropertyAccessExpression(target) && target.name.text === 'modem') {
    // `docker.modem` / `this.modem`: the owner's constructor options carry the version.
    const owner = resolveExpression(target.expression, context);
    const ownerVersion = ts.isNewExpression(owner) ? readVersionOption(owner, context) : null;
    const modemVersion = ts.isNewExpression(value) ? readVersionOption(value, context) : null;
    return { pinnedVersion: modemVersion ?? ownerVersion };
  }
  // @types/docker-modem names the class DockerModem.
  const typeName = readTypeName(target, context);
  if (typeName === 'Modem' || typeName === 'DockerModem') return { pinnedVersion: null };
  return undefined;
}

function isModemConstructor(expr: ts.Expression, context: DetectorContext): boolean {
  return isModuleRef(resolveModuleRef(expr, context), ['docker-modem'], []) || isModuleRef(resolveModuleRef(expr, context), ['docker-modem'], ['Modem']);
}

function readVersionOption(construction: ts.NewExpression, context: DetectorContext): string | null {
  const [options] = construction.arguments ?? [];
  const version = options && readObjectProperty(options, 'version', context);
  const text = version && evaluateString(version, context);
  return (text && normalizeVersion(text)) ?? null;
}
