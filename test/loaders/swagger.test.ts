import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadSwaggerSpec, parseSwaggerSpec } from '../../src/loaders/swagger.js';
import { isDeprecationText } from '../../src/loaders/swagger/deprecation.js';
import type { Endpoint, Surface } from '../../src/model/surface.js';
import { REPO_ROOT, specFile } from '../helpers/specs.js';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/specs');
const fixture = (name: string): string => path.join(FIXTURES, name);

function endpoint(surface: Surface, method: string, template: string): Endpoint {
  const found = surface.endpoints.find((e) => e.method === method && e.path === template);
  if (!found) throw new Error(`${method} ${template} not in ${surface.version}`);
  return found;
}

const fieldPaths = (fields: { path: string }[]): string[] => fields.map((f) => f.path);

const SWAGGER_VERSIONS = Array.from({ length: 32 }, (_, i) => `1.${25 + i}`);
const hasSpecs = existsSync(specFile('1.25'));

describe.runIf(hasSpecs)('real Engine API specs', () => {
  const surfaces = new Map<string, Surface>();
  const spec = (version: string): Surface => {
    const surface = surfaces.get(version);
    if (!surface) throw new Error(`spec ${version} not loaded`);
    return surface;
  };

  beforeAll(async () => {
    for (const version of SWAGGER_VERSIONS) surfaces.set(version, await loadSwaggerSpec(specFile(version)));
  }, 120_000);

  it('loads all 32 Swagger files with their own version and nothing left unparsed', () => {
    expect([...surfaces.keys()]).toEqual(SWAGGER_VERSIONS);
    for (const [version, surface] of surfaces) {
      expect(surface.version).toBe(version);
      expect(surface.format).toBe('swagger');
      expect(surface.unparsed).toEqual([]);
      expect(surface.endpoints.length).toBeGreaterThan(90);
    }
  });

  it('counts the operations swagger-parser counts', () => {
    expect(spec('1.25').endpoints).toHaveLength(94);
    expect(spec('1.55').endpoints).toHaveLength(108);
  });

  it('lists each endpoint once, sorted, with uppercase methods', () => {
    for (const surface of surfaces.values()) {
      const keys = surface.endpoints.map((e) => `${e.path} ${e.method}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(surface.endpoints.every((e) => /^[A-Z]+$/.test(e.method))).toBe(true);
    }
  });

  it('reads HostConfig.CgroupnsMode of POST /containers/create from 1.41 on', () => {
    const field = (version: string) =>
      endpoint(spec(version), 'POST', '/containers/create').requestBody.find((f) => f.path === 'HostConfig.CgroupnsMode');
    expect(field('1.40')).toBeUndefined();
    expect(field('1.41')).toEqual({ path: 'HostConfig.CgroupnsMode', type: 'string', enum: ['private', 'host'] });
  });

  it('reads the request body through allOf, arrays and maps', () => {
    const create = endpoint(spec('1.41'), 'POST', '/containers/create');
    expect(create.operationId).toBe('ContainerCreate');
    expect(create.tags).toEqual(['Container']);
    const paths = fieldPaths(create.requestBody);
    expect(paths).toEqual([...paths].sort());
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(
      expect.arrayContaining([
        'Image',
        'Labels',
        'Labels.*',
        'HostConfig.Mounts.Source',
        'NetworkingConfig.EndpointsConfig.*',
        'NetworkingConfig.EndpointsConfig.*.IPAMConfig',
        'NetworkingConfig.EndpointsConfig.*.IPAMConfig.IPv4Address',
      ]),
    );
    expect(create.requestBody.find((f) => f.path === 'Labels.*')?.type).toBe('string');
    expect(create.requestBody.find((f) => f.path === 'Env')?.type).toBe('array<string>');
  });

  it('has the shared-size query parameter of GET /images/json from 1.42', () => {
    const param = (version: string) => endpoint(spec(version), 'GET', '/images/json').parameters.find((p) => p.name === 'shared-size');
    expect(param('1.41')).toBeUndefined();
    expect(param('1.42')).toEqual({ in: 'query', name: 'shared-size', type: 'boolean', default: 'false', required: false });
    expect(param('1.56')).toBeDefined();
  });

  it('has GET /images/{name}/attestations in 1.55 only from there', () => {
    expect(spec('1.54').endpoints.some((e) => e.path === '/images/{name}/attestations')).toBe(false);
    const attestations = endpoint(spec('1.55'), 'GET', '/images/{name}/attestations');
    expect(attestations.parameters.find((p) => p.name === 'name')).toMatchObject({ in: 'path', required: true });
  });

  it('reads response fields of GET /containers/{id}/json', () => {
    const inspect = endpoint(spec('1.41'), 'GET', '/containers/{id}/json');
    const status = inspect.response.find((f) => f.path === 'State.Status');
    expect(status?.type).toBe('string');
    expect(status?.enum).toContain('running');
    expect(fieldPaths(inspect.response)).toContain('Config.Labels.*');
  });

  it('skips byte-stream bodies (export is a tar stream)', () => {
    expect(endpoint(spec('1.41'), 'GET', '/containers/{id}/export').response).toEqual([]);
    expect(endpoint(spec('1.41'), 'POST', '/build').requestBody).toEqual([]);
  });

  it('marks POST /session deprecated from the description in 1.53, not in 1.52', () => {
    expect(endpoint(spec('1.52'), 'POST', '/session').deprecated).toBeUndefined();
    expect(endpoint(spec('1.53'), 'POST', '/session').deprecated).toEqual({ source: 'description' });
  });

  it('marks deprecated fields and parameters from their descriptions', () => {
    const auth = endpoint(spec('1.41'), 'POST', '/auth');
    expect(auth.requestBody.find((f) => f.path === 'email')?.deprecated).toEqual({ source: 'description' });
    expect(auth.requestBody.find((f) => f.path === 'username')?.deprecated).toBeUndefined();
    const prune = endpoint(spec('1.48'), 'POST', '/build/prune');
    expect(prune.parameters.find((p) => p.name === 'keep-storage')?.deprecated).toEqual({ source: 'description' });
    expect(prune.parameters.find((p) => p.name === 'reserved-space')?.deprecated).toBeUndefined();
  });

  it('does not take "MAINTAINER (deprecated)" or "(deprecated) builder" as deprecations', () => {
    const image = endpoint(spec('1.41'), 'GET', '/images/{name}/json');
    expect(image.response.find((f) => f.path === 'Author')?.deprecated).toBeUndefined();
    const search = endpoint(spec('1.41'), 'GET', '/images/search');
    expect(search.parameters.find((p) => p.name === 'filters')?.deprecated).toBeUndefined();
  });
});

describe('deprecation wording', () => {
  it.each([
    ['> **Deprecated**: This endpoint is deprecated and will be removed in a future version.', true],
    ['Some text.\n\n**Deprecated**: this field is kept for backward compatibility', true],
    ['Deprecated: This field is never set and will be removed in a future release.', true],
    ['An option. This field is deprecated since v1.44.', true],
    ['This replaces the deprecated `Foo` field.', false],
    ['specified through MAINTAINER (deprecated) in the Dockerfile.', false],
    ['The `is-automated` filter is deprecated.', false],
    ['- `1` is the first generation classic (deprecated) builder', false],
  ])('%j -> %s', (text, expected) => {
    expect(isDeprecationText(text)).toBe(expected);
  });
});

describe('fixture spec', () => {
  let surface: Surface;
  beforeAll(async () => {
    surface = await loadSwaggerSpec(fixture('minimal.yaml'));
  });

  it('reads the version from info.version and lists operations sorted by path then method', () => {
    expect(surface.version).toBe('1.99');
    expect(surface.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual([
      'POST /things',
      'GET /things/{id}',
      'GET /things/{id}/export',
      'POST /things/{id}/upload',
    ]);
  });

  it('merges path-level and operation-level parameters, the operation winning', () => {
    const get = endpoint(surface, 'GET', '/things/{id}');
    expect(get.operationId).toBe('ThingInspect');
    expect(get.tags).toEqual(['Thing']);
    expect(get.parameters).toEqual([
      { in: 'path', name: 'id', type: 'string', required: true },
      { in: 'query', name: 'verbose', type: 'integer', default: '1', required: false },
      { in: 'query', name: 'kinds', type: 'array<string>', enum: ['a', 'b'], required: false },
      { in: 'header', name: 'X-Token', type: 'string', required: true },
      { in: 'query', name: 'old', type: 'string', required: false, deprecated: { source: 'swagger-flag' } },
      { in: 'query', name: 'older', type: 'string', required: false, deprecated: { source: 'description' } },
    ]);
  });

  it('flattens the 200 response: $ref, maps as *, arrays adding nothing, deprecation inherited', () => {
    expect(endpoint(surface, 'GET', '/things/{id}').response).toEqual([
      { path: 'Author', type: 'string' },
      { path: 'Flag', type: 'boolean', deprecated: { source: 'swagger-flag' } },
      { path: 'Legacy', type: 'object', deprecated: { source: 'description' } },
      { path: 'Legacy.Inner', type: 'string', deprecated: { source: 'description' } },
      { path: 'Sizes', type: 'array<integer>' },
      { path: 'Spec', type: 'object' },
      { path: 'Spec.Labels', type: 'object' },
      { path: 'Spec.Labels.*', type: 'string' },
      { path: 'Spec.Mounts', type: 'array<object>' },
      { path: 'Spec.Mounts.Mode', type: 'string', enum: ['ro', 'rw'] },
      { path: 'Spec.Mounts.Source', type: 'string' },
      { path: 'Spec.Name', type: 'string' },
      { path: 'Spec.Ports', type: 'object' },
      { path: 'Spec.Ports.*', type: 'array<object>' },
      { path: 'Spec.Ports.*.HostPort', type: 'integer' },
    ]);
  });

  it('merges allOf members into the request body and takes 201 as the success response', () => {
    const post = endpoint(surface, 'POST', '/things');
    expect(fieldPaths(post.requestBody)).toEqual([
      'Extra',
      'Labels',
      'Labels.*',
      'Mounts',
      'Mounts.Mode',
      'Mounts.Source',
      'Name',
      'Ports',
      'Ports.*',
      'Ports.*.HostPort',
    ]);
    expect(post.response).toEqual([{ path: 'Id', type: 'string' }]);
    // "replaces the deprecated ..." talks about another endpoint.
    expect(post.deprecated).toBeUndefined();
  });

  it('skips binary bodies and reads formData as body fields', () => {
    const exported = endpoint(surface, 'GET', '/things/{id}/export');
    expect(exported.response).toEqual([]);
    expect(exported.deprecated).toEqual({ source: 'description' });
    const upload = endpoint(surface, 'POST', '/things/{id}/upload');
    expect(upload.deprecated).toEqual({ source: 'swagger-flag' });
    expect(upload.requestBody).toEqual([
      { path: 'comment', type: 'string', enum: ['x', 'y'] },
      { path: 'file', type: 'file' },
    ]);
    expect(upload.response).toEqual([]);
  });

  it('still loads when validation fails (deprecated flags on parameters are not Swagger 2.0) and says why', () => {
    expect(surface.unparsed).toHaveLength(1);
    expect(surface.unparsed[0]?.reason).toBe('Swagger validation failed; loaded without validation');
    expect(surface.unparsed[0]?.text).toMatch(/^Swagger schema validation failed: #\/paths\/\S+ .*\(\+\d+ more\)$/);
  });
});

describe('version', () => {
  const noVersion = 'swagger: "2.0"\ninfo: {title: "x"}\npaths: {}\n';

  it('falls back to the file name, and an explicit version wins', async () => {
    expect((await parseSwaggerSpec(noVersion, '/somewhere/v1.041.yaml')).version).toBe('1.41');
    expect((await parseSwaggerSpec(noVersion, 'v1.41.yaml', 'v1.43')).version).toBe('1.43');
  });

  it('ignores an unquoted (numeric) info.version, since 1.40 would read as 1.4', async () => {
    const numeric = 'swagger: "2.0"\ninfo: {title: "x", version: 1.40}\npaths: {}\n';
    expect((await parseSwaggerSpec(numeric, 'v1.40.yaml')).version).toBe('1.40');
  });

  it('fails cleanly when nothing names a version', async () => {
    await expect(parseSwaggerSpec(noVersion, 'spec.yaml')).rejects.toThrow(InputError);
    await expect(parseSwaggerSpec(noVersion, 'spec.yaml')).rejects.toThrow(/^spec\.yaml: cannot tell the API version/);
  });
});

describe('hostile and broken input', () => {
  it('cuts circular schemas and reports the cut', async () => {
    const surface = await loadSwaggerSpec(fixture('circular.yaml'));
    expect(endpoint(surface, 'GET', '/trees').response).toEqual([
      { path: 'Children', type: 'array<object>' },
      { path: 'Name', type: 'string' },
    ]);
    // B is allOf [A, {Depth}], so it has A's fields too; B.B is the repeat that gets cut.
    expect(fieldPaths(endpoint(surface, 'POST', '/pairs').requestBody)).toEqual(['B', 'B.B', 'B.Depth', 'B.Value', 'Value']);
    expect(surface.unparsed.map((u) => u.reason)).toContain('circular schema cut');
  });

  describe('external $ref over HTTP', () => {
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

    it('makes no request, still answers, and records the ref', async () => {
      const text = [
        'swagger: "2.0"',
        'info: {title: "x", version: "1.41"}',
        'paths:',
        '  /remote:',
        '    get:',
        '      responses:',
        '        200:',
        '          description: ok',
        '          schema:',
        '            type: object',
        '            properties:',
        '              Local: {type: string}',
        `              Far: {$ref: "http://127.0.0.1:${port}/x.yaml"}`,
      ].join('\n');
      const surface = await parseSwaggerSpec(text, 'remote.yaml');
      expect(requests).toBe(0);
      expect(endpoint(surface, 'GET', '/remote').response).toEqual([{ path: 'Local', type: 'string' }]);
      expect(surface.unparsed).toContainEqual({
        reason: 'external $ref not followed',
        text: `GET /remote response: Far -> http://127.0.0.1:${port}/x.yaml`,
      });
    });
  });

  it('never reads files named by $ref', async () => {
    const surface = await loadSwaggerSpec(fixture('external-file-ref.yaml'));
    const leak = endpoint(surface, 'POST', '/leak');
    expect(leak.requestBody).toEqual([]);
    expect(leak.response).toEqual([{ path: 'Local', type: 'string' }]);
    const texts = surface.unparsed.map((u) => u.text).join('\n');
    expect(texts).toContain('../../../../../../../../etc/passwd');
    expect(texts).toContain('./referenced.yaml#/definitions/Leak');
    expect(JSON.stringify(surface)).not.toContain('LeakedField');
    expect(JSON.stringify(surface)).not.toContain('root:');
  });

  it('loads a spec that fails validation and records the failure', async () => {
    const text = [
      'swagger: "2.0"',
      'info: {title: "x", version: "1.41"}',
      'paths:',
      '  /x:',
      '    post:',
      '      parameters:',
      '        - {name: a, in: body, schema: {type: object, properties: {A: {type: string}}}}',
      '        - {name: b, in: body, schema: {type: object, properties: {B: {type: string}}}}',
      '      responses:',
      '        200: {description: ok}',
    ].join('\n');
    const surface = await parseSwaggerSpec(text, 'two-bodies.yaml');
    expect(fieldPaths(endpoint(surface, 'POST', '/x').requestBody)).toEqual(['A', 'B']);
    expect(surface.unparsed[0]?.reason).toBe('Swagger validation failed; loaded without validation');
    expect(surface.unparsed[0]?.text).toMatch(/body parameters/);
  });

  it('names file and line of malformed YAML in one line', async () => {
    const file = fixture('malformed.yaml');
    const error = await loadSwaggerSpec(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).line).toBe(9);
    expect((error as InputError).message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:9: bad indentation`));
    expect((error as InputError).message).not.toContain('\n');
  });

  it('rejects YAML that is not an Engine API spec', async () => {
    await expect(loadSwaggerSpec(fixture('not-a-spec.yaml'))).rejects.toThrow(/not-a-spec\.yaml: not a Docker Engine API spec/);
    await expect(parseSwaggerSpec('openapi: 3.0.0\ninfo: {version: "1.41"}\npaths: {}\n', 'v1.41.yaml')).rejects.toThrow(
      /not a Docker Engine API spec/,
    );
    await expect(parseSwaggerSpec('just a string', 'v1.41.yaml')).rejects.toThrow(InputError);
  });

  it('fails cleanly on an unreadable file', async () => {
    await expect(loadSwaggerSpec(fixture('does-not-exist.yaml'))).rejects.toThrow(/does-not-exist\.yaml: cannot read spec \(ENOENT\)/);
  });

  it('stops a YAML alias bomb quickly with a clear error', async () => {
    const lines = ['swagger: "2.0"', 'info: {title: "x", version: "1.41"}', 'x0: &x0 [a, b, c, d, e, f, g, h, i, j]'];
    for (let i = 1; i <= 9; i += 1) lines.push(`x${i}: &x${i} [${Array(10).fill(`*x${i - 1}`).join(', ')}]`);
    lines.push('paths:', '  /bomb:', '    get:', '      responses:', '        200:', '          description: *x9');
    const error = await parseSwaggerSpec(lines.join('\n'), 'bomb.yaml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/^bomb\.yaml: document expands to more than \d+ nodes/);
  });

  it('reports a $ref to a missing definition instead of dropping it', async () => {
    const text = [
      'swagger: "2.0"',
      'info: {title: "x", version: "1.41"}',
      'paths:',
      '  /x:',
      '    get:',
      '      responses:',
      '        200:',
      '          description: ok',
      '          schema: {type: object, properties: {Gone: {$ref: "#/definitions/Gone"}, Here: {type: string}}}',
    ].join('\n');
    const surface = await parseSwaggerSpec(text, 'missing.yaml');
    expect(endpoint(surface, 'GET', '/x').response).toEqual([{ path: 'Here', type: 'string' }]);
    expect(surface.unparsed).toContainEqual({ reason: 'unresolved $ref', text: 'GET /x response: Gone -> #/definitions/Gone' });
    expect(surface.unparsed.map((u) => u.reason)).toContain('dereference failed; references followed one by one');
  });

  it('resolves $ref parameters and responses itself when dereferencing fails', async () => {
    const text = [
      'swagger: "2.0"',
      'info: {title: "x", version: "1.41"}',
      'parameters:',
      '  Id: {name: id, in: path, type: string, required: true}',
      'responses:',
      '  Ok: {description: ok, schema: {type: object, properties: {Id: {type: string}}}}',
      'paths:',
      '  /x/{id}:',
      '    get:',
      '      parameters: [{$ref: "#/parameters/Id"}, {$ref: "#/parameters/Nope"}]',
      '      responses: {200: {$ref: "#/responses/Ok"}}',
    ].join('\n');
    const surface = await parseSwaggerSpec(text, 'refs.yaml');
    const get = endpoint(surface, 'GET', '/x/{id}');
    expect(get.parameters).toEqual([{ in: 'path', name: 'id', type: 'string', required: true }]);
    expect(get.response).toEqual([{ path: 'Id', type: 'string' }]);
    expect(surface.unparsed).toContainEqual({
      reason: 'parameter not understood (unresolved $ref?)',
      text: 'GET /x/{id} #/parameters/Nope',
    });
  });

  it('terminates on self-referencing allOf and on exponential allOf fan-out', async () => {
    const lines = [
      'swagger: "2.0"',
      'info: {title: "x", version: "1.41"}',
      'paths:',
      '  /self:',
      '    get:',
      '      responses: {200: {description: ok, schema: {$ref: "#/definitions/Self"}}}',
      '  /fan:',
      '    get:',
      '      responses: {200: {description: ok, schema: {$ref: "#/definitions/D0"}}}',
      'definitions:',
      '  Self: {allOf: [{$ref: "#/definitions/Self"}, {$ref: "#/definitions/Self"}, {properties: {S: {type: string}}}]}',
    ];
    // D0 merges ten copies of D1, which merges ten copies of D2...: 10^30 paths if walked naively.
    for (let i = 0; i < 30; i += 1) {
      lines.push(`  D${i}: {allOf: [${Array(10).fill(`{$ref: "#/definitions/D${i + 1}"}`).join(', ')}]}`);
    }
    lines.push('  D30: {type: object, properties: {Leaf: {type: string}}}');
    const surface = await parseSwaggerSpec(lines.join('\n'), 'loops.yaml');
    expect(endpoint(surface, 'GET', '/self').response).toEqual([{ path: 'S', type: 'string' }]);
    expect(surface.unparsed.map((u) => u.reason)).toContain('circular schema cut');
    expect(surface.unparsed.map((u) => u.reason)).toContain(
      'references expand too far to inline; not validated, references followed lazily',
    );
    const fan = endpoint(surface, 'GET', '/fan');
    expect(fan.response.length).toBeLessThanOrEqual(1);
    expect(surface.unparsed.some((u) => u.text.startsWith('GET /fan response'))).toBe(true);
  });
});
