import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createMemoryIo } from '../../src/cli/io.js';
import { InputError } from '../../src/errors.js';
import { loadSpecDirectory } from '../../src/loaders/index.js';

/** Hostile spec folders, loaded the way `--specs DIR` and `specs build --from DIR` load them. */
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temp folder holding `<root>/specs/<name>` plus any extra files beside `specs/`. */
function specFolder(files: Record<string, string>, besides: Record<string, string> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dac-hostile-specs-'));
  dirs.push(root);
  const dir = path.join(root, 'specs');
  fs.mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  for (const [name, text] of Object.entries(besides)) fs.writeFileSync(path.join(root, name), text);
  return dir;
}

const swagger = (...lines: string[]): string => ['swagger: "2.0"', 'info: {title: "x", version: "1.30"}', ...lines].join('\n');
const responseWith = (properties: string[]): string[] => [
  'paths:',
  '  /things:',
  '    get:',
  '      responses:',
  '        200:',
  '          description: ok',
  '          schema:',
  '            type: object',
  '            properties:',
  '              Local: {type: string}',
  ...properties.map((p) => `              ${p}`),
];

async function loadError(dir: string): Promise<InputError> {
  const error = await loadSpecDirectory(dir).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

async function versionsWithSpecs(dir: string) {
  const io = createMemoryIo();
  const code = await main(['versions', '--specs', dir], io);
  return { code, out: io.out, err: io.err };
}

describe('loadSpecDirectory on a folder with a hostile v1.30.yaml', () => {
  let requests = 0;
  const server = http.createServer((_req, res) => {
    requests += 1;
    res.end('type: object\nproperties:\n  Remote: {type: string}\n');
  });
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('never fetches a remote $ref (a local server counts 0 requests)', async () => {
    const dir = specFolder({ 'v1.30.yaml': swagger(...responseWith([`Far: {$ref: "http://127.0.0.1:${port}/x.yaml"}`, `Near: {$ref: "http://localhost:${port}/y.yaml#/Z"}`])) });
    const { surfaces } = await loadSpecDirectory(dir);
    expect(requests).toBe(0);
    expect(surfaces[0]!.endpoints[0]!.response).toEqual([{ path: 'Local', type: 'string' }]);
    expect(surfaces[0]!.unparsed.filter((u) => u.reason === 'external $ref not followed')).toHaveLength(2);
  });

  it('never resolves a $ref to a file outside (or inside) the spec folder', async () => {
    const dir = specFolder(
      { 'v1.30.yaml': swagger(...responseWith(['Up: {$ref: "../secret.yaml#/Secret"}', `Abs: {$ref: "${path.join(os.tmpdir(), 'secret.yaml')}"}`, 'Beside: {$ref: "v1.31.yaml#/definitions/X"}'])), 'v1.31.yaml': swagger('paths: {}', 'definitions: {X: {type: object, properties: {Sibling: {type: string}}}}') },
      { 'secret.yaml': 'Secret: {type: object, properties: {LeakedField: {type: string}}}\n' },
    );
    const { surfaces } = await loadSpecDirectory(dir);
    const text = JSON.stringify(surfaces);
    expect(text).not.toContain('LeakedField');
    expect(text).not.toContain('Sibling');
    expect(surfaces[0]!.endpoints[0]!.response).toEqual([{ path: 'Local', type: 'string' }]);
  });

  it('stops a YAML alias bomb with an error naming the file', async () => {
    const lines = ['swagger: "2.0"', 'info: {title: "x", version: "1.30"}', 'x0: &x0 [a, b, c, d, e, f, g, h, i, j]'];
    for (let i = 1; i <= 9; i += 1) lines.push(`x${i}: &x${i} [${Array(10).fill(`*x${i - 1}`).join(', ')}]`);
    lines.push('paths: {}');
    const dir = specFolder({ 'v1.30.yaml': lines.join('\n') });
    expect((await loadError(dir)).message).toMatch(/v1\.30\.yaml: document expands to more than \d+ nodes/);
  });

  it('cuts circular schemas and loads', async () => {
    const dir = specFolder({
      'v1.30.yaml': swagger(...responseWith(['Node: {$ref: "#/definitions/Node"}']), 'definitions:', '  Node: {type: object, properties: {Next: {$ref: "#/definitions/Node"}, Name: {type: string}}}'),
    });
    const { surfaces } = await loadSpecDirectory(dir);
    expect(surfaces[0]!.endpoints[0]!.response.map((f) => f.path)).toEqual(['Local', 'Node', 'Node.Name', 'Node.Next']);
    expect(surfaces[0]!.unparsed.map((u) => u.reason)).toContain('circular schema cut');
  });

  it('names file and line of malformed YAML', async () => {
    const dir = specFolder({ 'v1.30.yaml': swagger('paths:', '  /x:', '    get: {', '  bad: [') });
    const error = await loadError(dir);
    expect(error.file).toBe(path.join(dir, 'v1.30.yaml'));
    expect(error.line).toBeGreaterThan(0);
    expect(error.message).toMatch(/^.*v1\.30\.yaml:\d+: /);
  });

  it('rejects a file that is not an Engine API spec', async () => {
    for (const text of ['hello: world\n', 'openapi: 3.0.0\ninfo: {version: "1.30"}\npaths: {}\n', '- just\n- a list\n', '']) {
      const dir = specFolder({ 'v1.30.yaml': text });
      expect((await loadError(dir)).message).toMatch(/v1\.30\.yaml: not a Docker Engine API spec/);
    }
  });

  it('keeps going through a broken markdown reference and names the lines it could not read', async () => {
    const dir = specFolder({ 'v1.20.md': ['# 2. Endpoints', '### List', '`GET /containers/json`', 'Query Parameters:', '-   an unreadable item', '\u0000\uFFFD'.repeat(50)].join('\n') });
    const { surfaces } = await loadSpecDirectory(dir);
    expect(surfaces[0]!.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual(['GET /containers/json']);
    expect(surfaces[0]!.unparsed).toContainEqual(expect.objectContaining({ line: 5 }));
  });
});

describe('versions --specs <hostile folder>', () => {
  it.each([
    ['an alias bomb', ['swagger: "2.0"', 'a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `b${i}: &b${i} [${Array(10).fill(i === 0 ? '*a' : `*b${i - 1}`).join(', ')}]`), 'paths: {}'].join('\n'), /document expands to more than/],
    ['malformed YAML', 'swagger: "2.0"\npaths:\n  /x: {\n', /v1\.30\.yaml:\d+: /],
    ['not a spec', 'hello: world\n', /not a Docker Engine API spec/],
  ])('%s: exit 2, one line naming the file, no stack', async (_case, text, message) => {
    const dir = specFolder({ 'v1.30.yaml': text as string });
    const { code, out, err } = await versionsWithSpecs(dir);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message as RegExp);
    expect(err).toContain('v1.30.yaml');
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('an empty folder: exit 2, one line', async () => {
    const dir = specFolder({});
    const { code, err } = await versionsWithSpecs(dir);
    expect(code).toBe(2);
    expect(err.trimEnd().split('\n')).toEqual([`docker-api-compat: no Engine API spec files in ${dir}`]);
  });
});
