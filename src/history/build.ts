import type {
  ApiHistory,
  AttributeChange,
  ChangelogMention,
  ElementHistory,
  EndpointHistory,
  EnumValueHistory,
  FieldHistory,
  ParameterHistory,
  VersionRange,
} from '../model/history.js';
import type {
  ChangelogDeprecation,
  Deprecation,
  DeprecationSource,
  Endpoint,
  Field,
  Parameter,
  Surface,
} from '../model/surface.js';
import { compareVersions } from '../model/version.js';

export interface ChangelogFacts {
  deprecations: ChangelogDeprecation[];
  mentions: ChangelogMention[];
}

/**
 * Folds every version's surface into one history: each element with its intervals of presence,
 * attribute changes, first deprecation and removal. Deterministic: the output order depends
 * only on the data, never on input order.
 */
export function buildHistory(surfaces: readonly Surface[], changelog: ChangelogFacts = { deprecations: [], mentions: [] }): ApiHistory {
  const ordered = [...surfaces].sort((a, b) => compareVersions(a.version, b.version));
  const versions = ordered.map((s) => s.version);
  const endpoints = new Map<string, EndpointAccumulator>();

  ordered.forEach((surface, index) => {
    for (const endpoint of surface.endpoints) {
      const key = `${endpoint.method} ${endpoint.path}`;
      let acc = endpoints.get(key);
      if (!acc) {
        acc = newEndpointAccumulator(endpoint, versions.length);
        endpoints.set(key, acc);
      }
      recordEndpoint(acc, endpoint, index);
    }
  });

  for (const dep of changelog.deprecations) applyChangelogDeprecation(endpoints, dep, versions);

  const histories = [...endpoints.values()]
    .map((acc) => finishEndpoint(acc, versions))
    .sort((a, b) => compareText(a.path, b.path) || compareText(a.method, b.method));

  return {
    versions: ordered.map((s) => ({
      version: s.version,
      format: s.format,
      endpointCount: s.endpoints.length,
      unparsedCount: s.unparsed.length,
    })),
    endpoints: histories,
    changelog: [...changelog.mentions].sort(compareMentions),
  };
}

// ---- accumulation -------------------------------------------------------------------------

interface ElementAccumulator {
  present: boolean[];
  /** Per version index: the deprecation sources seen there. */
  deprecated: Map<number, Set<DeprecationSource>>;
}

interface EnumOwner {
  enumValues: Map<string, ElementAccumulator>;
}

interface ParameterAccumulator extends ElementAccumulator, EnumOwner {
  in: Parameter['in'];
  name: string;
  type: (string | undefined)[];
  required: (boolean | undefined)[];
  default: (string | null | undefined)[];
}

interface FieldAccumulator extends ElementAccumulator, EnumOwner {
  path: string;
  type: (string | undefined)[];
}

interface EndpointAccumulator extends ElementAccumulator {
  method: Endpoint['method'];
  path: string;
  operationId: (string | null | undefined)[];
  tags: (string[] | undefined)[];
  parameters: Map<string, ParameterAccumulator>;
  requestBody: Map<string, FieldAccumulator>;
  response: Map<string, FieldAccumulator>;
  size: number;
}

function newElement(size: number): ElementAccumulator {
  return { present: new Array<boolean>(size).fill(false), deprecated: new Map() };
}

function newEndpointAccumulator(endpoint: Endpoint, size: number): EndpointAccumulator {
  return {
    ...newElement(size),
    method: endpoint.method,
    path: endpoint.path,
    operationId: new Array(size).fill(undefined),
    tags: new Array(size).fill(undefined),
    parameters: new Map(),
    requestBody: new Map(),
    response: new Map(),
    size,
  };
}

function markPresent(acc: ElementAccumulator, index: number, deprecation: Deprecation | undefined): void {
  acc.present[index] = true;
  if (deprecation) addDeprecation(acc, index, deprecation.source);
}

function addDeprecation(acc: ElementAccumulator, index: number, source: DeprecationSource): void {
  let sources = acc.deprecated.get(index);
  if (!sources) acc.deprecated.set(index, (sources = new Set()));
  sources.add(source);
}

function recordEnum(owner: EnumOwner, values: readonly string[] | undefined, index: number, size: number): void {
  for (const value of values ?? []) {
    let acc = owner.enumValues.get(value);
    if (!acc) owner.enumValues.set(value, (acc = newElement(size)));
    acc.present[index] = true;
  }
}

function recordEndpoint(acc: EndpointAccumulator, endpoint: Endpoint, index: number): void {
  markPresent(acc, index, endpoint.deprecated);
  acc.operationId[index] = endpoint.operationId ?? null;
  acc.tags[index] = [...endpoint.tags];
  for (const p of endpoint.parameters) {
    const key = `${p.in}:${p.name}`;
    let pa = acc.parameters.get(key);
    if (!pa) {
      pa = {
        ...newElement(acc.size),
        enumValues: new Map(),
        in: p.in,
        name: p.name,
        type: new Array(acc.size).fill(undefined),
        required: new Array(acc.size).fill(undefined),
        default: new Array(acc.size).fill(undefined),
      };
      acc.parameters.set(key, pa);
    }
    markPresent(pa, index, p.deprecated);
    pa.type[index] = p.type;
    pa.required[index] = p.required;
    pa.default[index] = p.default ?? null;
    recordEnum(pa, p.enum, index, acc.size);
  }
  recordFields(acc.requestBody, endpoint.requestBody, index, acc.size);
  recordFields(acc.response, endpoint.response, index, acc.size);
}

function recordFields(target: Map<string, FieldAccumulator>, fields: readonly Field[], index: number, size: number): void {
  for (const f of fields) {
    let fa = target.get(f.path);
    if (!fa) {
      fa = { ...newElement(size), enumValues: new Map(), path: f.path, type: new Array(size).fill(undefined) };
      target.set(f.path, fa);
    }
    markPresent(fa, index, f.deprecated);
    fa.type[index] = f.type;
    recordEnum(fa, f.enum, index, size);
  }
}

/**
 * A changelog "Deprecated:" bullet marks the element from that version on. When the element is
 * absent from that exact version's spec, the mark goes on the first later version that has it.
 */
function applyChangelogDeprecation(
  endpoints: Map<string, EndpointAccumulator>,
  dep: ChangelogDeprecation,
  versions: readonly string[],
): void {
  const endpoint = endpoints.get(`${dep.method} ${dep.path}`);
  if (!endpoint) return;
  let target: ElementAccumulator | undefined = endpoint;
  if (dep.name !== undefined) {
    target =
      [...endpoint.parameters.values()].find((p) => p.name === dep.name) ??
      endpoint.requestBody.get(dep.name) ??
      endpoint.response.get(dep.name);
  }
  if (!target) return;
  const from = versions.findIndex((v) => compareVersions(v, dep.version) >= 0);
  if (from < 0) return;
  const index = target.present.findIndex((present, i) => present && i >= from);
  if (index >= 0) addDeprecation(target, index, 'changelog');
}

// ---- finishing ----------------------------------------------------------------------------

function finishElement(acc: ElementAccumulator, versions: readonly string[]): ElementHistory {
  const present = toRanges(acc.present, versions);
  const result: ElementHistory = { present };
  const deprecatedIndexes = [...acc.deprecated.keys()].sort((a, b) => a - b);
  const first = deprecatedIndexes[0];
  if (first !== undefined) {
    const sources = new Set<DeprecationSource>();
    for (const i of deprecatedIndexes) for (const s of acc.deprecated.get(i) ?? []) sources.add(s);
    result.deprecated = { version: versions[first]!, sources: [...sources].sort() };
  }
  const lastPresent = acc.present.lastIndexOf(true);
  if (lastPresent >= 0 && lastPresent < versions.length - 1) result.removed = versions[lastPresent + 1]!;
  return result;
}

function toRanges(present: readonly boolean[], versions: readonly string[]): VersionRange[] {
  const ranges: VersionRange[] = [];
  let start = -1;
  for (let i = 0; i <= present.length; i++) {
    if (i < present.length && present[i]) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      ranges.push({ from: versions[start]!, to: versions[i - 1]! });
      start = -1;
    }
  }
  return ranges;
}

/** Compresses per-version values into the versions where the value changes (absent versions are skipped). */
function toChanges<T>(values: readonly (T | undefined)[], versions: readonly string[]): AttributeChange<T>[] {
  const changes: AttributeChange<T>[] = [];
  let last: string | undefined;
  values.forEach((value, i) => {
    if (value === undefined) return;
    const encoded = JSON.stringify(value);
    if (encoded !== last) {
      changes.push({ version: versions[i]!, value });
      last = encoded;
    }
  });
  return changes;
}

function finishEnum(owner: EnumOwner, versions: readonly string[]): EnumValueHistory[] {
  return [...owner.enumValues.entries()]
    .map(([value, acc]) => ({ value, ...finishElement(acc, versions) }))
    .sort((a, b) => compareText(a.value, b.value));
}

function finishFields(fields: Map<string, FieldAccumulator>, versions: readonly string[]): FieldHistory[] {
  return [...fields.values()]
    .map((fa) => ({
      path: fa.path,
      ...finishElement(fa, versions),
      type: toChanges(fa.type, versions),
      enum: finishEnum(fa, versions),
    }))
    .sort((a, b) => compareText(a.path, b.path));
}

function finishEndpoint(acc: EndpointAccumulator, versions: readonly string[]): EndpointHistory {
  const parameters: ParameterHistory[] = [...acc.parameters.values()]
    .map((pa) => ({
      in: pa.in,
      name: pa.name,
      ...finishElement(pa, versions),
      type: toChanges(pa.type, versions),
      required: toChanges(pa.required, versions),
      default: toChanges(pa.default, versions),
      enum: finishEnum(pa, versions),
    }))
    .sort((a, b) => compareText(a.in, b.in) || compareText(a.name, b.name));
  return {
    method: acc.method,
    path: acc.path,
    ...finishElement(acc, versions),
    operationId: toChanges(acc.operationId, versions),
    tags: toChanges(acc.tags, versions),
    parameters,
    requestBody: finishFields(acc.requestBody, versions),
    response: finishFields(acc.response, versions),
  };
}

/** Code-point order, so the output never depends on the machine's locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareMentions(a: ChangelogMention, b: ChangelogMention): number {
  return (
    compareVersions(a.version, b.version) ||
    compareText(a.path, b.path) ||
    compareText(a.method, b.method) ||
    compareText(a.name ?? '', b.name ?? '') ||
    compareText(a.change, b.change)
  );
}
