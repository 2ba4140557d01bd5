import ts from 'typescript';
import type { CallKey } from '../../model/call.js';
import type { ScopeContext } from '../scope.js';
import { readBodyKeys, readObjectKeys, readObjectProperty, resolveObjectLiteral, skipValueWrappers } from '../values.js';
import type { DockerodeRequestMethod } from './table-entry.js';

/** Where a dockerode call's option keys go, in DetectedCall terms. */
export interface DockerodeKeys {
  keys: CallKey[];
  /** Top-level keys docker-modem sends as query string and JSON body alike; the core files them by the spec. */
  sharedKeys: string[];
}

/** docker-modem's split of one options object into query (`_query`) and body (`_body`) parts. */
const SPLIT_KEYS = ['_query', '_body'];

/**
 * The options argument of a call: the documented position, or the first argument when a method
 * takes `(auth, opts)` and was called with the options alone (`createImage({fromImage})`).
 */
export function findOptionsArgument(
  args: readonly ts.Expression[],
  optionsArg: number | null,
  authArg: number | null,
): ts.Expression | undefined {
  if (optionsArg === null) return undefined;
  let arg: ts.Expression | undefined = args[optionsArg];
  if ((arg === undefined || isFunctionLike(arg)) && authArg !== null && authArg < optionsArg) arg = args[authArg];
  if (arg === undefined || isFunctionLike(arg)) return undefined;
  return arg;
}

function isFunctionLike(expr: ts.Expression): boolean {
  const e = skipValueWrappers(expr);
  return ts.isArrowFunction(e) || ts.isFunctionExpression(e);
}

/**
 * Keys a call sends, following docker-modem: options go to the query string when the path has a
 * `?`, to the JSON body on a POST without a file; `_query`/`_body` override each part. Keys
 * dockerode strips (`authconfig`, `abortSignal`) are dropped; keys it adds itself are included.
 */
export function readDockerodeKeys(
  request: DockerodeRequestMethod,
  options: ts.Expression | undefined,
  addedKeys: readonly string[],
  context: ScopeContext,
): DockerodeKeys {
  const stripped = new Set([...request.strippedKeys, ...SPLIT_KEYS]);
  const literal = options ? resolveObjectLiteral(options, context) : undefined;
  const query: string[] = [];
  const body: string[] = [];
  const shared: string[] = [];
  const keep = (key: string) => !stripped.has(key.split('.')[0]!);

  const queryPart = literal ? readObjectProperty(literal, '_query', context) : undefined;
  const bodyPart = literal ? readObjectProperty(literal, '_body', context) : undefined;
  const topLevel = literal ? readObjectKeys(literal, context).filter(keep) : [];

  if (request.optionsInQuery && request.optionsInBody && !queryPart && !bodyPart) {
    shared.push(...topLevel, ...addedKeys);
    // Nested keys only make sense in the body: docker-modem JSON-encodes object values in a query.
    if (literal) body.push(...readBodyKeys(literal, context).filter((k) => k.includes('.') && keep(k)));
  } else {
    if (request.optionsInQuery) {
      if (queryPart) query.push(...readObjectKeys(queryPart, context));
      else query.push(...topLevel);
      query.push(...addedKeys);
    }
    if (request.optionsInBody) {
      if (bodyPart) body.push(...readBodyKeys(bodyPart, context));
      else if (literal) body.push(...readBodyKeys(literal, context).filter(keep));
      if (!request.optionsInQuery) body.push(...addedKeys);
    }
  }

  const keys: CallKey[] = [];
  const seen = new Set<string>();
  const add = (name: string, where: CallKey['in']) => {
    const id = `${where} ${name}`;
    if (seen.has(id)) return;
    seen.add(id);
    keys.push({ name, in: where });
  };
  for (const k of query) add(k, 'query');
  for (const k of body) add(k, 'body');
  return { keys, sharedKeys: [...new Set(shared)] };
}
