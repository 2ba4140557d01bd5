import type { ChangelogFacts } from '../history/build.js';
import type { ChangelogMention } from '../model/history.js';
import type { ChangelogDeprecation, HttpMethod, Surface } from '../model/surface.js';
import { compareVersions, normalizeVersion, sortVersions } from '../model/version.js';

/**
 * Reads upstream's hand-written CHANGELOG.md into facts: which endpoints and which parameter or
 * field names each bullet names, and whether it adds, removes, deprecates or changes them.
 * Facts only: no prose is kept, so nothing upstream wrote ends up in the project's output.
 */

/** One bullet reduced to facts; exported for the coverage test and for debugging the parser. */
export interface ChangelogBullet {
  version: string;
  /** 1-based line of the bullet's first line in CHANGELOG.md. */
  line: number;
  /** The bullet's overall kind: that of its first sentence that says more than "changed". */
  change: ChangelogMention['change'];
  endpoints: { method: HttpMethod; path: string }[];
  /**
   * Backticked identifiers that are not endpoints or plain values, each with the kind of the
   * sentence naming it (a bullet can add one field and deprecate another) and what the wording
   * says it is. Replacements named in a deprecation ("renamed to `x`", "use `y` instead") are
   * left out of that sentence.
   */
  names: ChangelogName[];
  /** The bullet says the change is not tied to an API version ("not versioned", "unversioned"). */
  unversioned: boolean;
  /** The bullet deprecates the endpoints themselves, not something inside them. */
  deprecatesEndpoints: boolean;
  /** The bullet introduces the endpoints ("is a new endpoint", "Add `GET /x`"). */
  addsEndpoints: boolean;
}

/**
 * What a bullet's wording says a backticked name is. Only `element` (and `header`, which may be a
 * request header parameter) can be parameters or fields of the model; the rest travel inside
 * them or beside them:
 * - `filter`: a key or value of the JSON-encoded `filters` query parameter (the sentence talks about
 *   filters and names no query parameter);
 * - `event`: an event type or attribute of the `/events` stream;
 * - `header`: an HTTP header (header-shaped name like `X-Registry-Auth`, or the sentence says header);
 * - `option`: a daemon configuration option, log or driver option, label or constraint value;
 * - `stream`: a field of the messages of a JSON progress stream, which no spec describes.
 */
export type ChangelogNameRole = 'element' | 'filter' | 'event' | 'header' | 'option' | 'stream';

export interface ChangelogName {
  name: string;
  change: ChangelogMention['change'];
  role: ChangelogNameRole;
}

const HEADING = /^#{2,4}\s+[vV](\d+\.\d+)\s+API changes/;
const BULLET = /^[*-]\s+/;
const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'];
/** `GET /x` inside backticks, or a method word just before a backticked path (`GET \`/x\``). */
const ENDPOINT_IN_TICKS = /^(GET|POST|PUT|DELETE|HEAD|PATCH|OPTIONS)\s+(\/.*)$/i;
const METHOD_BEFORE_TICKS = /\b(GET|POST|PUT|DELETE|HEAD|PATCH|OPTIONS)\s+$/i;
const NAME = /^[A-Za-z_][A-Za-z0-9_.\-]*$/;
const NOT_NAMES = new Set(['true', 'false', 'null', 'nil']);
/** HTTP header names are hyphenated capitalized words; no Engine API field or parameter looks like that. */
const HEADER_NAME = /^[A-Z][A-Za-z0-9]*(?:-[A-Z][A-Za-z0-9]*)+$/;
/** Right after a name: it is a parameter, whatever the sentence is about. */
const PARAMETER_WORD_AFTER = /^\s*(?:query\s+)?param(?:eter)?s?\b/i;
/** Right after a name: it is a field (unless the sentence is about stream messages). */
const FIELD_WORD_AFTER = /^\s*(?:body\s+|request\s+|response\s+)?(?:field|property|object|array)s?\b/i;
/** Right after a name (or the list it ends), or right before it: an option value ("option" alone names parameters too often). */
const OPTION_WORD_AFTER = /^\s*(?:log-opts?|labels?|constraints?)\b/i;
const OPTION_WORD_BEFORE = /\blabels?\s+$/i;
/** Sentence wording (outside backticks) that says what the names in it are. */
const STREAM_SENTENCE = /\bstreaming\s+(?:responses?|messages?|output)\b|\boutput\s+stream\b|\bJSON\s+stream\b/i;
const FILTER_SENTENCE = /\bfilter(?:s|ing|ed)?\b/i;
const NAMES_A_QUERY_PARAMETER = /\bquery\s+parameters?\b/i;
const EVENT_SENTENCE = /\bevents?\b/i;
const HEADER_SENTENCE = /\bheaders?\b/i;
const OPTION_SENTENCE = /\bdaemon\s+(?:configuration|config|option)s?\b|\blog-opts\b|\blogging\s+driver\s+options?\b/i;
const UNVERSIONED = /(?:^|[^a-z])(?:unversioned|not\s+versioned)(?:[^a-z]|$)/i;
/**
 * Wording that says the named elements existed before and only their behaviour changes ("was
 * previously ignored", "now correctly applies"): such a bullet adds nothing, whatever verb it uses.
 */
const BEHAVIOUR_NOTE = /\b(?:was|were)\s+previously\s+(?:present|ignored|always)\b|\b(?:was|were)\s+ignored\b|\bpreviously\s+ignored\b|\bnow\s+correctly\b/i;

export function parseChangelog(text: string): ChangelogFacts {
  const bullets = parseChangelogBullets(text);
  const deprecations: ChangelogDeprecation[] = [];
  const mentions: ChangelogMention[] = [];
  const seenMention = new Set<string>();
  const seenDeprecation = new Set<string>();
  const addMention = (m: ChangelogMention) => {
    const key = JSON.stringify([m.version, m.method, m.path, m.name ?? null, m.change]);
    if (seenMention.has(key)) return;
    seenMention.add(key);
    mentions.push(m);
  };
  const addDeprecation = (d: ChangelogDeprecation) => {
    const key = JSON.stringify([d.version, d.method, d.path, d.name ?? null]);
    if (seenDeprecation.has(key)) return;
    seenDeprecation.add(key);
    deprecations.push(d);
  };

  for (const bullet of bullets) {
    // Filter keys, event types, options and stream message fields are not parameters or fields.
    const modelNames = bullet.names.filter((n) => isModelRole(n.role));
    for (const { method, path } of bullet.endpoints) {
      const base = { version: bullet.version, method, path };
      if (bullet.deprecatesEndpoints) {
        addDeprecation(base);
        addMention({ ...base, change: 'deprecated' });
      } else if (bullet.addsEndpoints || modelNames.length === 0) {
        // A bullet naming only values inside the endpoint ("a new `label` filter") changes the endpoint's behaviour.
        addMention({ ...base, change: bullet.names.length > 0 && !bullet.addsEndpoints ? 'changed' : bullet.change });
      }
      for (const { name, change } of modelNames) {
        if (change === 'deprecated') addDeprecation({ ...base, name });
        addMention({ ...base, name, change });
      }
    }
  }
  return { deprecations, mentions };
}

/** Whether a name of this role can be a parameter or field of the model (headers: request header parameters). */
export function isModelRole(role: ChangelogNameRole): boolean {
  return role === 'element' || role === 'header';
}

export function parseChangelogBullets(text: string): ChangelogBullet[] {
  const bullets: ChangelogBullet[] = [];
  let version: string | undefined;
  let current: { line: number; lines: string[] } | undefined;
  let blankSeen = false;

  const flush = () => {
    if (current && version) {
      const bullet = toBullet(version, current.line, current.lines.join(' '));
      if (bullet) bullets.push(bullet);
    }
    current = undefined;
  };

  text.split(/\r?\n/).forEach((raw, index) => {
    const heading = HEADING.exec(raw);
    if (heading) {
      flush();
      version = normalizeVersion(heading[1]!);
      return;
    }
    if (/^#/.test(raw)) {
      // A sub-heading inside a version ("What's new") keeps the version; a deeper topic ends the bullet.
      flush();
      return;
    }
    if (BULLET.test(raw)) {
      flush();
      current = { line: index + 1, lines: [raw.replace(BULLET, '')] };
      blankSeen = false;
      return;
    }
    if (raw.trim() === '') {
      blankSeen = true;
      return;
    }
    if (!current) return;
    // After a blank line only indented text still belongs to the bullet (code blocks, paragraphs).
    if (blankSeen && !/^\s/.test(raw)) {
      flush();
      return;
    }
    // Indented example blocks carry no facts.
    if (/^\s{4,}\S/.test(raw) && blankSeen) return;
    current.lines.push(raw.trim());
  });
  flush();
  return bullets;
}

function toBullet(version: string, line: number, text: string): ChangelogBullet | undefined {
  const endpoints: { method: HttpMethod; path: string }[] = [];
  const names: ChangelogBullet['names'] = [];
  const sentences = splitSentences(text);
  const isBehaviour = BEHAVIOUR_NOTE.test(text);
  const kinds = sentences.map((sentence, i) => {
    const kind = classifyChange(sentence, i === 0);
    return isBehaviour && kind === 'added' ? 'changed' : kind;
  });
  const bulletKind = kinds.find((k) => k !== 'changed') ?? 'changed';
  let deprecatesEndpoints = false;
  const headerBullet = HEADER_SENTENCE.test(withoutCode(text));

  sentences.forEach((sentence, i) => {
    const kind = kinds[i] === 'changed' ? bulletKind : kinds[i]!;
    const sentenceNames: string[] = [];
    const roles = new Map<string, ChangelogNameRole>();
    const prose = withoutCode(sentence);
    let endpointIsSubject = false;
    for (const span of sentence.matchAll(/`([^`]+)`|"([A-Za-z_][\w.-]*)"(?=(?:,?\s+(?:and\s+)?"[^"]*")*\s+fields?\b)/g)) {
      const content = (span[1] ?? span[2]!).trim();
      const before = sentence.slice(0, span.index);
      const after = sentence.slice(span.index + span[0].length);
      const inTicks = span[1] !== undefined ? ENDPOINT_IN_TICKS.exec(content) : null;
      const methodBefore = METHOD_BEFORE_TICKS.exec(before);
      let endpoint: { method: HttpMethod; path: string } | undefined;
      if (inTicks) endpoint = toEndpoint(inTicks[1]!, inTicks[2]!);
      else if (content.startsWith('/') && methodBefore) endpoint = toEndpoint(methodBefore[1]!, content);
      if (endpoint) {
        if (!endpoints.some((e) => e.method === endpoint.method && e.path === endpoint.path)) endpoints.push(endpoint);
        if (/^\s*(?:endpoints?\s+)?(?:is|are)\s+(?:now\s+)?deprecated\b/i.test(after)) endpointIsSubject = true;
        continue;
      }
      if (content.startsWith('/')) continue;
      if (!NAME.test(content) || NOT_NAMES.has(content.toLowerCase()) || /^v?\d/.test(content)) continue;
      // "renamed to `x`", "in favor of `x`", "use `x` instead": the replacement, not the deprecated thing.
      if (kind === 'deprecated' && /(?:renamed to|in favou?r of|replaced by|\buse|\binstead)\b.*$/i.test(before)) continue;
      // "`X` in `Config`", "the following `Config` fields": the container of what is deprecated.
      if (kind === 'deprecated' && /\b(?:in|of|within|following)\s+(?:the\s+)?$/i.test(before)) continue;
      // "no longer includes `<none>` in `RepoTags`", "a limit for `KernelMemory`": the element whose
      // content or rules change; it is not itself added or removed.
      if ((kind === 'added' || kind === 'removed') && /\b(?:in|within|from|for)\s+(?:the\s+)?$/i.test(before.replace(LIST_HEAD, ''))) {
        if (!names.some((n) => n.name === content && n.change === 'changed')) {
          names.push({ name: content, change: 'changed', role: classifyRole(content, withoutCode(sentence), before, after, headerBullet) });
        }
        continue;
      }
      // "renames `a` to `b`": `a` is not added, whatever the rest of the sentence says.
      if (/\brename[sd]?\s+$/i.test(before)) {
        if (!names.some((n) => n.name === content && n.change === 'changed')) {
          names.push({ name: content, change: 'changed', role: classifyRole(content, withoutCode(sentence), before, after, headerBullet) });
        }
        continue;
      }
      if (!sentenceNames.includes(content)) sentenceNames.push(content);
      if (!roles.has(content)) roles.set(content, classifyRole(content, prose, before, after, headerBullet));
    }
    if (kind === 'deprecated' && sentenceNames.length === 0 && (endpointIsSubject || /\bendpoints\s+are\s+(?:now\s+)?deprecated\b/i.test(sentence))) {
      deprecatesEndpoints = true;
    }
    for (const name of sentenceNames) {
      if (!names.some((n) => n.name === name && n.change === kind)) names.push({ name, change: kind, role: roles.get(name) ?? 'element' });
    }
  });
  // Bullets naming no endpoint in backticks ("The `HostConfig` field now includes ...") carry no endpoint facts.
  if (endpoints.length === 0) return undefined;
  const addsEndpoints = /\bnew endpoint\b|\bis a new\b|^\s*add(?:ed)?\b/i.test(text) && bulletKind === 'added';
  return { version, line, change: bulletKind, endpoints, names, unversioned: UNVERSIONED.test(text), deprecatesEndpoints, addsEndpoints };
}

/** The sentence with every backticked span blanked: wording about names, not the names themselves. */
function withoutCode(text: string): string {
  return text.replace(/`[^`]*`/g, ' ');
}

/** A list of backticked or quoted names continuing after (or leading up to) one: "`a`, `b` and `c`". */
const LIST_TAIL = /^(?:\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|\/)\s*(?:`[^`]+`|"[^"]+"))*/;
const LIST_HEAD = /(?:(?:`[^`]+`|"[^"]+")\s*(?:,\s*(?:and\s*|or\s*)?|and\s*|or\s*|\/)\s*)*$/;

/**
 * What the wording says a name is (see ChangelogNameRole). Words right next to the name decide
 * first, then what the sentence is about. A header-shaped name is a header; "`x` query parameter"
 * is a parameter even in a sentence about streams; a sentence about stream messages makes its
 * "fields" message fields.
 */
function classifyRole(name: string, prose: string, before: string, after: string, headerBullet: boolean): ChangelogNameRole {
  if (HEADER_NAME.test(name)) return 'header';
  const tail = after.replace(LIST_TAIL, '');
  const head = before.replace(LIST_HEAD, '');
  if (PARAMETER_WORD_AFTER.test(tail)) return 'element';
  if (STREAM_SENTENCE.test(prose)) return 'stream';
  if (FIELD_WORD_AFTER.test(tail)) return 'element';
  if (OPTION_WORD_AFTER.test(tail) || OPTION_WORD_BEFORE.test(head)) return 'option';
  if (HEADER_SENTENCE.test(prose) || (headerBullet && /^\s*header\b/i.test(tail))) return 'header';
  if (FILTER_SENTENCE.test(prose) && !NAMES_A_QUERY_PARAMETER.test(prose)) return 'filter';
  if (EVENT_SENTENCE.test(prose)) return 'event';
  if (OPTION_SENTENCE.test(prose)) return 'option';
  return 'element';
}

/** Sentence ends: a period, then space and a capital, backtick or end; abbreviations are rare enough here. */
function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z`*"])/).filter((s) => s.trim() !== '');
}

function classifyChange(sentence: string, isFirst: boolean): ChangelogMention['change'] {
  // Announcements of future removals are part of a deprecation, not a removal in this version.
  const text = sentence
    .replace(/\b(?:will|to)\s+be\s+(?:removed|omitted)\b|\bwill\s+no\s+longer\b/gi, ' ')
    // "was added in API v1.44", "were marked deprecated in API v1.4": history of another version.
    .replace(/\b(?:was|were|been)\s+(?:\w+\s+)?(?:added|removed|introduced|deprecated)\s+in\s+(?:API\s+)?v?\d+\.\d+\b/gi, ' ')
    // "clients no longer need to": a client's chore going away, not an element.
    .replace(/\bno\s+longer\s+needs?\s+to\b/gi, ' ');
  // Answering with a status code or another value of the same element is behaviour: "now returns a
  // `400` status code if", "now returns an empty string, instead of `<unknown>`".
  if (/\breturns?\s+(?:an?\s+)?`?\d{3}`?\s+(?:status|error|if|when)\b|\binstead\s+of\b(?![^.]*\binstead\b)/i.test(text) && !/\bdeprecated\b/i.test(text)) {
    return 'changed';
  }
  // A deprecated behaviour ("this behavior is now deprecated") marks nothing in the model.
  if (/\bbehaviou?r\b[^.]*\bdeprecated\b/i.test(text)) return 'changed';
  if (/(?<!\bwhich\s)\b(?:is|are)\s+(?:now\s+)?deprecated\b/i.test(text)) return 'deprecated';
  if (/\bremoved\b|\bno longer\b|\b(?:is|are|now)\s+(?:now\s+)?omitted\b/i.test(text)) return 'removed';
  if (isFirst && /^\s*deprecated\s*:/i.test(text)) return 'deprecated';
  if (
    /\bnew endpoint\b|\bnow (?:also )?(?:supports?|accepts?|allows?|includes?|returns?|takes?|has|contains?)\b|\badds?\b|\badded\b|\bnew\b/i.test(
      text,
    )
  )
    return 'added';
  return 'changed';
}

/**
 * Canonical form of a path as the changelog writes it: `(id)`, `<id>`, `{id or name}` and
 * `{name:.*}` become the template parameter the specs use for that resource, trailing slashes
 * and query strings go, and the occasional singular typo (`/service/create`) is mapped.
 */
export function normalizeChangelogPath(raw: string): string {
  let path = raw.replace(/[?#].*$/, '').replace(/[.,;:]+$/, '').replace(/([^/])([({<])/g, '$1/$2');
  path = path.replace(/\(([^)]*)\)|<([^>]*)>|\{([^}]*)\}/g, '{param}');
  const segments = path.split('/').filter((s, i, all) => s !== '' || i === 0 || i === all.length - 1);
  const fixed = segments.map((s) => SINGULAR_TYPOS[s] ?? s);
  for (let i = 1; i < fixed.length; i++) {
    if (fixed[i] === '{param}') fixed[i] = `{${PARAM_BY_RESOURCE[fixed[i - 1] ?? ''] ?? 'id'}}`;
  }
  let result = fixed.join('/');
  if (result.length > 1) result = result.replace(/\/+$/, '');
  return result === '' ? '/' : result;
}

/** Path parameter names the Swagger specs use, by the resource segment before them. */
const PARAM_BY_RESOURCE: Record<string, string> = {
  images: 'name',
  volumes: 'name',
  plugins: 'name',
  distribution: 'name',
  pprof: 'name',
};

const SINGULAR_TYPOS: Record<string, string> = {
  container: 'containers',
  service: 'services',
  node: 'nodes',
};

function toEndpoint(methodText: string, rawPath: string): { method: HttpMethod; path: string } | undefined {
  const method = methodText.toUpperCase() as HttpMethod;
  if (!METHODS.includes(method)) return undefined;
  return { method, path: normalizeChangelogPath(rawPath) };
}

/**
 * The changelog names fields by their last segment (`CgroupnsMode`) or a partial path
 * (`BindOptions.NonRecursive`); the specs use full dotted paths (`HostConfig.CgroupnsMode`).
 * Rewrites each name to the one element of that endpoint it can only mean, looking at the
 * version the fact is about (the version before it for removals); ambiguous or unknown names stay.
 */
export function resolveChangelogNames(facts: ChangelogFacts, surfaces: readonly Surface[]): ChangelogFacts {
  const byVersion = new Map(surfaces.map((s) => [s.version, s]));
  const ordered = sortVersions(byVersion.keys());
  const previousOf = (version: string): string | undefined => ordered.filter((v) => compareVersions(v, version) < 0).pop();
  const resolve = <T extends { version: string; method: HttpMethod; path: string; name?: string }>(fact: T, removal: boolean): T => {
    if (fact.name === undefined) return fact;
    const versions = removal ? [previousOf(fact.version), fact.version] : [fact.version, previousOf(fact.version)];
    for (const v of versions) {
      if (!v) continue;
      const endpoint = byVersion.get(v)?.endpoints.find((e) => e.method === fact.method && e.path === fact.path);
      if (!endpoint) continue;
      const resolved = resolveName(fact.name, [
        ...endpoint.parameters.map((p) => p.name),
        ...endpoint.requestBody.map((f) => f.path),
        ...endpoint.response.map((f) => f.path),
      ]);
      if (resolved) return { ...fact, name: resolved };
    }
    return fact;
  };
  return {
    deprecations: facts.deprecations.map((d) => resolve(d, false)),
    mentions: facts.mentions.map((m) => resolve(m, m.change === 'removed')),
  };
}

/** The unique candidate equal to `name` or ending with `.name`; undefined when none or several. */
export function resolveName(name: string, candidates: readonly string[]): string | undefined {
  if (candidates.includes(name)) return name;
  const suffix = `.${name}`;
  const matches = [...new Set(candidates.filter((c) => c.endsWith(suffix) || c.replace(/\.\*(?=\.|$)/g, '').endsWith(suffix)))];
  if (matches.length === 1) return matches[0];
  // Prefer the shallowest when one is strictly shallower than the rest (`Config.Env` over `Config.Env.*`).
  const depth = (c: string) => c.split('.').length;
  const sorted = matches.sort((a, b) => depth(a) - depth(b));
  if (sorted.length > 1 && depth(sorted[0]!) < depth(sorted[1]!)) return sorted[0];
  return undefined;
}
