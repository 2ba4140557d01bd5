import type { HttpMethod } from '../model/surface.js';

/**
 * One structural difference between two API surfaces. Pure facts, no judgement: whether a
 * change breaks existing clients is the checker's business (src/checker/).
 */
export const CHANGE_KINDS = [
  'endpoint-added',
  'endpoint-removed',
  'endpoint-deprecated',
  'parameter-added',
  'parameter-removed',
  'parameter-type-changed',
  'parameter-required-changed',
  'parameter-default-changed',
  'parameter-enum-value-added',
  'parameter-enum-value-removed',
  'parameter-deprecated',
  'request-field-added',
  'request-field-removed',
  'request-field-type-changed',
  'request-field-enum-value-added',
  'request-field-enum-value-removed',
  'request-field-deprecated',
  'response-field-added',
  'response-field-removed',
  'response-field-type-changed',
  'response-field-enum-value-added',
  'response-field-enum-value-removed',
  'response-field-deprecated',
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Where the changed element lives: the endpoint itself, a parameter location, or a body. */
export type ChangeLocation = 'endpoint' | 'query' | 'path' | 'header' | 'body' | 'response';

export interface Change {
  kind: ChangeKind;
  method: HttpMethod;
  path: string;
  location: ChangeLocation;
  /** Parameter name or dotted field path; absent for endpoint changes. */
  name?: string;
  /** The enum value added or removed (enum kinds only). */
  value?: string;
  /** Old and new attribute values for *-changed kinds (types, `true`/`false`, defaults; `null` when unset). */
  before?: string;
  after?: string;
  /** For parameter-added: whether the new parameter is required. */
  required?: boolean;
  /** The two versions compared. */
  from: string;
  to: string;
}

/** Order of kinds inside one element, so listings read "added, removed, changed, deprecated". */
export function compareChangeKinds(a: ChangeKind, b: ChangeKind): number {
  return CHANGE_KINDS.indexOf(a) - CHANGE_KINDS.indexOf(b);
}
