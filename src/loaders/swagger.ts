import { readFile } from 'node:fs/promises';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { InputError } from '../errors.js';
import type {
  Endpoint,
  Field,
  HttpMethod,
  Parameter,
  ParameterLocation,
  Surface,
  UnparsedItem,
} from '../model/surface.js';
import { normalizeVersion } from '../model/version.js';
import { readDeprecation } from './swagger/deprecation.js';
import { describeType, flattenSchema, followReference, isBinarySchema, readEnum, type SchemaContext } from './swagger/fields.js';
import { findSwaggerSchemaProblem } from './swagger/validate.js';
import { parseYamlDocument } from './swagger/yaml.js';

export interface SwaggerLoadOptions {
  /**
   * Validate against the Swagger 2.0 schema before dereferencing (default true). Validation is
   * about two thirds of the load time; a failure never fails the load, it is recorded in `unparsed`.
   */
  validate?: boolean;
}

type JsonObject = Record<string, unknown>;

/** Nodes once internal `$ref`s are inlined; real Engine API specs stay under 16,000. */
export const MAX_EXPANDED_NODES = 500_000;

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'];
const PARAMETER_LOCATIONS: readonly string[] = ['query', 'path', 'header'] satisfies ParameterLocation[];

/**
 * The user's spec is never allowed to reach outside itself: no file reads, no network.
 * Circular references stay as `$ref` nodes; the field flattener cuts them itself.
 */
const PARSER_OPTIONS: SwaggerParser.Options = {
  resolve: { external: false, file: false, http: false },
  dereference: { circular: 'ignore' },
};

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export async function loadSwaggerSpec(file: string, options: SwaggerLoadOptions = {}): Promise<Surface> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read spec (${code ?? (error as Error).message})`, file);
  }
  return parseSwaggerSpec(text, file, undefined, options);
}

/**
 * Parses a Swagger 2.0 Engine API document (v1.25 and later) into the normalized surface.
 * `version` overrides what the document and the file name say.
 */
export async function parseSwaggerSpec(
  text: string,
  file: string,
  version?: string,
  options: SwaggerLoadOptions = {},
): Promise<Surface> {
  const { value: document, size } = parseYamlDocument(text, file);
  if (!isObject(document) || document.swagger !== '2.0' || !isObject(document.paths)) {
    throw new InputError('not a Docker Engine API spec (expected a Swagger 2.0 document with paths)', file);
  }
  const canonical = readVersion(document, file, version);
  const unparsed: UnparsedItem[] = [];
  let api: JsonObject;
  if (size.expanded > MAX_EXPANDED_NODES) {
    // swagger-parser inlines every reference eagerly and would take exponential time here.
    unparsed.push({
      reason: 'references expand too far to inline; not validated, references followed lazily',
      text: `more than ${MAX_EXPANDED_NODES} nodes once $refs are inlined`,
    });
    api = document;
  } else {
    api = await dereference(document, text, file, options.validate ?? true, unparsed);
  }

  const endpoints: Endpoint[] = [];
  const paths = isObject(api.paths) ? api.paths : {};
  for (const [template, pathItem] of Object.entries(paths)) {
    if (!isObject(pathItem)) {
      unparsed.push({ reason: 'path item is not an object', text: template });
      continue;
    }
    for (const method of METHODS) {
      const operation = pathItem[method.toLowerCase()];
      if (operation === undefined) continue;
      if (!isObject(operation)) {
        unparsed.push({ reason: 'operation is not an object', text: `${method} ${template}` });
        continue;
      }
      endpoints.push(readEndpoint(api, method, template, pathItem, operation, unparsed));
    }
    for (const key of Object.keys(pathItem)) {
      if (key === '$ref') unparsed.push({ reason: 'path item $ref not followed', text: `${template} -> ${String(pathItem.$ref)}` });
      else if (key !== 'parameters' && !key.startsWith('x-') && !METHODS.some((m) => m.toLowerCase() === key)) {
        unparsed.push({ reason: 'unknown path item key', text: `${template} ${key}` });
      }
    }
  }
  endpoints.sort((a, b) => compareText(a.path, b.path) || METHODS.indexOf(a.method) - METHODS.indexOf(b.method));
  return { version: canonical, format: 'swagger', endpoints, unparsed: dedupeUnparsed(unparsed) };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function readVersion(document: JsonObject, file: string, override: string | undefined): string {
  const fromInfo = isObject(document.info) ? document.info.version : undefined;
  const fromName = /v?(\d+\.\d+)\.(?:ya?ml|json)$/i.exec(path.basename(file))?.[1];
  for (const candidate of [override, typeof fromInfo === 'string' ? fromInfo : undefined, fromName]) {
    const canonical = candidate === undefined ? undefined : normalizeVersion(candidate);
    if (canonical) return canonical;
  }
  throw new InputError('cannot tell the API version (no info.version like "1.41", no v1.41.yaml file name)', file);
}

/**
 * Validation first, as asked of every spec; a document that fails it (some hand-edited upstream
 * files might) is still dereferenced and loaded, with the failure recorded rather than fatal.
 * The Swagger schema check runs on the raw document with a validator compiled once (see
 * ./swagger/validate.ts); swagger-parser then dereferences and runs its semantic spec checks.
 */
async function dereference(
  document: JsonObject,
  text: string,
  file: string,
  validate: boolean,
  unparsed: UnparsedItem[],
): Promise<JsonObject> {
  if (validate) {
    const problem = findSwaggerSchemaProblem(document);
    if (problem) {
      unparsed.push({ reason: 'Swagger validation failed; loaded without validation', text: `Swagger schema validation failed: ${problem}` });
    } else {
      try {
        const options = { ...PARSER_OPTIONS, validate: { schema: false, spec: true } } as SwaggerParser.Options;
        return (await new SwaggerParser().validate(document as never, options)) as unknown as JsonObject;
      } catch (error) {
        unparsed.push({ reason: 'Swagger validation failed; loaded without validation', text: summarizeValidation(error) });
        // swagger-parser mutates what it is given; start again from the text.
        document = parseYamlDocument(text, file).value as JsonObject;
      }
    }
  }
  try {
    return (await new SwaggerParser().dereference(document as never, PARSER_OPTIONS)) as unknown as JsonObject;
  } catch (error) {
    // A dangling `#/...` pointer fails the whole dereference; the raw document still loads, since
    // the readers below follow internal pointers themselves and report the ones that dangle.
    unparsed.push({ reason: 'dereference failed; references followed one by one', text: firstLine(error) });
    return parseYamlDocument(text, file).value as JsonObject;
  }
}

/** "Swagger schema validation failed: <first problem> (+N more)", one line. */
function summarizeValidation(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const [head = 'validation failed', first, ...rest] = lines;
  const summary = first ? `${head.replace(/\.$/, '')}: ${first}${rest.length > 0 ? ` (+${rest.length} more)` : ''}` : head;
  return summary.slice(0, 300);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n').find((line) => line.trim() !== '') ?? message).trim().slice(0, 200);
}

function readEndpoint(
  api: JsonObject,
  method: HttpMethod,
  template: string,
  pathItem: JsonObject,
  operation: JsonObject,
  unparsed: UnparsedItem[],
): Endpoint {
  const label = `${method} ${template}`;
  const parameters: Parameter[] = [];
  const bodies: Field[][] = [];
  const requestContext: SchemaContext = { document: api, unparsed, where: `${label} request` };
  const consumesJson = isJsonExchange(operation.consumes ?? api.consumes);

  for (const raw of mergeParameters(api, pathItem.parameters, operation.parameters, label, unparsed)) {
    const location = raw.in;
    if (typeof location === 'string' && PARAMETER_LOCATIONS.includes(location)) {
      parameters.push(readParameter(raw, location as ParameterLocation, requestContext));
    } else if (location === 'body') {
      if (consumesJson && !isBinarySchema(raw.schema)) bodies.push(flattenSchema(raw.schema, requestContext));
    } else if (location === 'formData') {
      bodies.push([readFormField(raw, requestContext)]);
    } else {
      unparsed.push({ reason: 'parameter location not understood', text: `${label} ${String(raw.name)} in ${String(location)}` });
    }
  }

  const endpoint: Endpoint = {
    method,
    path: template,
    tags: Array.isArray(operation.tags) ? operation.tags.map(String) : [],
    parameters,
    requestBody: mergeFields(bodies),
    response: readResponse(api, operation, { document: api, unparsed, where: `${label} response` }),
  };
  if (typeof operation.operationId === 'string') endpoint.operationId = operation.operationId;
  const deprecated = readDeprecation(operation);
  if (deprecated) endpoint.deprecated = deprecated;
  return endpoint;
}

/** Operation parameters override path-level ones with the same name and location. */
function mergeParameters(
  api: JsonObject,
  pathLevel: unknown,
  operationLevel: unknown,
  label: string,
  unparsed: UnparsedItem[],
): JsonObject[] {
  const merged = new Map<string, JsonObject>();
  for (const list of [pathLevel, operationLevel]) {
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      unparsed.push({ reason: 'parameters is not a list', text: label });
      continue;
    }
    for (const entry of list) {
      const raw = followReference(api, entry);
      if (!isObject(raw) || typeof raw.name !== 'string') {
        const ref = isObject(entry) && typeof entry.$ref === 'string' ? entry.$ref : JSON.stringify(entry)?.slice(0, 80);
        unparsed.push({ reason: 'parameter not understood (unresolved $ref?)', text: `${label} ${ref}` });
        continue;
      }
      merged.set(`${String(raw.in)} ${raw.name}`, raw);
    }
  }
  return [...merged.values()];
}

function readParameter(raw: JsonObject, location: ParameterLocation, ctx: SchemaContext): Parameter {
  const parameter: Parameter = {
    in: location,
    name: raw.name as string,
    type: describeType(raw, ctx),
    required: location === 'path' || raw.required === true,
  };
  const values = readEnum(raw) ?? (isObject(raw.items) ? readEnum(raw.items) : undefined);
  if (values) parameter.enum = values;
  if (raw.default !== undefined) {
    parameter.default = typeof raw.default === 'string' ? raw.default : JSON.stringify(raw.default);
  }
  const deprecated = readDeprecation(raw);
  if (deprecated) parameter.deprecated = deprecated;
  return parameter;
}

function readFormField(raw: JsonObject, ctx: SchemaContext): Field {
  const field: Field = { path: raw.name as string, type: describeType(raw, ctx) };
  const values = readEnum(raw);
  if (values) field.enum = values;
  const deprecated = readDeprecation(raw);
  if (deprecated) field.deprecated = deprecated;
  return field;
}

function mergeFields(bodies: Field[][]): Field[] {
  if (bodies.length === 1) return bodies[0] ?? [];
  const byPath = new Map<string, Field>();
  for (const field of bodies.flat()) if (!byPath.has(field.path)) byPath.set(field.path, field);
  return [...byPath.values()].sort((a, b) => compareText(a.path, b.path));
}

/** The success body: 200, else 201, else the first other 2xx; nothing for byte streams. */
function readResponse(api: JsonObject, operation: JsonObject, ctx: SchemaContext): Field[] {
  const responses = isObject(operation.responses) ? operation.responses : {};
  const codes = Object.keys(responses);
  const code = ['200', '201'].find((c) => codes.includes(c)) ?? codes.filter((c) => /^2\d\d$/.test(c)).sort()[0];
  if (code === undefined) return [];
  const response = followReference(api, responses[code]);
  if (!isObject(response)) {
    ctx.unparsed.push({ reason: 'response not understood (unresolved $ref?)', text: `${ctx.where} ${code}` });
    return [];
  }
  if (response.schema === undefined || !isJsonExchange(operation.produces ?? api.produces)) return [];
  return flattenSchema(response.schema, ctx);
}

/** JSON unless the media types are declared and none of them is JSON (tar streams, raw streams). */
function isJsonExchange(mediaTypes: unknown): boolean {
  if (!Array.isArray(mediaTypes) || mediaTypes.length === 0) return true;
  return mediaTypes.some((type) => typeof type === 'string' && /(^application\/json\b|\+json\b)/i.test(type));
}

function dedupeUnparsed(items: UnparsedItem[]): UnparsedItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.reason}\u0000${item.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
