import type { Deprecation, Endpoint, Field, Parameter, UnparsedItem } from '../../model/surface.js';
import { parseBulletList, type ListItem } from './bullets.js';
import { parseEndpointLine } from './endpoint-line.js';
import { describeJsonType, isJsonObject, lookUpExampleValue, readExampleBody, representativeObject } from './example.js';
import { parseLabel, type LabelKind } from './label.js';
import { isStructural, type SourceLine } from './lines.js';
import { tagForEndpoint } from './tags.js';
import { guessFieldType, guessParameterType, isDescribedAsDeprecated, isDescribedAsRequired } from './types.js';

/** The lines between one endpoint heading and the next heading. */
export interface EndpointSection {
  /** Title of the enclosing numbered section (`Containers`, `Misc`), for the tag. */
  sectionTitle?: string;
  /** The definition line (`` `GET /containers/json` ``). */
  definition: SourceLine;
  /** Everything after the definition line. */
  body: readonly SourceLine[];
}

export interface SectionResult {
  endpoints: Endpoint[];
  unparsed: UnparsedItem[];
}

interface Region {
  kind: LabelKind | 'prose';
  lines: SourceLine[];
}

function describedDeprecation(): Deprecation {
  return { source: 'description' };
}

/** A `**config**` item that stands for the whole body: the example request shows its real fields. */
const WHOLE_BODY_ITEM = /^the container's (host )?configuration\b/i;
/** `List images `format` could be json or viz`: a path parameter that is really a choice of literal paths. */
const LITERAL_CHOICE = /`(\w+)`\s+could\s+be\s+(\w+)\s+or\s+(\w+)/i;

/** `:query term: term to search`: a Sphinx field left inside v1.0-v1.6's search example. */
const SPHINX_QUERY = /^\s*:query\s+([A-Za-z_]\w*):\s*(.*)$/;
/** A `**name**` bullet (not a `**200**` status) where no parameter list is open. */
const STRAY_ITEM = /^\s*[-*+]\s+\*\*(?!\d{3}\*\*)[^*]+\*\*/;

function findStrayParameterItems(lines: readonly SourceLine[]): UnparsedItem[] {
  return lines
    .filter((l) => isStructural(l) && STRAY_ITEM.test(l.text))
    .map((l) => ({ line: l.number, reason: 'parameter-like list item outside any parameter list', text: l.text.trim() }));
}

export function readEndpointSection(section: EndpointSection): SectionResult {
  const unparsed: UnparsedItem[] = [];
  const definition = parseEndpointLine(section.definition.text);
  if (!definition) {
    return {
      endpoints: [],
      unparsed: [{ line: section.definition.number, reason: 'endpoint line in an unrecognized format', text: section.definition.text.trim() }],
    };
  }

  const regions = splitRegions(section.body);
  const prose = regions
    .filter((r) => r.kind === 'prose')
    .flatMap((r) => r.lines.filter(isStructural).map((l) => l.text.trim()))
    .join(' ');

  const parameters: Parameter[] = definition.pathParameters.map((name) => ({ in: 'path', name, type: 'string', required: true }));
  const requestBody: Field[] = [];
  const response: Field[] = [];
  let exampleRequest: unknown;
  const bodyItems: ListItem[] = [];
  const responseItems: ListItem[] = [];

  for (const region of regions) {
    switch (region.kind) {
      case 'query':
      case 'header': {
        const list = parseBulletList(region.lines);
        unparsed.push(...list.problems);
        for (const item of list.items) {
          if (item.path.length > 1) continue; // Nested bullets of a parameter describe its values.
          addParameter(parameters, toParameter(region.kind, item));
        }
        break;
      }
      case 'body': {
        const list = parseBulletList(region.lines);
        unparsed.push(...list.problems);
        bodyItems.push(...list.items);
        break;
      }
      case 'response-fields': {
        const list = parseBulletList(region.lines);
        unparsed.push(...list.problems);
        responseItems.push(...list.items);
        break;
      }
      case 'example-request': {
        const example = readExampleBody(region.lines);
        if (example.json !== undefined) exampleRequest ??= example.json;
        break;
      }
      case 'example-response': {
        const example = readExampleBody(region.lines);
        // Upstream omits the status line on some success examples (`GET /tasks`); an error example always shows it.
        if (example.status !== undefined && (example.status < 200 || example.status > 299)) break;
        if (example.isBrokenJson) {
          unparsed.push({ line: example.line, reason: 'example response body is not valid JSON; its fields are not read', text: example.text ?? '' });
          break;
        }
        const object = representativeObject(example.json);
        for (const [name, value] of Object.entries(object ?? {})) addField(response, { path: name, type: describeJsonType(value) ?? 'unknown' });
        break;
      }
      default:
        unparsed.push(...findStrayParameterItems(region.lines));
        break;
    }
  }
  for (const line of section.body) {
    const sphinx = isStructural(line) || line.isCode ? SPHINX_QUERY.exec(line.text) : undefined;
    if (sphinx) addParameter(parameters, { in: 'query', name: sphinx[1]!, type: guessParameterType(sphinx[2]!), required: false });
  }

  for (const name of definition.queryParameters) {
    addParameter(parameters, { in: 'query', name, type: 'string', required: false });
  }
  for (const field of toFields(bodyItems, exampleRequest)) addField(requestBody, field);
  for (const field of toFields(responseItems, undefined)) addField(response, field);

  const endpoint: Endpoint = {
    method: definition.method,
    path: definition.path,
    tags: [tagForEndpoint(definition.path, section.sectionTitle)],
    parameters,
    requestBody,
    response,
    ...(isDescribedAsDeprecated(prose) ? { deprecated: describedDeprecation() } : {}),
  };
  return { endpoints: expandLiteralChoices(endpoint, prose), unparsed };
}

function splitRegions(lines: readonly SourceLine[]): Region[] {
  const regions: Region[] = [{ kind: 'prose', lines: [] }];
  for (const line of lines) {
    const kind = isStructural(line) ? parseLabel(line.text) : undefined;
    if (kind) regions.push({ kind, lines: [] });
    else regions.at(-1)!.lines.push(line);
  }
  return regions;
}

function toParameter(location: 'query' | 'header', item: ListItem): Parameter {
  return {
    in: location,
    name: item.path[0]!,
    type: location === 'header' ? 'string' : guessParameterType(leadOf(item.description)),
    required: isDescribedAsRequired(item.description),
    ...(isDescribedAsDeprecated(item.description) ? { deprecated: describedDeprecation() } : {}),
  };
}

/** The first sentence: later ones describe filter values (`stars=<number>`), not the parameter's own type. */
function leadOf(description: string): string {
  const end = description.search(/\.\s|\bAvailable filters\b/);
  return end < 0 ? description : description.slice(0, end);
}

function toFields(items: readonly ListItem[], example: unknown): Field[] {
  const isPlaceholder = (item: ListItem) => item.path.length === 1 && WHOLE_BODY_ITEM.test(item.description);
  const exampleObject = isJsonObject(example) ? example : undefined;
  const parents = new Set(items.filter((i) => i.path.length > 1).map((i) => i.path.slice(0, -1).join('.')));
  const listed = items
    .filter((item) => !exampleObject || !isPlaceholder(item))
    .map((item) => {
      const path = item.path.join('.');
      const exampleType = describeJsonType(lookUpExampleValue(example, item.path));
      return {
        path,
        type: exampleType ?? guessFieldType(item.description, parents.has(path)),
        ...(isDescribedAsDeprecated(item.description) ? { deprecated: describedDeprecation() } : {}),
      };
    });
  // Without a list, or where a whole-body placeholder (`**config**`) stands beside a few named fields
  // (v1.14 lists `RestartPolicy` and `config`), the example request's keys are the best record of the body.
  if ((items.length === 0 || items.some(isPlaceholder)) && exampleObject) {
    const named = new Set(listed.map((f) => f.path));
    const fromExample: Field[] = Object.entries(exampleObject)
      .filter(([name]) => !named.has(name))
      .map(([name, value]) => ({ path: name, type: describeJsonType(value) ?? 'unknown' }));
    return [...fromExample, ...listed];
  }
  return listed;
}

/** Later mentions add what earlier ones lacked; the first mention's attributes win. */
function addParameter(parameters: Parameter[], parameter: Parameter): void {
  const existing = parameters.find((p) => p.in === parameter.in && p.name === parameter.name);
  if (!existing) parameters.push(parameter);
  else if (parameter.deprecated && !existing.deprecated) existing.deprecated = parameter.deprecated;
}

function addField(fields: Field[], field: Field): void {
  const existing = fields.find((f) => f.path === field.path);
  if (!existing) fields.push(field);
  else if (field.deprecated && !existing.deprecated) existing.deprecated = field.deprecated;
}

function expandLiteralChoices(endpoint: Endpoint, prose: string): Endpoint[] {
  const choice = LITERAL_CHOICE.exec(prose);
  if (!choice) return [endpoint];
  const name = choice[1]!;
  const placeholder = `{${name}}`;
  if (!endpoint.path.split('/').includes(placeholder)) return [endpoint];
  // The example response shows the first choice (`json`); the others (`viz`) answer in other formats.
  return [choice[2]!, choice[3]!].map((literal, index) => ({
    ...endpoint,
    path: endpoint.path.split('/').map((s) => (s === placeholder ? literal : s)).join('/'),
    parameters: endpoint.parameters.filter((p) => !(p.in === 'path' && p.name === name)).map((p) => ({ ...p })),
    requestBody: endpoint.requestBody.map((f) => ({ ...f })),
    response: index === 0 ? endpoint.response.map((f) => ({ ...f })) : [],
  }));
}
