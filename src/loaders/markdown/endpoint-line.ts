import type { HttpMethod } from '../../model/surface.js';

export interface EndpointLine {
  method: HttpMethod;
  /** Template with `{param}` segments, query string and `/v1.xx` prefix removed. */
  path: string;
  /** Path parameter names in order of appearance. */
  pathParameters: string[];
  /** Names from a query string written into the definition line (`/plugins/pull?name=<plugin name>`). */
  queryParameters: string[];
}

const METHODS = 'GET|POST|PUT|DELETE|HEAD|PATCH|OPTIONS';
/** The definition line: a backtick at the start of the line, then `METHOD /path`; the closing backtick is sometimes missing upstream. */
const DEFINITION = new RegExp(`^\\s{0,3}\`(${METHODS})\\s+(/[^\`]*)\`?\\s*$`);
/** Anything that looks like it wanted to be a definition line. */
const DEFINITION_LIKE = new RegExp(`^\\s{0,3}\`(${METHODS})\\s`);
/** The request line of an example: concrete values, never the template. */
const EXAMPLE_REQUEST = new RegExp(`^\\s*(${METHODS})\\s+(/\\S*)\\s+HTTP/1\\.[01]\\s*$`);

const VERSION_PREFIX = /^\/v\d+\.\d+(?=\/)/;
const PARAMETER_SEGMENT = /^\(([^)]*)\)$/;
const LITERAL_SEGMENT = /^[A-Za-z0-9_.-]+$/;

export function isDefinitionLike(text: string): boolean {
  return DEFINITION_LIKE.test(text);
}

export function isExampleRequestLine(text: string): boolean {
  return EXAMPLE_REQUEST.test(text);
}

/**
 * `GET /containers/(id or name)/json` -> GET `/containers/{id}/json`. Undefined when the line is
 * not a definition or its path has a segment that is neither a literal nor a `(param)`.
 */
export function parseEndpointLine(text: string): EndpointLine | undefined {
  const match = DEFINITION.exec(text);
  if (!match) return undefined;
  const method = match[1] as HttpMethod;
  let target = match[2]!.trim().replace(/\s+HTTP\/1\.[01]$/, '');
  const queryAt = target.indexOf('?');
  const query = queryAt >= 0 ? target.slice(queryAt + 1) : '';
  if (queryAt >= 0) target = target.slice(0, queryAt);
  target = target.replace(VERSION_PREFIX, '');

  const pathParameters: string[] = [];
  const segments: string[] = [];
  for (const segment of target.split('/').slice(1)) {
    const parameter = PARAMETER_SEGMENT.exec(segment);
    if (parameter) {
      const name = toParameterName(parameter[1]!);
      if (!name) return undefined;
      pathParameters.push(name);
      segments.push(`{${name}}`);
    } else if (LITERAL_SEGMENT.test(segment) || segment === '') {
      segments.push(segment);
    } else {
      return undefined;
    }
  }
  const path = `/${segments.join('/')}`.replace(/(.)\/$/, '$1');
  const queryParameters = query
    .split('&')
    .map((pair) => pair.split('=')[0]!.trim())
    .filter((name) => /^[A-Za-z_][\w-]*$/.test(name));
  return { method, path, pathParameters, queryParameters };
}

/**
 * `(id)` -> id, `(id or name)` -> id, `(plugin name)` -> name, `(id*)` -> id. The name is only a
 * placeholder: `alignPathParameterNames` renames it to the Swagger name where the path survives.
 */
export function toParameterName(inner: string): string | undefined {
  const words = inner
    .split(/\s+or\s+/)[0]!
    .split(/\s+/)
    .map((w) => w.replace(/[^A-Za-z0-9_]/g, ''))
    .filter((w) => w !== '');
  return words.at(-1);
}
