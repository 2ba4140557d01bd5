import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { alignPathParameterNames, loadMarkdownSpec, parseMarkdownSpec } from '../../src/loaders/markdown.js';
import { toPathShape } from '../../src/loaders/markdown/align.js';
import { parseBullet, parseBulletList } from '../../src/loaders/markdown/bullets.js';
import { isExampleRequestLine, parseEndpointLine, toParameterName } from '../../src/loaders/markdown/endpoint-line.js';
import { parseFirstJsonValue, readExampleBody, repairExampleJson } from '../../src/loaders/markdown/example.js';
import { parseHeading } from '../../src/loaders/markdown/heading.js';
import { parseLabel } from '../../src/loaders/markdown/label.js';
import { splitSourceLines } from '../../src/loaders/markdown/lines.js';
import { tagForEndpoint } from '../../src/loaders/markdown/tags.js';
import { guessFieldType, guessParameterType, isDescribedAsDeprecated, isDescribedAsRequired } from '../../src/loaders/markdown/types.js';
import type { Endpoint, Surface } from '../../src/model/surface.js';
import { SPECS_DIR, specFile } from '../helpers/specs.js';

const MARKDOWN_VERSIONS = Array.from({ length: 25 }, (_, minor) => `1.${minor}`);

function findEndpoint(surface: Surface, method: string, p: string): Endpoint {
  const endpoint = surface.endpoints.find((e) => e.method === method && e.path === p);
  if (!endpoint) throw new Error(`${method} ${p} not in v${surface.version}`);
  return endpoint;
}

function endpoint(method: Endpoint['method'], p: string): Endpoint {
  return { method, path: p, tags: [], parameters: [], requestBody: [], response: [] };
}

// ---- unit: line-level parsers ------------------------------------------------------------------

describe('parseHeading', () => {
  it('separates numbered sections from endpoint headings', () => {
    expect(parseHeading('### 3.1 Containers')).toEqual({ level: 3, title: 'Containers', number: '3.1' });
    expect(parseHeading('## 2.2 Images')).toEqual({ level: 2, title: 'Images', number: '2.2' });
    expect(parseHeading('# 2. Endpoints')).toEqual({ level: 1, title: 'Endpoints', number: '2' });
    expect(parseHeading('#### List containers')).toEqual({ level: 4, title: 'List containers' });
    expect(parseHeading('not a heading')).toBeUndefined();
    expect(parseHeading('#nospace')).toBeUndefined();
  });
});

describe('parseEndpointLine', () => {
  it('turns (param) segments into {param} and drops query strings and version prefixes', () => {
    expect(parseEndpointLine('`GET /containers/(id or name)/json`')).toEqual({
      method: 'GET',
      path: '/containers/{id}/json',
      pathParameters: ['id'],
      queryParameters: [],
    });
    expect(parseEndpointLine('`POST /containers/(id or name)/resize?h=<height>&w=<width>`')).toMatchObject({
      path: '/containers/{id}/resize',
      queryParameters: ['h', 'w'],
    });
    expect(parseEndpointLine('`POST /plugins/pull?name=<plugin name>`')).toMatchObject({ path: '/plugins/pull', queryParameters: ['name'] });
    expect(parseEndpointLine('`DELETE /plugins/(plugin name)`')).toMatchObject({ path: '/plugins/{name}', pathParameters: ['name'] });
    expect(parseEndpointLine('`POST /v1.24/plugins/(plugin name)/push HTTP/1.1`')).toMatchObject({ path: '/plugins/{name}/push' });
  });

  it('accepts the v1.9/v1.10 lines whose closing backtick is missing', () => {
    expect(parseEndpointLine(' `DELETE /containers/(id*)')).toMatchObject({ method: 'DELETE', path: '/containers/{id}' });
  });

  it('rejects example request lines and prose', () => {
    expect(parseEndpointLine('    GET /containers/4fa6e0f0c678/json HTTP/1.1')).toBeUndefined();
    expect(parseEndpointLine('Similar to `POST /containers/(id or name)/attach` API')).toBeUndefined();
    expect(parseEndpointLine('    [`POST /containers/create`')).toBeUndefined();
    expect(parseEndpointLine('`GET /containers/a b/json`')).toBeUndefined();
  });

  it('names parameters from the parenthesized text', () => {
    expect(toParameterName('id')).toBe('id');
    expect(toParameterName('id or name')).toBe('id');
    expect(toParameterName('plugin name')).toBe('name');
    expect(toParameterName('name*')).toBe('name');
    expect(toParameterName('  ')).toBeUndefined();
  });

  it('recognizes example request lines', () => {
    expect(isExampleRequestLine('        GET /containers/4fa6e0f0c678/json HTTP/1.1')).toBe(true);
    expect(isExampleRequestLine('`GET /containers/json`')).toBe(false);
  });
});

describe('parseLabel', () => {
  it('reads both eras of label spelling', () => {
    expect(parseLabel('Query Parameters:')).toBe('query');
    expect(parseLabel('**Query parameters**:')).toBe('query');
    expect(parseLabel('Query Parameters')).toBe('query');
    expect(parseLabel('Json Parameters:')).toBe('body');
    expect(parseLabel('**JSON parameters**:')).toBe('body');
    expect(parseLabel('    Request Headers:')).toBe('header');
    expect(parseLabel('**Request Headers**:')).toBe('header');
    expect(parseLabel('**Example request**')).toBe('example-request');
    expect(parseLabel('**Example response, with digest information**:')).toBe('example-response');
    expect(parseLabel('**JSON fields in response**:')).toBe('response-fields');
    expect(parseLabel('Status Codes:')).toBe('status');
  });

  it('does not take prose for a label', () => {
    expect(parseLabel('Status codes are listed below')).toBeUndefined();
    expect(parseLabel('Example request')).toBeUndefined();
    expect(parseLabel('**Deprecated** in favor of the `archive` endpoint below.')).toBeUndefined();
  });
});

describe('parseBullet', () => {
  it('reads the name and description across separator styles', () => {
    expect(parseBullet('-   **all** – 1/True/true or 0/False/false, Show all containers.')).toEqual({
      indent: 0,
      name: 'all',
      rest: '1/True/true or 0/False/false, Show all containers.',
    });
    expect(parseBullet('- **Name** - The new network\'s name.')).toMatchObject({ name: 'Name', rest: "The new network's name." });
    expect(parseBullet('    -   **SecurityOpt**: A list of string values')).toMatchObject({ indent: 4, name: 'SecurityOpt', rest: 'A list of string values' });
    expect(parseBullet('-   **HostConfig**')).toMatchObject({ name: 'HostConfig', rest: '' });
    expect(parseBullet('-   **ps\\_args** – ps arguments')).toMatchObject({ name: 'ps_args' });
    expect(parseBullet('-\t**url** – The url')).toMatchObject({ indent: 0, name: 'url' });
    expect(parseBullet('  - `dangling=true`')).toEqual({ indent: 2, rest: '`dangling=true`' });
    expect(parseBullet('plain text')).toBeUndefined();
  });
});

describe('parseBulletList', () => {
  it('nests sub-bullets by indentation into dotted paths and joins continuation lines', () => {
    const snippet = [
      '-   **Image** - A string specifying the image name to use for the container.',
      '-   **HostConfig**',
      '    -   **Binds** – A list of volume bindings for this container. Each volume binding is a string in one of these forms:',
      '           + `host-src:container-dest` to bind-mount a host path into the',
      '             container.',
      '    -   **RestartPolicy** – The behavior to apply when the container exits.',
      '            The default is not to restart.',
      '-   **Healthcheck** - A test to perform.',
      '    -     **Test** - The test to perform.',
    ].join('\n');
    const list = parseBulletList(splitSourceLines(snippet));
    expect(list.problems).toEqual([]);
    expect(list.items.map((i) => [i.path.join('.'), i.line])).toEqual([
      ['Image', 1],
      ['HostConfig', 2],
      ['HostConfig.Binds', 3],
      ['HostConfig.RestartPolicy', 6],
      ['Healthcheck', 8],
      ['Healthcheck.Test', 9],
    ]);
    expect(list.items[3]!.description).toBe('The behavior to apply when the container exits. The default is not to restart.');
  });

  it('handles the two-column nesting of v1.15 and ignores fenced code under an item', () => {
    const snippet = [
      '-   **HostConfig**',
      '  -   **Binds** – A list of volume bindings',
      '-   **X-Registry-Auth** – base64-encoded AuthConfig object',
      '    - Credential based login:',
      '        ```',
      '    {',
      '            "username": "jdoe"',
      '    }',
      '        ```',
    ].join('\n');
    const list = parseBulletList(splitSourceLines(snippet));
    expect(list.items.map((i) => i.path.join('.'))).toEqual(['HostConfig', 'HostConfig.Binds', 'X-Registry-Auth']);
    expect(list.problems).toEqual([]);
  });

  it('reports outermost bullets it cannot read, with their line', () => {
    const list = parseBulletList(splitSourceLines(['-   **all** – show all', '-   all of the above', '-   **not a name** – x'].join('\n')));
    expect(list.items.map((i) => i.path[0])).toEqual(['all']);
    expect(list.problems).toEqual([
      { line: 2, reason: 'list item without a **name**', text: '-   all of the above' },
      { line: 3, reason: 'list item name is not a parameter name', text: '-   **not a name** – x' },
    ]);
  });
});

describe('example bodies', () => {
  it('reads the status and the first complete JSON value', () => {
    const lines = splitSourceLines(['    HTTP/1.1 200 OK', '    Content-Type: application/json', '', '    {"Id": "a", "N": 1}', '    trailing note'].join('\n'));
    expect(readExampleBody(lines)).toMatchObject({ status: 200, json: { Id: 'a', N: 1 }, isBrokenJson: false, line: 4 });
  });

  it('takes the first object of a stream', () => {
    expect(parseFirstJsonValue('{"status":"Pushing..."} {"status":"Pushing", "progress":"1/?"}')).toEqual({ ok: true, value: { status: 'Pushing...' } });
  });

  it('repairs a missing comma and `....` elisions, nothing else', () => {
    expect(repairExampleJson('{\n "Id":"e90e34656806"\n "Warnings":[]\n}')).toBe('{\n "Id":"e90e34656806",\n "Warnings":[]\n}');
    expect(parseFirstJsonValue('{\n....\n"SizeRw": 0,\n"SizeRootFs": 972,\n....\n}')).toEqual({ ok: true, value: { SizeRw: 0, SizeRootFs: 972 } });
    expect(parseFirstJsonValue('{ "Addr": "172.17.0.2:2377"" }')).toEqual({ ok: false });
  });

  it('skips template placeholders and reports broken JSON', () => {
    expect(readExampleBody(splitSourceLines('    HTTP/1.1 200 OK\n\n    {{ STREAM }}'))).toEqual({ status: 200, isBrokenJson: false });
    expect(readExampleBody(splitSourceLines('    HTTP/1.1 200 OK\n\n    {% raw %}\n    {{ TAR STREAM }}\n    {% endraw %}'))).toEqual({ status: 200, isBrokenJson: false });
    expect(readExampleBody(splitSourceLines('    HTTP/1.1 200 OK\n\n    {\n      "a": 1 2\n    }'))).toMatchObject({ isBrokenJson: true, line: 3 });
  });

  it('survives deeply nested and unterminated bodies without recursion', () => {
    expect(parseFirstJsonValue('['.repeat(100_000))).toEqual({ ok: false });
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    expect(() => parseFirstJsonValue(deep)).not.toThrow();
  });
});

describe('type, requirement and deprecation wording', () => {
  it('guesses query parameter types from the era wording', () => {
    expect(guessParameterType('1/True/true or 0/False/false, Show all containers.')).toBe('boolean');
    expect(guessParameterType('number of seconds to wait before killing the container')).toBe('integer');
    expect(guessParameterType('Signal to send to the container: integer or string like "SIGINT".')).toBe('string');
    expect(guessParameterType('Show only containers created since Id')).toBe('string');
  });

  it('guesses body field types when no example value exists', () => {
    expect(guessFieldType('A list of kernel capabilities to drop', false)).toBe('array');
    expect(guessFieldType('Boolean value, attaches to stdin.', false)).toBe('boolean');
    expect(guessFieldType('', true)).toBe('object');
    expect(guessFieldType('A string value', false)).toBe('string');
  });

  it('reads required and deprecated markers without over-reading', () => {
    expect(isDescribedAsRequired('resource in the container\'s filesystem to archive. Required.')).toBe(true);
    expect(isDescribedAsRequired("The new network's name. this is a mandatory field")).toBe(true);
    expect(isDescribedAsRequired('Only the registry domain name are required. However...')).toBe(false);
    expect(isDescribedAsDeprecated('**Deprecated** in favor of the `archive` endpoint below.')).toBe(true);
    expect(isDescribedAsDeprecated('In the future, the `is_trusted` property will be deprecated and replaced')).toBe(false);
  });
});

describe('tagForEndpoint', () => {
  it('uses the v1.25 tag names, by path first', () => {
    expect(tagForEndpoint('/containers/{id}/exec', 'Containers')).toBe('Exec');
    expect(tagForEndpoint('/exec/{id}/start', 'Misc')).toBe('Exec');
    expect(tagForEndpoint('/build', 'Misc')).toBe('Image');
    expect(tagForEndpoint('/commit', 'Misc')).toBe('Image');
    expect(tagForEndpoint('/images/{name}/get', 'Misc')).toBe('Image');
    expect(tagForEndpoint('/info', 'Misc')).toBe('System');
    expect(tagForEndpoint('/_ping', 'Misc')).toBe('System');
    expect(tagForEndpoint('/plugins', 'Plugins (experimental)')).toBe('Plugin');
    expect(tagForEndpoint('/somethingnew', 'Secrets')).toBe('Secret');
  });
});

// ---- unit: whole documents inline --------------------------------------------------------------

describe('parseMarkdownSpec on snippets', () => {
  const doc = [
    '# 2. Endpoints', //                                                   1
    '## 2.1 Containers', //                                                2
    '### List containers', //                                              3
    '`GET /containers/json`', //                                           4
    '**Example request**:', //                                             5
    '        GET /containers/json?all=1 HTTP/1.1', //                      6
    '**Example response**:', //                                            7
    '        HTTP/1.1 200 OK', //                                          8
    '        [{"Id": "8dfafdbc3a40", "Created": 1367854155, "Ports": []}]', // 9
    'Query Parameters:', //                                                10
    '-   **all** – 1/True/true or 0/False/false, Show all containers.', // 11
    '-   **limit** – Show `limit` last created', //                       12
    '    containers, include non-running ones.', //                        13
    '-   an unreadable item', //                                           14
    '### List containers again', //                                        15
    '`GET /containers/json`', //                                           16
    '**Query parameters**:', //                                            17
    '-   **size** – 1/True/true or 0/False/false, Show sizes', //          18
    '### Inspect a container', //                                          19
    '`GET /containers/(id)/json`', //                                      20
    '**Deprecated** in favor of something else.', //                       21
    '### Get logs', //                                                     22
    '**Example request**:', //                                             23
    '        GET /containers/4fa6e0f0c678/logs HTTP/1.1', //               24
    '<!--', //                                                             25
    '### Hidden', //                                                       26
    '`POST /containers/(id)/hidden`', //                                   27
    '-->', //                                                              28
    '## 2.3 Misc', //                                                      29
    '### Create an exec', //                                               30
    '`POST /containers/(id)/exec`', //                                     31
    '**Example request**:', //                                             32
    '        POST /containers/e90e/exec HTTP/1.1', //                      33
    '        {"Cmd": ["date"], "Tty": false}', //                          34
  ].join('\n');
  let surface: Surface;
  beforeAll(() => {
    surface = parseMarkdownSpec(doc, 'v1.7');
  });

  it('returns a normalized markdown surface', () => {
    expect(surface.version).toBe('1.7');
    expect(surface.format).toBe('markdown');
    expect(surface.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual([
      'GET /containers/json',
      'GET /containers/{id}/json',
      'POST /containers/{id}/exec',
    ]);
  });

  it('merges an endpoint documented twice', () => {
    const list = findEndpoint(surface, 'GET', '/containers/json');
    expect(list.parameters).toEqual([
      { in: 'query', name: 'all', type: 'boolean', required: false },
      { in: 'query', name: 'limit', type: 'string', required: false },
      { in: 'query', name: 'size', type: 'boolean', required: false },
    ]);
    expect(list.response).toEqual([
      { path: 'Id', type: 'string' },
      { path: 'Created', type: 'integer' },
      { path: 'Ports', type: 'array' },
    ]);
    expect(list.tags).toEqual(['Container']);
  });

  it('adds path parameters and description deprecations', () => {
    const inspect = findEndpoint(surface, 'GET', '/containers/{id}/json');
    expect(inspect.parameters).toEqual([{ in: 'path', name: 'id', type: 'string', required: true }]);
    expect(inspect.deprecated).toEqual({ source: 'description' });
    expect(findEndpoint(surface, 'GET', '/containers/json').deprecated).toBeUndefined();
  });

  it('reads a body from the example request when no parameter list exists', () => {
    const exec = findEndpoint(surface, 'POST', '/containers/{id}/exec');
    expect(exec.requestBody).toEqual([
      { path: 'Cmd', type: 'array<string>' },
      { path: 'Tty', type: 'boolean' },
    ]);
    expect(exec.tags).toEqual(['Exec']);
  });

  it('reports what it could not read, with lines', () => {
    expect(surface.unparsed).toEqual([
      { line: 27, reason: 'endpoint line inside an HTML comment (hidden upstream); skipped', text: '`POST /containers/(id)/hidden`' },
      { line: 14, reason: 'list item without a **name**', text: '-   an unreadable item' },
      { line: 24, reason: 'endpoint known only from an example request', text: 'GET /containers/4fa6e0f0c678/logs HTTP/1.1' },
    ]);
  });

  it('expands a `format` placeholder that the text says is a choice of literals', () => {
    const s = parseMarkdownSpec(
      ['### List Images', '`GET /images/(format)`', 'List images `format` could be json or viz (json default)', '**Example response**:', '    HTTP/1.1 200 OK', '    [{"Id": "b750"}]'].join('\n'),
      '1.0',
    );
    expect(s.endpoints.map((e) => [e.path, e.parameters.length, e.response.map((f) => f.path)])).toEqual([
      ['/images/json', 0, ['Id']],
      ['/images/viz', 0, []],
    ]);
  });

  it('replaces a whole-body `config` placeholder by the example request keys', () => {
    const s = parseMarkdownSpec(
      ['### Create', '`POST /containers/create`', '**Example request**:', '    POST /containers/create HTTP/1.1', '    {"Image": "ubuntu", "Memory": 0}', 'Json Parameters:', '-   **config** – the container\'s configuration'].join('\n'),
      '1.0',
    );
    expect(findEndpoint(s, 'POST', '/containers/create').requestBody).toEqual([
      { path: 'Image', type: 'string' },
      { path: 'Memory', type: 'integer' },
    ]);
  });

  it('rejects a version that is not one', () => {
    expect(() => parseMarkdownSpec('', 'latest')).toThrow(InputError);
  });

  it('never throws on arbitrary text', () => {
    const alphabet = ['#', '### 2.1 Containers\n', '`GET /a/(id)`\n', '-   **x** – y\n', '  ', '\n', '{', '}', '[', '"', '<!--', '-->', '```\n', 'Query Parameters:\n', '**Example response**:\n', 'HTTP/1.1 200 OK\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 200 }), (parts) => {
        const s = parseMarkdownSpec(parts.join(''), '1.3');
        expect(s.format).toBe('markdown');
      }),
      { numRuns: 300 },
    );
  });
});

describe('loadMarkdownSpec errors', () => {
  it('takes the version from the file name and fails cleanly', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'md-loader-'));
    const good = path.join(dir, 'v1.07.md');
    await writeFile(good, '### Ping\n`GET /_ping`\n');
    await expect(loadMarkdownSpec(good)).resolves.toMatchObject({ version: '1.7', endpoints: [{ method: 'GET', path: '/_ping', tags: ['System'] }] });
    const badName = path.join(dir, 'spec.md');
    await writeFile(badName, '');
    await expect(loadMarkdownSpec(badName)).rejects.toBeInstanceOf(InputError);
    await expect(loadMarkdownSpec(path.join(dir, 'v1.3.md'))).rejects.toThrow(/cannot read \(ENOENT\)/);
  });
});

describe('alignPathParameterNames', () => {
  it('renames placeholders to the reference names by path shape, method first, and stays pure', () => {
    const old: Surface = {
      version: '1.24',
      format: 'markdown',
      endpoints: [
        { ...endpoint('POST', '/images/{name}/push'), parameters: [{ in: 'path', name: 'name', type: 'string', required: true }] },
        { ...endpoint('GET', '/plugins/{name}'), parameters: [{ in: 'path', name: 'name', type: 'string', required: true }] },
        { ...endpoint('POST', '/containers/{id}/copy'), parameters: [{ in: 'path', name: 'id', type: 'string', required: true }] },
        endpoint('GET', '/containers/json'),
      ],
      unparsed: [],
    };
    const snapshot = structuredClone(old);
    const reference: Surface = {
      version: '1.25',
      format: 'swagger',
      endpoints: [endpoint('POST', '/images/{imageRef}/push'), endpoint('DELETE', '/plugins/{pluginName}'), endpoint('GET', '/containers/{cid}/json')],
      unparsed: [],
    };
    const [aligned] = alignPathParameterNames([old], reference);
    expect(aligned!.endpoints.map((e) => `${e.method} ${e.path} ${e.parameters.map((p) => p.name).join(',')}`)).toEqual([
      'POST /images/{imageRef}/push imageRef',
      'GET /plugins/{pluginName} pluginName', // shape known only under DELETE in the reference
      'POST /containers/{id}/copy id', // no such shape in the reference
      'GET /containers/json ',
    ]);
    expect(old).toEqual(snapshot);
    expect(toPathShape('/containers/{id}/json')).toBe('/containers/{}/json');
  });
});

// ---- the real upstream files -------------------------------------------------------------------

describe('the upstream markdown references', () => {
  const surfaces = new Map<string, Surface>();
  beforeAll(async () => {
    for (const version of MARKDOWN_VERSIONS) surfaces.set(version, await loadMarkdownSpec(specFile(version)));
  });
  const at = (version: string): Surface => surfaces.get(version)!;

  it('loads all 25 files', () => {
    expect([...surfaces.keys()]).toEqual(MARKDOWN_VERSIONS);
    for (const [version, surface] of surfaces) {
      expect(surface.version).toBe(version);
      expect(surface.format).toBe('markdown');
      expect(surface.endpoints.length).toBeGreaterThan(20);
    }
  });

  it('finds the endpoint counts read off the files', () => {
    // Counted with: grep -cE '^\s{0,3}`(GET|POST|PUT|DELETE|HEAD) /' v1.N.md
    // (definition lines), minus definitions inside <!-- --> comments (v1.24: push plugin),
    // plus one where `GET /images/(format)` stands for /images/json and /images/viz (v1.0-v1.6).
    expect(at('1.0').endpoints).toHaveLength(28 + 1);
    expect(at('1.5').endpoints).toHaveLength(30 + 1);
    expect(at('1.10').endpoints).toHaveLength(32);
    expect(at('1.17').endpoints).toHaveLength(43);
    expect(at('1.21').endpoints).toHaveLength(56);
    expect(at('1.24').endpoints).toHaveLength(79 - 1);
  });

  it('grows roughly monotonically', () => {
    const counts = MARKDOWN_VERSIONS.map((v) => at(v).endpoints.length);
    counts.slice(1).forEach((count, i) => expect(count).toBeGreaterThanOrEqual(counts[i]! - 1));
    expect(counts.at(-1)!).toBeGreaterThan(counts[0]! * 2);
  });

  it('has no duplicate endpoints in any version', () => {
    for (const surface of surfaces.values()) {
      const keys = surface.endpoints.map((e) => `${e.method} ${e.path}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('knows v1.0 basics', () => {
    const list = findEndpoint(at('1.0'), 'GET', '/containers/json');
    expect(list.parameters.find((p) => p.name === 'all')).toEqual({ in: 'query', name: 'all', type: 'boolean', required: false });
    expect(list.tags).toEqual(['Container']);
    expect(findEndpoint(at('1.0'), 'POST', '/containers/{id}/attach').parameters.map((p) => p.name)).toEqual(['id', 'logs', 'stream', 'stdin', 'stdout', 'stderr']);
    // The Sphinx leftover `:query term:` inside the example block is the only record of `term` in v1.0.
    expect(findEndpoint(at('1.0'), 'GET', '/images/search').parameters).toEqual([{ in: 'query', name: 'term', type: 'string', required: false }]);
    expect(findEndpoint(at('1.0'), 'GET', '/images/json').response.map((f) => f.path)).toEqual(['Repository', 'Tag', 'Id', 'Created']);
  });

  it('reads v1.24 POST /containers/create body fields with HostConfig nesting', () => {
    const create = findEndpoint(at('1.24'), 'POST', '/containers/create');
    const fields = new Map(create.requestBody.map((f) => [f.path, f.type]));
    expect(fields.get('Image')).toBe('string');
    expect(fields.get('HostConfig')).toBe('object');
    expect(fields.get('HostConfig.Binds')).toBe('array<string>');
    expect(fields.get('HostConfig.RestartPolicy')).toBe('object');
    expect(fields.get('HostConfig.ShmSize')).toBe('integer');
    expect(fields.get('Healthcheck.Test')).toBe('array<string>');
    expect(fields.has('Binds')).toBe(false);
    expect(create.parameters).toEqual([{ in: 'query', name: 'name', type: 'string', required: false }]);
    expect(create.response.map((f) => f.path)).toEqual(['Id', 'Warnings']);
  });

  it('reads v1.24 GET /images/json query parameters', () => {
    expect(findEndpoint(at('1.24'), 'GET', '/images/json').parameters).toEqual([
      { in: 'query', name: 'all', type: 'boolean', required: false },
      { in: 'query', name: 'filters', type: 'string', required: false },
      { in: 'query', name: 'filter', type: 'string', required: false },
    ]);
  });

  it('reads request headers and required markers', () => {
    const build = findEndpoint(at('1.24'), 'POST', '/build');
    expect(build.parameters.filter((p) => p.in === 'header').map((p) => [p.name, p.required])).toEqual([
      ['Content-type', false],
      ['X-Registry-Config', false],
    ]);
    expect(findEndpoint(at('1.24'), 'GET', '/containers/{id}/archive').parameters).toContainEqual({ in: 'query', name: 'path', type: 'string', required: true });
  });

  it('marks description deprecations and ignores announced future ones', () => {
    expect(findEndpoint(at('1.20'), 'POST', '/containers/{id}/copy').deprecated).toEqual({ source: 'description' });
    expect(findEndpoint(at('1.19'), 'POST', '/containers/{id}/copy').deprecated).toBeUndefined();
    expect(findEndpoint(at('1.19'), 'GET', '/images/search').deprecated).toBeUndefined();
  });

  it('keeps unparsed counts small and explains each', () => {
    const counts = Object.fromEntries(MARKDOWN_VERSIONS.map((v) => [v, at(v).unparsed.length]));
    for (const count of Object.values(counts)) expect(count).toBeLessThanOrEqual(5);
    expect(at('1.24').unparsed.map((u) => [u.line, u.reason])).toEqual([
      [3873, 'endpoint line inside an HTML comment (hidden upstream); skipped'],
      [3917, 'example response body is not valid JSON; its fields are not read'],
      [4011, 'example response body is not valid JSON; its fields are not read'],
    ]);
  });

  it('aligns path parameter names to v1.25 for every path that survives', () => {
    const doc = yaml.load(readFileSync(path.join(SPECS_DIR, 'v1.25.yaml'), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
    const referenceEndpoints = Object.entries(doc.paths).flatMap(([p, operations]) =>
      Object.keys(operations)
        .filter((m) => m !== 'parameters')
        .map((m) => endpoint(m.toUpperCase() as Endpoint['method'], p)),
    );
    const reference: Surface = { version: '1.25', format: 'swagger', endpoints: referenceEndpoints, unparsed: [] };
    const referenceByShape = new Map(referenceEndpoints.map((e) => [`${e.method} ${toPathShape(e.path)}`, e.path]));

    const aligned = alignPathParameterNames([...surfaces.values()], reference);
    let checked = 0;
    for (const surface of aligned) {
      for (const e of surface.endpoints) {
        const expected = referenceByShape.get(`${e.method} ${toPathShape(e.path)}`);
        if (expected === undefined) continue;
        expect(e.path).toBe(expected);
        const names = e.parameters.filter((p) => p.in === 'path').map((p) => p.name);
        expect(names).toEqual([...expected.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(700);
    const v24 = aligned.at(-1)!;
    expect(v24.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual(
      expect.arrayContaining(['POST /images/{name}/push', 'POST /exec/{id}/start', 'GET /networks/{id}', 'GET /volumes/{name}', 'DELETE /plugins/{name}']),
    );
  });
});

describe('a whole-body placeholder beside named fields', () => {
  it('reads the example request keys as well (v1.14 lists RestartPolicy and config for POST /containers/create)', () => {
    const text = [
      '#### Create a container',
      '',
      '`POST /containers/create`',
      '',
      '**Example request**:',
      '',
      '        POST /containers/create HTTP/1.1',
      '        Content-Type: application/json',
      '',
      '        {',
      '             "Image":"base",',
      '             "Memory":0,',
      '             "RestartPolicy": { "Name": "always" }',
      '        }',
      '',
      'Json Parameters:',
      '',
      '-   **RestartPolicy** – The behavior to apply when the container exits.',
      '-   **config** – the container\'s configuration',
      '',
    ].join('\n');
    const surface = parseMarkdownSpec(text, '1.14');
    const body = surface.endpoints[0]!.requestBody.map((f) => `${f.path}:${f.type}`);
    expect(body).toEqual(['Image:string', 'Memory:integer', 'RestartPolicy:object']);
  });
});
