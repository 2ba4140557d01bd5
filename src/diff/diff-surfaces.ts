import type { Endpoint, Field, Parameter, Surface } from '../model/surface.js';
import { endpointKey } from '../model/surface.js';
import { compareChangeKinds, type Change, type ChangeKind, type ChangeLocation } from './change.js';

/**
 * Every structural difference between two surfaces, in a deterministic order (path, method,
 * location, element name, kind, value). Works for any two versions in either direction.
 *
 * Cumulative by design: only the two surfaces are compared, so an element that vanished and came
 * back between `from` and `to` shows no change, and an element that came and went in between shows
 * nothing either. Per-version history (the `changelog` query) is where such round trips appear.
 * An element added already deprecated is reported as added only; `*-deprecated` means a
 * deprecation of something that exists on both sides. An enum list that appears on an existing
 * element reports each of its values as added; one that vanishes reports nothing (see diffEnum).
 */
export function diffSurfaces(from: Surface, to: Surface): Change[] {
  const changes: Change[] = [];
  const versions = { from: from.version, to: to.version };
  const before = new Map(from.endpoints.map((e) => [endpointKey(e), e]));
  const after = new Map(to.endpoints.map((e) => [endpointKey(e), e]));

  for (const [key, old] of before) {
    if (!after.has(key)) changes.push({ kind: 'endpoint-removed', method: old.method, path: old.path, location: 'endpoint', ...versions });
  }
  for (const [key, next] of after) {
    const old = before.get(key);
    if (!old) {
      changes.push({ kind: 'endpoint-added', method: next.method, path: next.path, location: 'endpoint', ...versions });
      continue;
    }
    diffEndpoint(old, next, versions, changes);
  }
  return changes.sort(compareChanges);
}

type Versions = { from: string; to: string };

function diffEndpoint(old: Endpoint, next: Endpoint, versions: Versions, out: Change[]): void {
  const at = { method: next.method, path: next.path, ...versions };
  if (!old.deprecated && next.deprecated) out.push({ kind: 'endpoint-deprecated', location: 'endpoint', ...at });
  diffParameters(old.parameters, next.parameters, at, out);
  diffFields(old.requestBody, next.requestBody, 'body', at, out);
  diffFields(old.response, next.response, 'response', at, out);
}

type At = Versions & Pick<Endpoint, 'method' | 'path'>;

function diffParameters(old: readonly Parameter[], next: readonly Parameter[], at: At, out: Change[]): void {
  const key = (p: Parameter) => `${p.in}:${p.name}`;
  const before = new Map(old.map((p) => [key(p), p]));
  const after = new Map(next.map((p) => [key(p), p]));
  for (const [k, p] of before) {
    if (!after.has(k)) out.push({ kind: 'parameter-removed', location: p.in, name: p.name, ...at });
  }
  for (const [k, p] of after) {
    const o = before.get(k);
    const element = { location: p.in, name: p.name, ...at } as const;
    if (!o) {
      out.push({ kind: 'parameter-added', required: p.required, ...element });
      continue;
    }
    if (o.type !== p.type) out.push({ kind: 'parameter-type-changed', before: o.type, after: p.type, ...element });
    if (o.required !== p.required) {
      out.push({ kind: 'parameter-required-changed', before: String(o.required), after: String(p.required), ...element });
    }
    if ((o.default ?? null) !== (p.default ?? null)) {
      out.push({ kind: 'parameter-default-changed', before: o.default ?? 'null', after: p.default ?? 'null', ...element });
    }
    diffEnum(o.enum, p.enum, 'parameter-enum-value-added', 'parameter-enum-value-removed', element, out);
    if (!o.deprecated && p.deprecated) out.push({ kind: 'parameter-deprecated', ...element });
  }
}

const FIELD_KINDS = {
  body: {
    added: 'request-field-added',
    removed: 'request-field-removed',
    type: 'request-field-type-changed',
    enumAdded: 'request-field-enum-value-added',
    enumRemoved: 'request-field-enum-value-removed',
    deprecated: 'request-field-deprecated',
  },
  response: {
    added: 'response-field-added',
    removed: 'response-field-removed',
    type: 'response-field-type-changed',
    enumAdded: 'response-field-enum-value-added',
    enumRemoved: 'response-field-enum-value-removed',
    deprecated: 'response-field-deprecated',
  },
} as const satisfies Record<'body' | 'response', Record<string, ChangeKind>>;

function diffFields(old: readonly Field[], next: readonly Field[], location: 'body' | 'response', at: At, out: Change[]): void {
  const kinds = FIELD_KINDS[location];
  const before = new Map(old.map((f) => [f.path, f]));
  const after = new Map(next.map((f) => [f.path, f]));
  for (const [name] of before) {
    if (!after.has(name)) out.push({ kind: kinds.removed, location, name, ...at });
  }
  for (const [name, f] of after) {
    const o = before.get(name);
    const element = { location, name, ...at } as const;
    if (!o) {
      out.push({ kind: kinds.added, ...element });
      continue;
    }
    if (o.type !== f.type) out.push({ kind: kinds.type, before: o.type, after: f.type, ...element });
    diffEnum(o.enum, f.enum, kinds.enumAdded, kinds.enumRemoved, element, out);
    if (!o.deprecated && f.deprecated) out.push({ kind: kinds.deprecated, ...element });
  }
}

function diffEnum(
  old: readonly string[] | undefined,
  next: readonly string[] | undefined,
  addedKind: ChangeKind,
  removedKind: ChangeKind,
  element: At & { location: ChangeLocation; name: string },
  out: Change[],
): void {
  // A list appearing documents its values from this version on: each is an added value, as in the
  // history, where those values' presence starts here. A list vanishing lifts the restriction, so no
  // value stops being accepted and nothing is reported as removed.
  if (!next) return;
  const before = new Set(old ?? []);
  const after = new Set(next);
  for (const value of old ?? []) if (!after.has(value)) out.push({ kind: removedKind, value, ...element });
  for (const value of next) if (!before.has(value)) out.push({ kind: addedKind, value, ...element });
}

const LOCATION_ORDER: readonly ChangeLocation[] = ['endpoint', 'path', 'query', 'header', 'body', 'response'];

export function compareChanges(a: Change, b: Change): number {
  return (
    compareText(a.path, b.path) ||
    compareText(a.method, b.method) ||
    LOCATION_ORDER.indexOf(a.location) - LOCATION_ORDER.indexOf(b.location) ||
    compareText(a.name ?? '', b.name ?? '') ||
    compareChangeKinds(a.kind, b.kind) ||
    compareText(a.value ?? '', b.value ?? '')
  );
}

/** Code-point order, independent of the machine's locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
