import type { Deprecation, Field, UnparsedItem } from '../../model/surface.js';
import { readDeprecation } from './deprecation.js';

/** Schema nesting followed from a body root; Engine API bodies stay well below this. */
export const MAX_SCHEMA_DEPTH = 12;
/** Fields read from one body; a guard against shared-reference explosions, far above real bodies. */
export const MAX_FIELDS_PER_BODY = 5_000;
/** `$ref` hops and `allOf` levels followed while resolving one schema. */
const MAX_RESOLVE_STEPS = 32;
/** Schema resolutions for one context: `allOf` fan-out over a deep DAG would otherwise be exponential. */
export const MAX_RESOLUTIONS_PER_CONTEXT = 200_000;

type SchemaObject = Record<string, unknown>;

/** What the flattener needs around one body: the document for `#/...` pointers, and where to report. */
export interface SchemaContext {
  document: unknown;
  unparsed: UnparsedItem[];
  /** Human label for unparsed items, e.g. `POST /containers/create request`. */
  where: string;
  /** Resolutions spent so far; starts at 0 when absent. */
  resolutions?: number;
}

/** A schema with `$ref` and `allOf` folded away; `identity` is the document node it came from, for cycle checks. */
interface ResolvedSchema {
  schema: SchemaObject;
  identity: object;
}

function isObject(value: unknown): value is SchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** RFC 6901 pointer inside the same document (`#/definitions/Foo`). */
function resolvePointer(document: unknown, ref: string): unknown {
  let node: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    if (raw === '' && ref === '#/') break;
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    if (!Object.hasOwn(node, key)) return undefined;
    node = (node as SchemaObject)[key];
  }
  return node;
}

function report(ctx: SchemaContext, reason: string, detail: string): void {
  ctx.unparsed.push({ reason, text: `${ctx.where}: ${detail}`.slice(0, 200) });
}

/** Follows a chain of internal `$ref`s to the node it ends at; undefined (and nothing reported) if it dangles or loops. */
export function followReference(document: unknown, node: unknown): unknown {
  let current = node;
  const seen = new Set<unknown>();
  while (isObject(current) && typeof current.$ref === 'string') {
    if (seen.has(current) || !current.$ref.startsWith('#/')) return undefined;
    seen.add(current);
    current = resolvePointer(document, current.$ref);
  }
  return current;
}

/**
 * Follows `$ref`s the dereferencer left in place (circular ones) and merges `allOf` members.
 * Sibling keys of a `$ref` (a description saying "Deprecated") win over the target's.
 * `chain` holds the nodes being resolved right now, so self-referencing allOf/ref loops stop at once.
 */
function resolveSchema(node: unknown, ctx: SchemaContext, at: string, chain?: Set<object>): ResolvedSchema | undefined {
  if (!isObject(node)) return undefined;
  // The common case after dereferencing, a plain schema at the start of a chain: the same checks
  // as below without allocating a chain (this runs once per property of every body).
  if (chain === undefined && typeof node.$ref !== 'string' && !Array.isArray(node.allOf)) {
    ctx.resolutions = (ctx.resolutions ?? 0) + 1;
    if (ctx.resolutions > MAX_RESOLUTIONS_PER_CONTEXT) {
      if (ctx.resolutions === MAX_RESOLUTIONS_PER_CONTEXT + 1) {
        report(ctx, `more than ${MAX_RESOLUTIONS_PER_CONTEXT} schema resolutions; rest not read`, at || '(body)');
      }
      return undefined;
    }
    return { schema: node, identity: node };
  }
  chain ??= new Set();
  if (chain.has(node)) {
    report(ctx, 'circular schema cut', at || '(body)');
    return undefined;
  }
  ctx.resolutions = (ctx.resolutions ?? 0) + 1;
  if (ctx.resolutions > MAX_RESOLUTIONS_PER_CONTEXT) {
    if (ctx.resolutions === MAX_RESOLUTIONS_PER_CONTEXT + 1) {
      report(ctx, `more than ${MAX_RESOLUTIONS_PER_CONTEXT} schema resolutions; rest not read`, at || '(body)');
    }
    return undefined;
  }
  if (chain.size > MAX_RESOLVE_STEPS) {
    report(ctx, 'schema reference chain too long', at || '(body)');
    return undefined;
  }
  chain.add(node);
  try {
    const ref = node.$ref;
    if (typeof ref === 'string') {
      if (!ref.startsWith('#/')) {
        report(ctx, 'external $ref not followed', `${at || '(body)'} -> ${ref}`);
        return undefined;
      }
      const target = resolvePointer(ctx.document, ref);
      if (!isObject(target)) {
        report(ctx, 'unresolved $ref', `${at || '(body)'} -> ${ref}`);
        return undefined;
      }
      const resolved = resolveSchema(target, ctx, at, chain);
      if (!resolved) return undefined;
      const { $ref: _ignored, ...siblings } = node;
      return Object.keys(siblings).length === 0
        ? resolved
        : { schema: { ...resolved.schema, ...siblings }, identity: resolved.identity };
    }
    if (!Array.isArray(node.allOf)) return { schema: node, identity: node };

    const merged: SchemaObject = {};
    const properties: SchemaObject = {};
    for (const member of node.allOf) {
      const resolved = resolveSchema(member, ctx, at, chain);
      if (!resolved) continue;
      const { properties: memberProperties, description, deprecated, ...rest } = resolved.schema;
      Object.assign(merged, rest);
      if (isObject(memberProperties)) Object.assign(properties, memberProperties);
      // A member's own wording applies only when the combined schema says nothing itself.
      merged.description ??= description;
      merged.deprecated ??= deprecated;
    }
    const { allOf: _allOf, properties: ownProperties, ...own } = node;
    if (isObject(ownProperties)) Object.assign(properties, ownProperties);
    Object.assign(merged, own);
    if (Object.keys(properties).length > 0) merged.properties = properties;
    merged.type ??= 'object';
    return { schema: merged, identity: node };
  } finally {
    chain.delete(node);
  }
}

/** True for bodies that are a byte stream, not a JSON document (`type: file`, `format: binary`). */
export function isBinarySchema(node: unknown): boolean {
  return isObject(node) && (node.type === 'file' || node.format === 'binary');
}

function renderEnumValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function readEnum(schema: SchemaObject): string[] | undefined {
  const values = Array.isArray(schema.enum) ? schema.enum : undefined;
  return values && values.length > 0 ? values.map(renderEnumValue) : undefined;
}

/** `string`, `integer`, `object`, `array<string>`, `array<object>`; `unknown` when the schema says nothing. */
export function describeType(schema: SchemaObject, ctx: SchemaContext, depth = 0): string {
  const type = schema.type;
  if (type === 'array' || (type === undefined && schema.items !== undefined)) {
    if (depth > MAX_SCHEMA_DEPTH) return 'array<unknown>';
    const items = resolveSchema(schema.items, ctx, '(items)');
    return `array<${items ? describeType(items.schema, ctx, depth + 1) : 'unknown'}>`;
  }
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.map(String).join('|');
  if (schema.properties !== undefined || schema.additionalProperties !== undefined) return 'object';
  // Older specs give some enums no type (v1.25 `BindOptions.Propagation`); the values tell.
  if (Array.isArray(schema.enum) && schema.enum.length > 0 && schema.enum.every((v) => typeof v === 'string')) {
    return 'string';
  }
  return 'unknown';
}

/** The enum of a value, or of an array's items (`array<string>` with allowed values). */
function readFieldEnum(schema: SchemaObject, ctx: SchemaContext): string[] | undefined {
  const own = readEnum(schema);
  if (own || schema.type !== 'array') return own;
  const items = resolveSchema(schema.items, ctx, '(items)');
  return items ? readEnum(items.schema) : undefined;
}

/**
 * Flattens a body schema into dotted fields: properties add `.name`, arrays add nothing, map
 * values add `*`. Cycles are cut at the first repeat and reported; output is sorted by path.
 */
export function flattenSchema(root: unknown, ctx: SchemaContext): Field[] {
  const fields = new Map<string, Field>();
  const trail = new Set<object>();
  let budgetReported = false;

  const emit = (path: string, schema: SchemaObject, inherited: Deprecation | undefined): Deprecation | undefined => {
    const deprecated = readDeprecation(schema) ?? inherited;
    const existing = fields.get(path);
    if (existing) {
      existing.deprecated ??= deprecated;
      return existing.deprecated;
    }
    if (fields.size >= MAX_FIELDS_PER_BODY) {
      if (!budgetReported) report(ctx, `body has more than ${MAX_FIELDS_PER_BODY} fields; rest not read`, path);
      budgetReported = true;
      return deprecated;
    }
    const field: Field = { path, type: describeType(schema, ctx) };
    const values = readFieldEnum(schema, ctx);
    if (values) field.enum = values;
    if (deprecated) field.deprecated = deprecated;
    fields.set(path, field);
    return deprecated;
  };

  const visit = (resolved: ResolvedSchema, prefix: string, depth: number, inherited: Deprecation | undefined): void => {
    if (budgetReported) return;
    if (trail.has(resolved.identity)) {
      report(ctx, 'circular schema cut', prefix || '(body)');
      return;
    }
    if (depth > MAX_SCHEMA_DEPTH) {
      report(ctx, `schema nested deeper than ${MAX_SCHEMA_DEPTH} levels; rest not read`, prefix);
      return;
    }
    const { schema } = resolved;
    trail.add(resolved.identity);
    const join = (name: string): string => (prefix ? `${prefix}.${name}` : name);

    if (schema.items !== undefined) {
      const items = resolveSchema(schema.items, ctx, prefix);
      if (items) visit(items, prefix, depth + 1, inherited);
    }
    if (isObject(schema.properties)) {
      for (const [name, child] of Object.entries(schema.properties)) {
        const path = join(name);
        const resolved = resolveSchema(child, ctx, path);
        if (!resolved) continue;
        const deprecated = emit(path, resolved.schema, inherited);
        visit(resolved, path, depth + 1, deprecated);
      }
    }
    if (isObject(schema.additionalProperties)) {
      const path = join('*');
      const resolved = resolveSchema(schema.additionalProperties, ctx, path);
      if (resolved) {
        const deprecated = emit(path, resolved.schema, inherited);
        visit(resolved, path, depth + 1, deprecated);
      }
    }
    trail.delete(resolved.identity);
  };

  const start = resolveSchema(root, ctx, '');
  if (start && !isBinarySchema(start.schema)) visit(start, '', 0, readDeprecation(start.schema));
  return [...fields.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
