import type { SourceLine } from './lines.js';

export interface ExampleBody {
  /** HTTP status of a response example; undefined for requests. */
  status?: number;
  /** The first complete JSON value of the body, when there is one. */
  json?: unknown;
  /** The body looked like JSON (`{` or `[`) but no prefix of it parses. */
  isBrokenJson: boolean;
  /** Line of the body's first JSON line, for reports. */
  line?: number;
  text?: string;
}

const STATUS_LINE = /HTTP\/1\.[01]\s+(\d{3})\b/;
const REQUEST_LINE = /^\s*(GET|POST|PUT|DELETE|HEAD|PATCH|OPTIONS)\s+\S+\s+HTTP\/1\.[01]/;
/** `{{ STREAM }}`, `{% raw %}`: template placeholders where a body is not shown. */
const TEMPLATE_MARKER = /^\s*(\{\{.*\}\}|\{%.*%\})\s*$/;
const FENCE = /^\s*```/;
/** Examples are small; the cap bounds the work on hostile input. */
const MAX_BODY_CHARS = 200_000;

/**
 * Reads the body of one example region (the lines under `**Example response**:`). The body is
 * the first complete JSON value (streams show several objects in a row). Upstream examples are
 * often slightly broken (a missing comma, a `....` line); `repairExampleJson` fixes only those
 * two slips, and anything still unparseable is reported as broken rather than guessed at.
 */
export function readExampleBody(lines: readonly SourceLine[]): ExampleBody {
  let status: number | undefined;
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.isComment || TEMPLATE_MARKER.test(line.text)) continue;
    const statusMatch = STATUS_LINE.exec(line.text);
    if (statusMatch && status === undefined && !REQUEST_LINE.test(line.text)) status = Number(statusMatch[1]);
    const trimmed = line.text.trim();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      start = i;
      break;
    }
  }
  const withStatus = status === undefined ? {} : { status };
  if (start < 0) return { ...withStatus, isBrokenJson: false };

  const body = lines.slice(start).filter((l) => !l.isComment && !FENCE.test(l.text) && !TEMPLATE_MARKER.test(l.text));
  const text = body
    .map((l) => l.text)
    .join('\n')
    .slice(0, MAX_BODY_CHARS);
  const json = parseFirstJsonValue(text);
  if (json.ok) return { ...withStatus, json: json.value, isBrokenJson: false, line: body[0]!.number };
  return { ...withStatus, isBrokenJson: true, line: body[0]!.number, text: body[0]!.text.trim() };
}

type ParseOutcome = { ok: true; value: unknown } | { ok: false };

/** The first balanced `{...}` / `[...]` of the text, parsed strictly, then once more after repair. */
export function parseFirstJsonValue(text: string): ParseOutcome {
  const end = findValueEnd(text);
  if (end < 0) return { ok: false };
  const candidate = text.slice(0, end + 1);
  for (const attempt of [candidate, repairExampleJson(candidate)]) {
    try {
      return { ok: true, value: JSON.parse(attempt) as unknown };
    } catch {
      // Try the repaired text next.
    }
  }
  return { ok: false };
}

/** Index of the bracket closing the value that opens the text; -1 when it never closes. Iterative: examples may nest deeply. */
function findValueEnd(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i;
      if (depth < 0) return -1;
    }
  }
  return -1;
}

const ELLIPSIS_LINE = /^\s*(\.{2,}|…)\s*,?\s*$/;
const ENDS_WITH_VALUE = /("|\d|\]|\}|\btrue|\bfalse|\bnull)\s*$/;
const STARTS_WITH_VALUE = /^\s*["{[]/;

/** Drops `....` elision lines, adds a comma missing at a line end, removes a comma left before a closing bracket. */
export function repairExampleJson(text: string): string {
  const lines = text.split('\n').filter((l) => !ELLIPSIS_LINE.test(l) && l.trim() !== '');
  for (let i = 0; i < lines.length - 1; i++) {
    if (ENDS_WITH_VALUE.test(lines[i]!) && STARTS_WITH_VALUE.test(lines[i + 1]!)) lines[i] = `${lines[i]!},`;
  }
  return lines.join('\n').replace(/,(\s*[}\]])/g, '$1');
}

/** JSON value -> the surface's type names: `integer`, `array<string>`, ...; undefined for null. */
export function describeJsonType(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (Array.isArray(value)) {
    const itemTypes = new Set(value.map(describeJsonType).filter((t): t is string => t !== undefined));
    return itemTypes.size === 1 ? `array<${[...itemTypes][0]!}>` : 'array';
  }
  return 'object';
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object a list endpoint's example shows: the body itself, or the first element of an array body. */
export function representativeObject(value: unknown): Record<string, unknown> | undefined {
  if (isJsonObject(value)) return value;
  if (Array.isArray(value) && isJsonObject(value[0])) return value[0];
  return undefined;
}

/** Follows a dotted field path (`HostConfig.Binds`) through an example, stepping into arrays' first element. */
export function lookUpExampleValue(root: unknown, path: readonly string[]): unknown {
  let value: unknown = root;
  for (const name of path) {
    const object = representativeObject(value);
    if (!object || !Object.hasOwn(object, name)) return undefined;
    value = object[name];
  }
  return value;
}
