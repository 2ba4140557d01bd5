/**
 * The normalized API surface: what every loader returns, whatever the source format.
 * Nothing downstream of the loaders may know whether a surface came from markdown or Swagger.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD' | 'PATCH' | 'OPTIONS';

export type SourceFormat = 'markdown' | 'swagger';

/** Where a deprecation marker was read from; kept so `since` can say why. */
export type DeprecationSource =
  | 'swagger-flag' // `deprecated: true` in the Swagger document
  | 'description' // "Deprecated" wording in the element's description text
  | 'changelog'; // a "Deprecated:" bullet of CHANGELOG.md

export interface Deprecation {
  source: DeprecationSource;
}

export type ParameterLocation = 'query' | 'path' | 'header';

export interface Parameter {
  in: ParameterLocation;
  name: string;
  /** JSON-schema-like type name: string, integer, boolean, number, array, object; arrays as `array<string>`. */
  type: string;
  enum?: string[];
  /** Default value rendered as a string (JSON for non-strings), so the surface stays plain data. */
  default?: string;
  required: boolean;
  deprecated?: Deprecation;
}

/**
 * One field of a request or response body. `path` is dotted from the body root:
 * `HostConfig.CgroupnsMode`; arrays add nothing to the path, map values add `*`
 * (`Labels.*`, `NetworkingConfig.EndpointsConfig.*.IPAMConfig`).
 */
export interface Field {
  path: string;
  type: string;
  enum?: string[];
  deprecated?: Deprecation;
}

export interface Endpoint {
  method: HttpMethod;
  /** Path template with `{param}` segments, e.g. `/containers/{id}/json`. */
  path: string;
  operationId?: string;
  /** Swagger tags (Container, Image, ...); markdown sections map onto the same names. */
  tags: string[];
  parameters: Parameter[];
  requestBody: Field[];
  /** Fields of the 2xx response body. */
  response: Field[];
  deprecated?: Deprecation;
}

/** Something a source file contained that the loader could not turn into the model. Counted, never dropped silently. */
export interface UnparsedItem {
  line?: number;
  reason: string;
  text: string;
}

export interface Surface {
  /** Canonical version string without a `v` prefix: `1.41`. */
  version: string;
  format: SourceFormat;
  endpoints: Endpoint[];
  unparsed: UnparsedItem[];
}

/** Deprecations taken from CHANGELOG.md, applied on top of the spec surfaces. */
export interface ChangelogDeprecation {
  version: string;
  method: HttpMethod;
  path: string;
  /** Parameter or dotted field name when the bullet names one; absent for a whole endpoint. */
  name?: string;
}

export function endpointKey(e: { method: string; path: string }): string {
  return `${e.method} ${e.path}`;
}
