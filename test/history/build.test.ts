import { describe, expect, it } from 'vitest';
import { buildHistory } from '../../src/history/build.js';
import { buildSurfaceAt, isDeprecatedIn, isPresentIn } from '../../src/history/query.js';
import type { Endpoint, Surface } from '../../src/model/surface.js';

function endpoint(partial: Partial<Endpoint> & Pick<Endpoint, 'method' | 'path'>): Endpoint {
  return { tags: [], parameters: [], requestBody: [], response: [], ...partial };
}

function surface(version: string, endpoints: Endpoint[]): Surface {
  return { version, format: 'swagger', endpoints, unparsed: [] };
}

describe('buildHistory', () => {
  const surfaces = [
    surface('1.10', [endpoint({ method: 'GET', path: '/a', parameters: [{ in: 'query', name: 'x', type: 'string', required: false, enum: ['p'] }] })]),
    surface('1.9', [endpoint({ method: 'GET', path: '/a' }), endpoint({ method: 'POST', path: '/gone' })]),
    surface('1.11', [endpoint({ method: 'GET', path: '/a', parameters: [{ in: 'query', name: 'x', type: 'integer', required: false, enum: ['p', 'q'] }] })]),
    surface('1.12', [
      endpoint({ method: 'GET', path: '/a', deprecated: { source: 'swagger-flag' } }),
      endpoint({ method: 'POST', path: '/gone' }),
    ]),
  ];
  const history = buildHistory(surfaces, {
    deprecations: [{ version: '1.11', method: 'GET', path: '/a', name: 'x' }],
    mentions: [],
  });

  it('orders versions numerically and records gaps as separate intervals', () => {
    expect(history.versions.map((v) => v.version)).toEqual(['1.9', '1.10', '1.11', '1.12']);
    const gone = history.endpoints.find((e) => e.path === '/gone')!;
    expect(gone.present).toEqual([
      { from: '1.9', to: '1.9' },
      { from: '1.12', to: '1.12' },
    ]);
    expect(gone.removed).toBeUndefined();
  });

  it('records attribute changes, enum values, removal and deprecation with sources', () => {
    const a = history.endpoints.find((e) => e.path === '/a')!;
    const x = a.parameters[0]!;
    expect(x.present).toEqual([{ from: '1.10', to: '1.11' }]);
    expect(x.removed).toBe('1.12');
    expect(x.type).toEqual([
      { version: '1.10', value: 'string' },
      { version: '1.11', value: 'integer' },
    ]);
    expect(x.enum.map((v) => [v.value, v.present[0]!.from])).toEqual([
      ['p', '1.10'],
      ['q', '1.11'],
    ]);
    expect(x.deprecated).toEqual({ version: '1.11', sources: ['changelog'] });
    expect(a.deprecated).toEqual({ version: '1.12', sources: ['swagger-flag'] });
    expect(isDeprecatedIn(a, '1.11')).toBe(false);
    expect(isDeprecatedIn(a, '1.12')).toBe(true);
    expect(isPresentIn(x, '1.9')).toBe(false);
  });

  it('rebuilds each version surface from the history', () => {
    for (const original of surfaces) {
      const rebuilt = buildSurfaceAt(history, original.version);
      expect(rebuilt.endpoints.map((e) => `${e.method} ${e.path}`).sort()).toEqual(
        original.endpoints.map((e) => `${e.method} ${e.path}`).sort(),
      );
    }
    expect(buildSurfaceAt(history, '1.11').endpoints[0]!.parameters[0]).toEqual({
      in: 'query',
      name: 'x',
      type: 'integer',
      required: false,
      enum: ['p', 'q'],
      deprecated: { source: 'changelog' },
    });
  });

  it('does not depend on input order', () => {
    expect(JSON.stringify(buildHistory([...surfaces].reverse()))).toBe(JSON.stringify(buildHistory(surfaces)));
  });
});
