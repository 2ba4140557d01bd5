import { UsageError } from '../errors.js';
import type {
  ApiHistory,
  ChangelogMention,
  ElementHistory,
  ElementKind,
  EndpointHistory,
  FieldHistory,
  ParameterHistory,
  VersionRange,
} from '../model/history.js';
import { findDockerRelease } from '../model/release-info.js';
import type { HttpMethod } from '../model/surface.js';
import { compareVersions } from '../model/version.js';
import { matchPathTemplates } from './match-path.js';
import { findNearestNames } from './nearest-names.js';

/** One element the query matched, with when it appeared, was deprecated and went away. */
export interface SinceMatch {
  kind: ElementKind;
  method: HttpMethod;
  path: string;
  /** Parameter name, dotted field path, or `field=value` for enum values; absent for endpoints. */
  name?: string;
  added: string;
  deprecated: string | null;
  /** First version without it after its last presence; null while the newest version has it. */
  removed: string | null;
  /** The first Docker Engine release serving `added`, when known. */
  docker: string | null;
  /** When the changelog says it was added in another version than the spec shows. */
  changelog?: string;
  /** Every interval of presence (more than one when it vanished and came back). */
  present: VersionRange[];
  /** The gaps between intervals of presence: versions where it was gone before returning. */
  absent: VersionRange[];
  /** For enum values: where the owning parameter or field lives. */
  owner?: 'query' | 'path' | 'header' | 'body' | 'response';
}

export interface SinceResult {
  query: string;
  matches: SinceMatch[];
  /**
   * When no spec version has the element but upstream's changelog names it (`POST /grpc` is in no spec,
   * yet the 1.53 changelog deprecates it): what the changelog says, oldest first.
   */
  changelogOnly: Pick<ChangelogMention, 'version' | 'method' | 'path' | 'name' | 'change'>[];
  /** Nearest known names when nothing matched. */
  suggestions: string[];
}

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'];

/**
 * Answers "since when does this exist" from the history alone. Query forms:
 * `POST /containers/create`, `/containers/json` (every method), `GET /images/json shared-size`,
 * `POST /containers/create HostConfig.CgroupnsMode`, `ContainerCreate` (operationId),
 * `CgroupnsMode` (every element whose name ends with it), `HostConfig.CgroupnsMode=private`.
 */
export function querySince(history: ApiHistory, query: string): SinceResult {
  const text = query.trim();
  if (text === '') throw new UsageError('since: empty query (try "POST /containers/create" or "CgroupnsMode")');
  const tokens = text.split(/\s+/);
  let method: HttpMethod | undefined;
  if (METHODS.includes(tokens[0]!.toUpperCase() as HttpMethod) && tokens[1]?.startsWith('/')) method = tokens.shift()!.toUpperCase() as HttpMethod;

  let matches: SinceMatch[];
  let wanted: string;
  if (tokens[0]!.startsWith('/')) {
    const path = tokens[0]!;
    const name = tokens.slice(1).join(' ') || undefined;
    const templates = [...new Set(history.endpoints.map((e) => e.path))];
    const hitPaths = new Set(matchPathTemplates(path, templates));
    const endpoints = history.endpoints.filter((e) => hitPaths.has(e.path) && (method === undefined || e.method === method));
    matches = name === undefined ? endpoints.map((e) => toMatch(history, e, 'endpoint')) : findElements(history, endpoints, name);
    wanted = name ?? `${method ? `${method} ` : ''}${path}`;
  } else {
    if (tokens.length > 1) throw new UsageError(`since: cannot read "${text}" (a name is one word; put an endpoint before it: "POST /containers/create ${tokens.at(-1)}")`);
    const word = tokens[0]!;
    const byOperationId = word.includes('=') ? [] : history.endpoints.filter((e) => e.operationId.some((o) => o.value === word));
    matches = [...byOperationId.map((e) => toMatch(history, e, 'endpoint')), ...findElements(history, history.endpoints, word)];
    wanted = word;
  }
  matches.sort(compareMatches);
  const changelogOnly = matches.length === 0 ? findChangelogOnly(history, method, tokens) : [];
  return {
    query: text,
    matches,
    changelogOnly,
    suggestions: matches.length === 0 && changelogOnly.length === 0 ? suggest(history, wanted) : [],
  };
}

/** Changelog facts about an endpoint (or one of its elements) that no spec version describes. */
function findChangelogOnly(history: ApiHistory, method: HttpMethod | undefined, tokens: readonly string[]): SinceResult['changelogOnly'] {
  const path = tokens[0];
  if (path === undefined || !path.startsWith('/')) return [];
  const name = tokens.slice(1).join(' ') || undefined;
  const hitPaths = new Set(matchPathTemplates(path, [...new Set(history.changelog.map((m) => m.path))]));
  return history.changelog
    .filter((m) => hitPaths.has(m.path) && (method === undefined || m.method === method) && (name === undefined ? m.name === undefined : m.name !== undefined && isNameMatch(m.name, name)))
    .map(({ version, method: m, path: p, name: n, change }) => ({ version, method: m, path: p, ...(n === undefined ? {} : { name: n }), change }));
}

/** Elements named `name` (exact, or the last dotted segments) inside the given endpoints; `x=v` finds enum values. */
function findElements(history: ApiHistory, endpoints: readonly EndpointHistory[], name: string): SinceMatch[] {
  const eq = name.indexOf('=');
  const elementName = eq >= 0 ? name.slice(0, eq) : name;
  const enumValue = eq >= 0 ? name.slice(eq + 1) : undefined;
  for (const caseless of [false, true]) {
    const found: SinceMatch[] = [];
    for (const endpoint of endpoints) {
      const owners: { element: ParameterHistory | FieldHistory; kind: Exclude<ElementKind, 'endpoint' | 'enum'>; name: string }[] = [
        ...endpoint.parameters.map((p) => ({ element: p, kind: p.in, name: p.name })),
        ...endpoint.requestBody.map((f) => ({ element: f, kind: 'body' as const, name: f.path })),
        ...endpoint.response.map((f) => ({ element: f, kind: 'response' as const, name: f.path })),
      ];
      for (const owner of owners) {
        if (!isNameMatch(owner.name, elementName, caseless)) continue;
        if (enumValue === undefined) {
          found.push(toMatch(history, endpoint, owner.kind, owner.element, owner.name));
          continue;
        }
        for (const value of owner.element.enum) {
          if (caseless ? value.value.toLowerCase() !== enumValue.toLowerCase() : value.value !== enumValue) continue;
          found.push({ ...toMatch(history, endpoint, 'enum', value, `${owner.name}=${value.value}`), owner: owner.kind });
        }
      }
    }
    if (found.length > 0) return found;
  }
  return [];
}

/** `HostConfig.CgroupnsMode` matches `CgroupnsMode` and `HostConfig.CgroupnsMode`; map segments (`*`) are optional. */
export function isNameMatch(elementName: string, wanted: string, caseless = false): boolean {
  const norm = (s: string) => (caseless ? s.toLowerCase() : s);
  const full = norm(elementName);
  const want = norm(wanted);
  if (full === want || full.endsWith(`.${want}`)) return true;
  const starless = full.replace(/\.\*(?=\.|$)/g, '');
  return starless === want || starless.endsWith(`.${want}`);
}

function toMatch(history: ApiHistory, endpoint: EndpointHistory, kind: ElementKind, element: ElementHistory = endpoint, name?: string): SinceMatch {
  const added = element.present[0]?.from ?? history.versions[0]!.version;
  const match: SinceMatch = {
    kind,
    method: endpoint.method,
    path: endpoint.path,
    ...(name === undefined ? {} : { name }),
    added,
    deprecated: element.deprecated?.version ?? null,
    removed: element.removed ?? null,
    docker: findDockerRelease(added) ?? null,
    present: element.present,
    absent: findGaps(history, element.present),
  };
  const changelog = findChangelogAdded(history.changelog, match);
  if (changelog !== undefined) match.changelog = changelog;
  return match;
}

/**
 * The version the changelog gives for the element's addition, when it differs from the spec.
 * A mention agreeing with any start of presence settles it. An endpoint-level "added" mention later
 * than the spec's first version is about something the endpoint gained, so only earlier ones count there.
 */
function findChangelogAdded(mentions: readonly ChangelogMention[], match: SinceMatch): string | undefined {
  if (match.kind === 'enum') return undefined;
  const relevant = mentions.filter(
    (m) =>
      m.change === 'added' &&
      m.method === match.method &&
      m.path === match.path &&
      (match.name === undefined ? m.name === undefined : m.name !== undefined && isNameMatch(match.name, m.name)),
  );
  if (relevant.length === 0) return undefined;
  const starts = new Set(match.present.map((r) => r.from));
  if (relevant.some((m) => starts.has(m.version))) return undefined;
  const candidates = match.name === undefined ? relevant.filter((m) => compareVersions(m.version, match.added) < 0) : relevant;
  return candidates.map((m) => m.version).sort(compareVersions)[0];
}

function findGaps(history: ApiHistory, present: readonly VersionRange[]): VersionRange[] {
  const versions = history.versions.map((v) => v.version);
  const gaps: VersionRange[] = [];
  for (let i = 1; i < present.length; i++) {
    const from = versions[versions.indexOf(present[i - 1]!.to) + 1];
    const to = versions[versions.indexOf(present[i]!.from) - 1];
    if (from !== undefined && to !== undefined) gaps.push({ from, to });
  }
  return gaps;
}

function suggest(history: ApiHistory, wanted: string): string[] {
  const candidates = new Set<string>();
  for (const e of history.endpoints) {
    candidates.add(e.path);
    candidates.add(`${e.method} ${e.path}`);
    for (const o of e.operationId) if (o.value) candidates.add(o.value);
    for (const p of e.parameters) candidates.add(p.name);
    for (const f of [...e.requestBody, ...e.response]) {
      candidates.add(f.path);
      const last = f.path.split('.').filter((s) => s !== '*').at(-1);
      if (last) candidates.add(last);
    }
  }
  const bare = wanted.includes('=') ? wanted.slice(0, wanted.indexOf('=')) : wanted;
  return findNearestNames(bare, candidates);
}

const KIND_ORDER: readonly ElementKind[] = ['endpoint', 'path', 'query', 'header', 'body', 'response', 'enum'];

function compareMatches(a: SinceMatch, b: SinceMatch): number {
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (
    text(a.path, b.path) ||
    text(a.method, b.method) ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    text(a.name ?? '', b.name ?? '')
  );
}

// ---- output -------------------------------------------------------------------------------

/** The JSON contract: exactly these keys, `changelog` only when it disagrees with the spec. */
export function toSinceJson(result: SinceResult): unknown {
  return {
    query: result.query,
    ...(result.changelogOnly.length > 0 ? { changelogOnly: result.changelogOnly } : {}),
    matches: result.matches.map((m) => ({
      kind: m.kind,
      method: m.method,
      path: m.path,
      ...(m.name === undefined ? {} : { name: m.name }),
      added: m.added,
      deprecated: m.deprecated,
      removed: m.removed,
      docker: m.docker,
      ...(m.changelog === undefined ? {} : { changelog: m.changelog }),
    })),
  };
}

const OWNER_WORDS: Record<NonNullable<SinceMatch['owner']>, string> = {
  query: 'query parameter',
  path: 'path parameter',
  header: 'header',
  body: 'body field',
  response: 'response field',
};

/** One line per match: `HostConfig.CgroupnsMode (body of POST /containers/create): added in API 1.41 (Docker 20.10)`. */
export function formatSinceText(result: SinceResult): string {
  if (result.matches.length === 0 && result.changelogOnly.length > 0) {
    return result.changelogOnly
      .map((m) => `${m.name ? `${m.name} (${m.method} ${m.path})` : `${m.method} ${m.path}`}: in no spec version; the changelog says ${m.change} in API ${m.version}\n`)
      .join('');
  }
  if (result.matches.length === 0) {
    const hint = result.suggestions.length > 0 ? `; did you mean: ${result.suggestions.join(', ')}?` : '';
    return `no API element matches "${result.query}"${hint}\n`;
  }
  return result.matches.map((m) => `${describeSubject(m)}: ${describeLife(m)}\n`).join('');
}

function describeSubject(m: SinceMatch): string {
  const endpoint = `${m.method} ${m.path}`;
  switch (m.kind) {
    case 'endpoint':
      return endpoint;
    case 'body':
      return `${m.name} (body of ${endpoint})`;
    case 'response':
      return `${m.name} (response of ${endpoint})`;
    case 'enum':
      return `${m.name} (value of ${OWNER_WORDS[m.owner ?? 'body']} of ${endpoint})`;
    default:
      return `${m.name} (${m.kind} parameter of ${endpoint})`;
  }
}

function withDocker(version: string): string {
  const docker = findDockerRelease(version);
  return docker ? `API ${version} (Docker ${docker})` : `API ${version}`;
}

function describeLife(m: SinceMatch): string {
  const parts: string[] = [];
  parts.push(m.changelog === undefined ? `added in ${withDocker(m.added)}` : `in the spec from ${withDocker(m.added)}; the changelog says ${m.changelog}`);
  // An element can vanish and come back: say when it was gone.
  m.absent.forEach((gap, i) => {
    const back = m.present[i + 1];
    if (back) parts.push(`removed in API ${gap.from}, re-added in ${withDocker(back.from)}`);
  });
  if (m.deprecated !== null) parts.push(`deprecated in ${withDocker(m.deprecated)}`);
  if (m.removed !== null) parts.push(`removed in API ${m.removed} (last in ${m.present.at(-1)!.to})`);
  return parts.join('; ');
}
