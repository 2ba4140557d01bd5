import { describe, expect, it } from 'vitest';
import { diffSurfaces } from '../../src/diff/diff-surfaces.js';
import type { Endpoint, Surface } from '../../src/model/surface.js';

function endpoint(partial: Partial<Endpoint> & Pick<Endpoint, 'method' | 'path'>): Endpoint {
  return { tags: [], parameters: [], requestBody: [], response: [], ...partial };
}
function surface(version: string, endpoints: Endpoint[]): Surface {
  return { version, format: 'swagger', endpoints, unparsed: [] };
}

const OLD = surface('1.40', [
  endpoint({ method: 'GET', path: '/gone' }),
  endpoint({
    method: 'POST',
    path: '/containers/create',
    parameters: [
      { in: 'query', name: 'name', type: 'string', required: false },
      { in: 'query', name: 'old', type: 'string', required: false },
      { in: 'query', name: 'mode', type: 'string', required: false, enum: ['a', 'b'], default: 'a' },
    ],
    requestBody: [
      { path: 'HostConfig.IpcMode', type: 'string', enum: ['host', 'shareable'] },
      { path: 'HostConfig.KernelMemory', type: 'integer' },
    ],
    response: [{ path: 'Id', type: 'string' }, { path: 'Warnings', type: 'array<string>' }],
  }),
]);

const NEW = surface('1.41', [
  endpoint({ method: 'GET', path: '/new', deprecated: { source: 'swagger-flag' } }),
  endpoint({
    method: 'POST',
    path: '/containers/create',
    parameters: [
      { in: 'query', name: 'name', type: 'integer', required: true, deprecated: { source: 'description' } },
      { in: 'query', name: 'platform', type: 'string', required: false },
      { in: 'header', name: 'X-Must', type: 'string', required: true },
      { in: 'query', name: 'mode', type: 'string', required: false, enum: ['b', 'c'], default: 'b' },
    ],
    requestBody: [
      { path: 'HostConfig.IpcMode', type: 'string', enum: ['host', 'private', 'shareable'] },
      { path: 'HostConfig.CgroupnsMode', type: 'string', enum: ['private', 'host'] },
      { path: 'HostConfig.KernelMemory', type: 'integer', deprecated: { source: 'swagger-flag' } },
    ],
    response: [{ path: 'Id', type: 'integer' }],
  }),
]);

describe('diffSurfaces', () => {
  const changes = diffSurfaces(OLD, NEW);
  const brief = changes.map((c) => [c.kind, `${c.method} ${c.path}`, c.location, c.name ?? '', c.value ?? '', c.before ?? '', c.after ?? '']);

  it('lists every structural change in a deterministic order', () => {
    expect(brief).toEqual([
      ['parameter-default-changed', 'POST /containers/create', 'query', 'mode', '', 'a', 'b'],
      ['parameter-enum-value-added', 'POST /containers/create', 'query', 'mode', 'c', '', ''],
      ['parameter-enum-value-removed', 'POST /containers/create', 'query', 'mode', 'a', '', ''],
      ['parameter-type-changed', 'POST /containers/create', 'query', 'name', '', 'string', 'integer'],
      ['parameter-required-changed', 'POST /containers/create', 'query', 'name', '', 'false', 'true'],
      ['parameter-deprecated', 'POST /containers/create', 'query', 'name', '', '', ''],
      ['parameter-removed', 'POST /containers/create', 'query', 'old', '', '', ''],
      ['parameter-added', 'POST /containers/create', 'query', 'platform', '', '', ''],
      ['parameter-added', 'POST /containers/create', 'header', 'X-Must', '', '', ''],
      ['request-field-added', 'POST /containers/create', 'body', 'HostConfig.CgroupnsMode', '', '', ''],
      ['request-field-enum-value-added', 'POST /containers/create', 'body', 'HostConfig.IpcMode', 'private', '', ''],
      ['request-field-deprecated', 'POST /containers/create', 'body', 'HostConfig.KernelMemory', '', '', ''],
      ['response-field-type-changed', 'POST /containers/create', 'response', 'Id', '', 'string', 'integer'],
      ['response-field-removed', 'POST /containers/create', 'response', 'Warnings', '', '', ''],
      ['endpoint-removed', 'GET /gone', 'endpoint', '', '', '', ''],
      ['endpoint-added', 'GET /new', 'endpoint', '', '', '', ''],
    ]);
  });

  it('records whether an added parameter is required, and both versions', () => {
    expect(changes.find((c) => c.name === 'X-Must')).toMatchObject({ required: true, from: '1.40', to: '1.41' });
    expect(changes.find((c) => c.name === 'platform')).toMatchObject({ required: false });
  });

  it('is empty between identical surfaces and mirrors when reversed', () => {
    expect(diffSurfaces(NEW, NEW)).toEqual([]);
    const reversed = diffSurfaces(NEW, OLD).map((c) => c.kind);
    expect(reversed).toContain('endpoint-removed');
    expect(reversed).toContain('parameter-removed');
    expect(reversed.filter((k) => k === 'endpoint-added')).toHaveLength(1);
  });

  it('does not depend on the input order of endpoints or elements', () => {
    const shuffled: Surface = { ...NEW, endpoints: [...NEW.endpoints].reverse().map((e) => ({ ...e, parameters: [...e.parameters].reverse() })) };
    expect(diffSurfaces(OLD, shuffled)).toEqual(changes);
  });
});

describe('enum lists appearing and vanishing', () => {
  const field = (enumValues?: string[]) =>
    surface('1.41', [endpoint({ method: 'POST', path: '/x', requestBody: [{ path: 'Mode', type: 'string', ...(enumValues ? { enum: enumValues } : {}) }] })]);

  it('reports every value of a list that appears on an existing field as added', () => {
    const changes = diffSurfaces({ ...field(), version: '1.40' }, field(['private', 'shareable']));
    expect(changes.map((c) => [c.kind, c.name, c.value])).toEqual([
      ['request-field-enum-value-added', 'Mode', 'private'],
      ['request-field-enum-value-added', 'Mode', 'shareable'],
    ]);
  });

  it('reports nothing when a list vanishes: no value stops being accepted', () => {
    expect(diffSurfaces({ ...field(['private']), version: '1.40' }, field())).toEqual([]);
  });
});
