/**
 * Loader for the markdown references of Engine API v1.0 to v1.24 (upstream documented these
 * versions as prose only). Reads the conventions the documents share across their drift:
 * endpoint headings with a `` `METHOD /path` `` line, label lines (`Query Parameters:` /
 * `**Query parameters**:`) over bullet lists, and example request/response blocks.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import type { Endpoint, Surface, UnparsedItem } from '../model/surface.js';
import { normalizeVersion } from '../model/version.js';
import { isDefinitionLike, isExampleRequestLine } from './markdown/endpoint-line.js';
import { isSectionHeading, parseHeading } from './markdown/heading.js';
import { isStructural, splitSourceLines, type SourceLine } from './markdown/lines.js';
import { readEndpointSection } from './markdown/section.js';

export { alignPathParameterNames } from './markdown/align.js';

const FILE_NAME = /^v(\d+\.\d+)\.md$/i;

export async function loadMarkdownSpec(file: string): Promise<Surface> {
  const match = FILE_NAME.exec(path.basename(file));
  const version = match ? normalizeVersion(match[1]!) : undefined;
  if (!version) throw new InputError('cannot tell the API version from the file name (expected v1.NN.md)', file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, file);
  }
  return parseMarkdownSpec(text, version, file);
}

/**
 * Parses one markdown reference. Never throws on content: what cannot be read lands in
 * `unparsed` with its line. Endpoints documented twice are merged (parameters and fields unioned).
 */
export function parseMarkdownSpec(text: string, version: string, file?: string): Surface {
  const canonical = normalizeVersion(version);
  if (!canonical) throw new InputError(`not an API version: "${version}"`, file);

  const endpoints = new Map<string, Endpoint>();
  const unparsed: UnparsedItem[] = [];
  let sectionTitle: string | undefined;

  const lines = splitSourceLines(text);
  for (const line of lines) {
    if (line.isComment && isDefinitionLike(line.text)) {
      unparsed.push({ line: line.number, reason: 'endpoint line inside an HTML comment (hidden upstream); skipped', text: line.text.trim() });
    }
  }

  for (const block of splitHeadingBlocks(lines)) {
    if (block.heading && isSectionHeading(block.heading)) sectionTitle = block.heading.title;
    const definitionAt = block.lines.findIndex((l) => isStructural(l) && isDefinitionLike(l.text));
    if (definitionAt < 0) {
      const example = block.lines.find((l) => !l.isComment && isExampleRequestLine(l.text));
      if (example) {
        unparsed.push({ line: example.number, reason: 'endpoint known only from an example request', text: example.text.trim() });
      }
      continue;
    }
    let result;
    try {
      result = readEndpointSection({
        ...(sectionTitle === undefined ? {} : { sectionTitle }),
        definition: block.lines[definitionAt]!,
        body: block.lines.slice(definitionAt + 1),
      });
    } catch (error) {
      // A section that breaks the reader must not take the whole version down with it.
      const line = block.lines[definitionAt]!;
      result = { endpoints: [], unparsed: [{ line: line.number, reason: `section could not be read: ${String(error)}`, text: line.text.trim() }] };
    }
    unparsed.push(...result.unparsed);
    for (const endpoint of result.endpoints) mergeEndpoint(endpoints, endpoint);
  }

  return { version: canonical, format: 'markdown', endpoints: [...endpoints.values()], unparsed };
}

interface HeadingBlock {
  heading?: ReturnType<typeof parseHeading>;
  lines: SourceLine[];
}

function splitHeadingBlocks(lines: readonly SourceLine[]): HeadingBlock[] {
  const blocks: HeadingBlock[] = [{ lines: [] }];
  for (const line of lines) {
    const heading = isStructural(line) ? parseHeading(line.text) : undefined;
    if (heading) blocks.push({ heading, lines: [] });
    else blocks.at(-1)!.lines.push(line);
  }
  return blocks;
}

function mergeEndpoint(endpoints: Map<string, Endpoint>, endpoint: Endpoint): void {
  const key = `${endpoint.method} ${endpoint.path}`;
  const existing = endpoints.get(key);
  if (!existing) {
    endpoints.set(key, endpoint);
    return;
  }
  for (const p of endpoint.parameters) {
    if (!existing.parameters.some((q) => q.in === p.in && q.name === p.name)) existing.parameters.push(p);
  }
  for (const f of endpoint.requestBody) if (!existing.requestBody.some((g) => g.path === f.path)) existing.requestBody.push(f);
  for (const f of endpoint.response) if (!existing.response.some((g) => g.path === f.path)) existing.response.push(f);
  for (const tag of endpoint.tags) if (!existing.tags.includes(tag)) existing.tags.push(tag);
  if (endpoint.deprecated && !existing.deprecated) existing.deprecated = endpoint.deprecated;
}
