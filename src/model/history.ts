import type { DeprecationSource, HttpMethod, ParameterLocation, SourceFormat } from './surface.js';

/**
 * The history of the whole API: every element with the versions it exists in.
 * Built once from all surfaces (`buildHistory`), stored as the embedded database, and the
 * thing every query, rule and report reads. Any single version's surface can be rebuilt from it.
 */

/** Inclusive range of versions, both ends present: `{from: '1.25', to: '1.40'}`. */
export interface VersionRange {
  from: string;
  to: string;
}

export type ElementKind = 'endpoint' | 'query' | 'path' | 'header' | 'body' | 'response' | 'enum';

export interface ElementHistory {
  /** Intervals of presence, oldest first. An element can vanish and return. */
  present: VersionRange[];
  /** The first version that marks it deprecated, and every source that said so. */
  deprecated?: { version: string; sources: DeprecationSource[] };
  /** The first version without it after its last presence; absent while the newest version has it. */
  removed?: string;
}

/** A value of an attribute from `version` on, until the next change. First entry = value when first seen. */
export interface AttributeChange<T> {
  version: string;
  value: T;
}

export interface EnumValueHistory extends ElementHistory {
  value: string;
}

export interface ParameterHistory extends ElementHistory {
  in: ParameterLocation;
  name: string;
  type: AttributeChange<string>[];
  required: AttributeChange<boolean>[];
  default: AttributeChange<string | null>[];
  enum: EnumValueHistory[];
}

export interface FieldHistory extends ElementHistory {
  path: string;
  type: AttributeChange<string>[];
  enum: EnumValueHistory[];
}

export interface EndpointHistory extends ElementHistory {
  method: HttpMethod;
  path: string;
  operationId: AttributeChange<string | null>[];
  tags: AttributeChange<string[]>[];
  parameters: ParameterHistory[];
  requestBody: FieldHistory[];
  response: FieldHistory[];
}

export interface VersionInfo {
  version: string;
  format: SourceFormat;
  endpointCount: number;
  /** How many things the loader found in the source file and could not read. */
  unparsedCount: number;
}

/** A changelog bullet that names an element changing in a version: facts only, never its prose. */
export interface ChangelogMention {
  version: string;
  method: HttpMethod;
  path: string;
  /** Parameter or (dotted) field name, absent when the bullet is about the endpoint itself. */
  name?: string;
  /** added: "new endpoint", "now supports", "adds"; removed; deprecated; changed: anything else. */
  change: 'added' | 'removed' | 'deprecated' | 'changed';
}

export interface ApiHistory {
  /** Every version, oldest first (numeric order). */
  versions: VersionInfo[];
  /** Sorted by path, then method. */
  endpoints: EndpointHistory[];
  changelog: ChangelogMention[];
}
