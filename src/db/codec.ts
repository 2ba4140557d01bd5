import { InputError } from '../errors.js';
import type {
  ApiHistory,
  AttributeChange,
  ChangelogMention,
  ElementHistory,
  EndpointHistory,
  EnumValueHistory,
  FieldHistory,
  ParameterHistory,
  VersionInfo,
  VersionRange,
} from '../model/history.js';
import type { DeprecationSource, HttpMethod, ParameterLocation, SourceFormat } from '../model/surface.js';
import { hashText, sortFileHashes, type SpecSource } from './source.js';

/**
 * The embedded history database: a one-line header (format, schema, sha256 of the payload)
 * followed by the payload, JSON with one endpoint per line so a rebuild diffs readably.
 *
 * Compact: versions are stored once and referenced by index; presence is a range string over
 * indexes (`0-24,30-56`); `removed` is not stored (it follows from the last range); deprecations
 * are `index:letters`. Deterministic: every object is written with a fixed key order and every
 * list in the order `buildHistory` produced, so the same history always gives the same bytes.
 */

export const DATABASE_FORMAT = 'docker-api-compat/history';
export const DATABASE_SCHEMA = 1;

export interface DatabaseContents {
  history: ApiHistory;
  source: SpecSource;
}

// ---- stored shapes --------------------------------------------------------------------------

type StoredVersion = [version: string, format: SourceFormat, endpointCount: number, unparsedCount: number];
type StoredChange<T> = [versionIndex: number, value: T];
/** value, presence ranges, then the deprecation when there is one. */
type StoredEnumValue = [value: string, present: string, deprecated?: string];

interface StoredElement {
  r: string;
  d?: string;
}

interface StoredParameter extends StoredElement {
  i: ParameterLocation;
  n: string;
  t: StoredChange<string>[];
  q: StoredChange<boolean>[];
  v: StoredChange<string | null>[];
  e: StoredEnumValue[];
}

interface StoredField extends StoredElement {
  p: string;
  t: StoredChange<string>[];
  e: StoredEnumValue[];
}

interface StoredEndpoint extends StoredElement {
  m: HttpMethod;
  p: string;
  o: StoredChange<string | null>[];
  g: StoredChange<string[]>[];
  q: StoredParameter[];
  b: StoredField[];
  s: StoredField[];
}

/** version, method, path, name (null for the endpoint itself), change. */
type StoredMention = [version: string, method: HttpMethod, path: string, name: string | null, change: ChangelogMention['change']];

interface StoredPayload {
  versions: StoredVersion[];
  source: SpecSource;
  changelog: StoredMention[];
  endpoints: StoredEndpoint[];
}

interface StoredHeader {
  format: string;
  schema: number;
  sha256: string;
}

const SOURCE_LETTERS: Record<DeprecationSource, string> = {
  changelog: 'c',
  description: 'd',
  'swagger-flag': 'f',
};
const LETTER_SOURCES = new Map<string, DeprecationSource>(
  Object.entries(SOURCE_LETTERS).map(([source, letter]) => [letter, source as DeprecationSource]),
);

// ---- encoding -------------------------------------------------------------------------------

/** The database text for a history; `source` records where the inputs came from. */
export function encodeDatabase(history: ApiHistory, source: SpecSource = { files: {} }): string {
  const indexOf = new Map(history.versions.map((v, i) => [v.version, i]));
  const index = (version: string): number => {
    const i = indexOf.get(version);
    if (i === undefined) throw new Error(`history refers to a version it does not list: ${version}`);
    return i;
  };
  const element = (e: ElementHistory): StoredElement => {
    const stored: StoredElement = { r: encodeRanges(e, index) };
    if (e.deprecated) stored.d = `${index(e.deprecated.version)}:${e.deprecated.sources.map((s) => SOURCE_LETTERS[s]).join('')}`;
    return stored;
  };
  const changes = <T>(list: readonly AttributeChange<T>[]): StoredChange<T>[] => list.map((c) => [index(c.version), c.value]);
  const enumValues = (list: readonly EnumValueHistory[]): StoredEnumValue[] =>
    list.map((v) => {
      const { r, d } = element(v);
      return d === undefined ? [v.value, r] : [v.value, r, d];
    });
  const field = (f: FieldHistory): StoredField => {
    const { r, d } = element(f);
    return { p: f.path, r, ...(d === undefined ? {} : { d }), t: changes(f.type), e: enumValues(f.enum) };
  };
  const parameter = (p: ParameterHistory): StoredParameter => {
    const { r, d } = element(p);
    return {
      i: p.in,
      n: p.name,
      r,
      ...(d === undefined ? {} : { d }),
      t: changes(p.type),
      q: changes(p.required),
      v: changes(p.default),
      e: enumValues(p.enum),
    };
  };
  const endpoint = (e: EndpointHistory): StoredEndpoint => {
    const { r, d } = element(e);
    return {
      m: e.method,
      p: e.path,
      r,
      ...(d === undefined ? {} : { d }),
      o: changes(e.operationId),
      g: changes(e.tags),
      q: e.parameters.map(parameter),
      b: e.requestBody.map(field),
      s: e.response.map(field),
    };
  };

  const versions: StoredVersion[] = history.versions.map((v) => [v.version, v.format, v.endpointCount, v.unparsedCount]);
  const storedSource: SpecSource = source.commit === undefined ? { files: sortFileHashes(source.files) } : { commit: source.commit, files: sortFileHashes(source.files) };
  const mentions: StoredMention[] = history.changelog.map((m) => [m.version, m.method, m.path, m.name ?? null, m.change]);

  const payload =
    `{"versions":${JSON.stringify(versions)},\n` +
    `"source":${JSON.stringify(storedSource)},\n` +
    `"changelog":${JSON.stringify(mentions)},\n` +
    `"endpoints":[\n${history.endpoints.map((e) => JSON.stringify(endpoint(e))).join(',\n')}\n]}\n`;
  const header: StoredHeader = { format: DATABASE_FORMAT, schema: DATABASE_SCHEMA, sha256: hashText(payload) };
  return `${JSON.stringify(header)}\n${payload}`;
}

/** Ranges over version indexes: `0-24,30-56`, a single version as `7`. */
function encodeRanges(e: ElementHistory, index: (version: string) => number): string {
  return e.present
    .map((r) => {
      const from = index(r.from);
      const to = index(r.to);
      return from === to ? `${from}` : `${from}-${to}`;
    })
    .join(',');
}

// ---- decoding -------------------------------------------------------------------------------

export function decodeDatabase(text: string, file?: string): ApiHistory {
  return decodeDatabaseContents(text, file).history;
}

/** Checks the checksum first: a truncated or edited file never yields a half-read history. */
export function decodeDatabaseContents(text: string, file?: string): DatabaseContents {
  const newline = text.indexOf('\n');
  const header = newline < 0 ? undefined : parseHeader(text.slice(0, newline));
  const payloadText = newline < 0 ? '' : text.slice(newline + 1);
  if (header && header.format !== DATABASE_FORMAT) {
    throw new InputError(`not a docker-api-compat history database (format "${header.format}")`, file);
  }
  if (!header || header.sha256 !== hashText(payloadText)) {
    throw new InputError('embedded database is corrupted (checksum mismatch): run specs build', file);
  }
  if (header.schema !== DATABASE_SCHEMA) {
    throw new InputError(`embedded database has schema ${header.schema}, this version reads schema ${DATABASE_SCHEMA}: run specs build`, file);
  }
  try {
    return expandPayload(JSON.parse(payloadText) as StoredPayload, file);
  } catch (error) {
    throw new InputError(`embedded database is malformed (${error instanceof Error ? error.message : String(error)}): run specs build`, file);
  }
}

function parseHeader(line: string): StoredHeader | undefined {
  try {
    const value = JSON.parse(line) as Partial<StoredHeader> | null;
    if (value && typeof value.format === 'string' && typeof value.schema === 'number' && typeof value.sha256 === 'string') {
      return value as StoredHeader;
    }
  } catch {
    // fall through: an unreadable header is reported as corruption by the caller
  }
  return undefined;
}

type Deprecation = NonNullable<ElementHistory['deprecated']>;

function expandPayload(payload: StoredPayload, file: string | undefined): DatabaseContents {
  const versions: VersionInfo[] = payload.versions.map(([version, format, endpointCount, unparsedCount]) => ({
    version,
    format,
    endpointCount,
    unparsedCount,
  }));
  const names = versions.map((v) => v.version);
  const last = names.length - 1;
  const at = (i: number): string => {
    const version = names[i];
    if (version === undefined) throw new Error(`version index out of range: ${i}`);
    return version;
  };

  // Most elements share a handful of range strings (`25-56`) and deprecation strings: parse each once
  // and share the resulting (frozen) arrays. Objects are built as literals with the key order the
  // spread-based form had, because decoding every element is most of a cold query's time.
  const rangeCache = new Map<string, { present: VersionRange[]; removed: string | undefined }>();
  const parseRanges = (r: string) => {
    let parsed = rangeCache.get(r);
    if (!parsed) {
      const bounds: [number, number][] = (r === '' ? [] : r.split(',')).map((part) => {
        const dash = part.indexOf('-');
        const from = Number(dash < 0 ? part : part.slice(0, dash));
        return [from, dash < 0 ? from : Number(part.slice(dash + 1))];
      });
      const lastIndex = bounds.at(-1)?.[1] ?? -1;
      const present = Object.freeze(bounds.map(([from, to]) => Object.freeze({ from: at(from), to: at(to) }))) as VersionRange[];
      parsed = { present, removed: lastIndex >= 0 && lastIndex < last ? at(lastIndex + 1) : undefined };
      rangeCache.set(r, parsed);
    }
    return parsed;
  };
  const deprecationCache = new Map<string, Deprecation>();
  const parseDeprecation = (d: string): Deprecation => {
    let parsed = deprecationCache.get(d);
    if (!parsed) {
      const colon = d.indexOf(':');
      const sources = [...d.slice(colon + 1)].map((letter) => {
        const source = LETTER_SOURCES.get(letter);
        if (!source) throw new Error(`unknown deprecation source letter: ${letter}`);
        return source;
      });
      parsed = Object.freeze({ version: at(Number(d.slice(0, colon))), sources: Object.freeze(sources) as DeprecationSource[] });
      deprecationCache.set(d, parsed);
    }
    return parsed;
  };
  /** Copies presence, deprecation and removal onto `target`, in that key order. */
  const assignElement = <T extends ElementHistory>(target: T, r: string, d: string | undefined): T => {
    const { present, removed } = parseRanges(r);
    target.present = present;
    if (d !== undefined) target.deprecated = parseDeprecation(d);
    if (removed !== undefined) target.removed = removed;
    return target;
  };
  const changes = <T>(list: readonly StoredChange<T>[]): AttributeChange<T>[] => {
    const result: AttributeChange<T>[] = new Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const [index, value] = list[i]!;
      result[i] = { version: at(index), value };
    }
    return result;
  };
  const enumValues = (list: readonly StoredEnumValue[]): EnumValueHistory[] => {
    const result: EnumValueHistory[] = new Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const [value, r, d] = list[i]!;
      result[i] = assignElement({ value } as EnumValueHistory, r, d);
    }
    return result;
  };
  const field = (f: StoredField): FieldHistory => {
    const result = assignElement({ path: f.p } as FieldHistory, f.r, f.d);
    result.type = changes(f.t);
    result.enum = enumValues(f.e);
    return result;
  };
  const parameter = (p: StoredParameter): ParameterHistory => {
    const result = assignElement({ in: p.i, name: p.n } as ParameterHistory, p.r, p.d);
    result.type = changes(p.t);
    result.required = changes(p.q);
    result.default = changes(p.v);
    result.enum = enumValues(p.e);
    return result;
  };
  const expandEndpoints = (): EndpointHistory[] =>
    payload.endpoints.map((e) => {
      const result = assignElement({ method: e.m, path: e.p } as EndpointHistory, e.r, e.d);
      result.operationId = changes(e.o);
      result.tags = changes(e.g);
      result.parameters = e.q.map(parameter);
      result.requestBody = e.b.map(field);
      result.response = e.s.map(field);
      return result;
    });
  const changelog: ChangelogMention[] = payload.changelog.map(([version, method, path, name, change]) =>
    name === null ? { version, method, path, change } : { version, method, path, name, change },
  );
  // Endpoints are expanded on first access: a fully cached lint run needs only the version list,
  // and expanding every element is most of the decoding time. The key keeps its place between
  // versions and changelog, so serializing a history gives the same text as before.
  let endpoints: EndpointHistory[] | undefined;
  const history: ApiHistory = { versions, endpoints: [], changelog };
  Object.defineProperty(history, 'endpoints', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (endpoints === undefined) {
        try {
          endpoints = expandEndpoints();
        } catch (error) {
          throw new InputError(`embedded database is malformed (${error instanceof Error ? error.message : String(error)}): run specs build`, file);
        }
      }
      return endpoints;
    },
    set: (value: EndpointHistory[]) => {
      endpoints = value;
    },
  });
  return { history, source: payload.source };
}
