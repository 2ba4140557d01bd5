import type { HttpMethod } from '../model/surface.js';
import { normalizeVersion } from '../model/version.js';
import { parseQueryKeys } from './values.js';

/** An endpoint template of some version: `GET /containers/{id}/json`. */
export interface EndpointTemplate {
  method: string;
  path: string;
}

/** A request path taken apart: what the matcher compares, and what reports show. */
export interface RequestPath {
  /** Concrete segments without scheme, host, socket and version prefix; unknown parts are `{}`. */
  segments: string[];
  queryKeys: string[];
  /** `1.41` from a `/v1.41/` prefix, else null. */
  pinnedVersion: string | null;
  /** The path as written, normalized: `/containers/{}/json?all={}`. */
  display: string;
}

export type PathMatch =
  | { kind: 'call'; method: HttpMethod; path: string; queryKeys: string[]; pinnedVersion: string | null }
  | { kind: 'unknown'; method: HttpMethod; path: string; pinnedVersion: string | null; nearest?: { method: HttpMethod; path: string } }
  /** Not an Engine API path at all (another service, a static file...): not reported. */
  | { kind: 'none' };

export interface PathMatcher {
  match(method: HttpMethod, rawPath: string): PathMatch;
}

/** First segments of every Engine API path, old and new: a path starting with one of these is meant for the Engine. */
export const ENGINE_TOP_LEVEL_SEGMENTS: ReadonlySet<string> = new Set([
  'containers', 'images', 'networks', 'volumes', 'exec', 'swarm', 'services', 'tasks', 'nodes', 'secrets', 'configs',
  'plugins', 'system', 'build', 'session', 'events', 'info', 'version', '_ping', 'auth', 'commit', 'distribution', 'grpc',
]);

/** Image and plugin references contain slashes (`library/alpine`, `registry:5000/a/b`): these params span segments. */
const MULTI_SEGMENT_OWNERS: ReadonlySet<string> = new Set(['images', 'distribution', 'plugins']);

const UNKNOWN = '{}';
const VERSION_SEGMENT = /^v(\d+\.\d+)$/i;

interface TemplateSegment {
  literal?: string;
  multi: boolean;
}

interface CompiledTemplate {
  method: HttpMethod;
  path: string;
  segments: TemplateSegment[];
}

/**
 * Takes a request URL or path apart: drops scheme, host and unix-socket prefixes
 * (`http://unix:/var/run/docker.sock:/x`, `http://%2Fvar%2Frun%2Fdocker.sock/x`, `unix:///var/run/docker.sock/x`),
 * an unknown base (`{}/x`), records and drops a `/v1.41` prefix, and splits off the query string.
 * Placeholders written `{id}` count as unknown parts.
 */
export function parseRequestPath(raw: string): RequestPath {
  let text = raw.trim().replace(/\{[^{}/?]*\}/g, UNKNOWN);
  const hash = text.indexOf('#');
  if (hash >= 0) text = text.slice(0, hash);
  let query = '';
  const mark = text.indexOf('?');
  if (mark >= 0) {
    query = text.slice(mark + 1);
    text = text.slice(0, mark);
  }
  text = text
    .replace(/^[a-z][a-z0-9+.-]*:\/\/unix:[^:]*:/i, '')
    .replace(/^unix:(\/\/)?[^:]*?\.sock:?/i, '')
    .replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  let segments = text.split('/').filter((s) => s !== '');
  let pinnedVersion: string | null = null;
  // An unknown base (`${base}/containers/json`) or a proxy prefix before the version or the first Engine segment.
  const start = segments.findIndex((s, i) => i <= 3 && (VERSION_SEGMENT.test(s) || ENGINE_TOP_LEVEL_SEGMENTS.has(s) || /^v\{\}$/.test(s)));
  if (start > 0 && (segments.slice(0, start).every((s) => s === UNKNOWN) || VERSION_SEGMENT.test(segments[start]!))) {
    segments = segments.slice(start);
  }
  const first = segments[0];
  if (first !== undefined) {
    const version = VERSION_SEGMENT.exec(first);
    if (version) {
      pinnedVersion = normalizeVersion(version[1]!) ?? null;
      segments = segments.slice(1);
    } else if ((first === UNKNOWN || /^v\{\}$/.test(first)) && segments[1] !== undefined && ENGINE_TOP_LEVEL_SEGMENTS.has(segments[1])) {
      segments = segments.slice(1);
    }
  }
  const queryKeys = parseQueryKeys(query);
  return {
    segments,
    queryKeys,
    pinnedVersion,
    display: `/${segments.join('/')}${query ? `?${query}` : ''}`,
  };
}

/** Builds a matcher over the union of every version's templates. */
export function createPathMatcher(templates: Iterable<EndpointTemplate>): PathMatcher {
  const compiled: CompiledTemplate[] = [];
  const seen = new Set<string>();
  for (const t of templates) {
    const key = `${t.method.toUpperCase()} ${t.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    compiled.push(compileTemplate(t));
  }
  return {
    match(method, rawPath) {
      const request = parseRequestPath(rawPath);
      if (request.segments.length === 0 || !ENGINE_TOP_LEVEL_SEGMENTS.has(request.segments[0]!)) return { kind: 'none' };
      let best: { template: CompiledTemplate; score: number } | undefined;
      let bestOtherMethod: { template: CompiledTemplate; score: number } | undefined;
      for (const template of compiled) {
        const score = scoreMatch(template.segments, request.segments);
        if (score === undefined) continue;
        if (template.method === method) {
          if (!best || score > best.score) best = { template, score };
        } else if (!bestOtherMethod || score > bestOtherMethod.score) {
          bestOtherMethod = { template, score };
        }
      }
      if (best) {
        return { kind: 'call', method, path: best.template.path, queryKeys: request.queryKeys, pinnedVersion: request.pinnedVersion };
      }
      // A one-letter typo of the same method's template is likelier than a wrong method; then the same path by another method.
      const sameMethod = findNearest(compiled.filter((t) => t.method === method), request.segments);
      const nearest =
        (sameMethod && sameMethod.distance <= 1.5 ? sameMethod.template : undefined) ??
        bestOtherMethod?.template ??
        sameMethod?.template ??
        findNearest(compiled, request.segments)?.template;
      const unknown: PathMatch = { kind: 'unknown', method, path: request.display, pinnedVersion: request.pinnedVersion };
      if (nearest) unknown.nearest = { method: nearest.method, path: nearest.path };
      return unknown;
    },
  };
}

function compileTemplate(t: EndpointTemplate): CompiledTemplate {
  const parts = t.path.split('/').filter((s) => s !== '');
  const segments = parts.map((part, i): TemplateSegment => {
    if (/^\{[^}]*\}$/.test(part)) return { multi: i > 0 && MULTI_SEGMENT_OWNERS.has(parts[0]!) && part === '{name}' };
    return { literal: part, multi: false };
  });
  return { method: t.method.toUpperCase() as HttpMethod, path: t.path, segments };
}

/**
 * How specifically a template matches: literal segments count most, then fewer segments
 * swallowed by a multi-segment param. Undefined when it does not match.
 */
function scoreMatch(template: readonly TemplateSegment[], request: readonly string[]): number | undefined {
  let best: number | undefined;
  // Depth is bounded by the template's length (a handful of segments), so recursion is safe here.
  const visit = (ti: number, ri: number, literals: number, swallowed: number): void => {
    if (ti === template.length) {
      if (ri === request.length) {
        const score = literals * 1000 - swallowed;
        if (best === undefined || score > best) best = score;
      }
      return;
    }
    if (ri >= request.length) return;
    const segment = template[ti]!;
    if (segment.literal !== undefined) {
      if (request[ri] === segment.literal) visit(ti + 1, ri + 1, literals + 1, swallowed);
      return;
    }
    if (!segment.multi) {
      visit(ti + 1, ri + 1, literals, swallowed);
      return;
    }
    const remainingTemplate = template.length - ti - 1;
    for (let take = 1; ri + take + remainingTemplate <= request.length; take++) visit(ti + 1, ri + take, literals, swallowed + take - 1);
  };
  visit(0, 0, 0, 0);
  return best;
}

/** The closest template by a segment-wise edit distance (params match anything), if close enough to be a typo. */
function findNearest(templates: readonly CompiledTemplate[], request: readonly string[]): { template: CompiledTemplate; distance: number } | undefined {
  let best: { template: CompiledTemplate; distance: number } | undefined;
  for (const template of templates) {
    const distance = segmentDistance(template.segments, request);
    if (!best || distance < best.distance) best = { template, distance };
  }
  if (!best) return undefined;
  const size = request.reduce((n, s) => n + s.length, 0);
  return best.distance <= Math.max(3, size * 0.35) ? best : undefined;
}

function segmentDistance(template: readonly TemplateSegment[], request: readonly string[]): number {
  const rows = template.length + 1;
  const cols = request.length + 1;
  const cost = (t: TemplateSegment) => (t.literal === undefined ? 2 : t.literal.length);
  const d: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  for (let i = 1; i < rows; i++) d[i]![0] = d[i - 1]![0]! + cost(template[i - 1]!);
  for (let j = 1; j < cols; j++) d[0]![j] = d[0]![j - 1]! + request[j - 1]!.length;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const t = template[i - 1]!;
      const r = request[j - 1]!;
      const substitute = t.literal === undefined ? 0.25 : r === UNKNOWN ? t.literal.length : levenshtein(t.literal, r);
      d[i]![j] = Math.min(d[i - 1]![j - 1]! + substitute, d[i - 1]![j]! + cost(t), d[i]![j - 1]! + r.length);
    }
  }
  return d[rows - 1]![cols - 1]!;
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
