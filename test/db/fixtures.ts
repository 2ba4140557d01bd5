import { buildHistory } from '../../src/history/build.js';
import type { ApiHistory } from '../../src/model/history.js';
import type { Endpoint, Surface } from '../../src/model/surface.js';

export function endpoint(partial: Partial<Endpoint> & Pick<Endpoint, 'method' | 'path'>): Endpoint {
  return { tags: [], parameters: [], requestBody: [], response: [], ...partial };
}

export function surface(version: string, endpoints: Endpoint[], format: Surface['format'] = 'swagger'): Surface {
  return { version, format, endpoints, unparsed: [] };
}

/** A small history exercising every stored shape: gaps, removal, deprecation sources, enums, null defaults, changelog. */
export function buildFixtureHistory(): ApiHistory {
  const surfaces = [
    surface(
      '1.9',
      [
        endpoint({ method: 'GET', path: '/a', tags: ['A'] }),
        endpoint({ method: 'POST', path: '/gone', operationId: 'Gone' }),
      ],
      'markdown',
    ),
    {
      ...surface('1.10', [
        endpoint({
          method: 'GET',
          path: '/a',
          operationId: 'GetA',
          tags: ['A', 'B'],
          parameters: [{ in: 'query', name: 'x', type: 'string', required: false, enum: ['p'], default: 'p' }],
          response: [{ path: 'Labels.*', type: 'string' }],
        }),
      ]),
      unparsed: [{ reason: 'odd', text: 'x' }],
    },
    surface('1.11', [
      endpoint({
        method: 'GET',
        path: '/a',
        operationId: 'GetA',
        tags: ['A', 'B'],
        parameters: [
          { in: 'query', name: 'x', type: 'integer', required: true, enum: ['p', 'q'] },
          { in: 'path', name: 'id', type: 'string', required: true, deprecated: { source: 'description' } },
        ],
        requestBody: [{ path: 'HostConfig.Mode', type: 'string', enum: ['a', 'b'], deprecated: { source: 'swagger-flag' } }],
        response: [{ path: 'Labels.*', type: 'string' }],
      }),
    ]),
    surface('1.12', [
      endpoint({ method: 'GET', path: '/a', deprecated: { source: 'swagger-flag' } }),
      endpoint({ method: 'POST', path: '/gone' }),
      endpoint({ method: 'DELETE', path: '/new' }),
    ]),
    surface('1.13', [endpoint({ method: 'GET', path: '/a' }), endpoint({ method: 'DELETE', path: '/new' })]),
  ];
  return buildHistory(surfaces, {
    deprecations: [
      { version: '1.11', method: 'GET', path: '/a', name: 'x' },
      { version: '1.12', method: 'GET', path: '/a' },
    ],
    mentions: [
      { version: '1.12', method: 'DELETE', path: '/new', change: 'added' },
      { version: '1.11', method: 'GET', path: '/a', name: 'x', change: 'changed' },
      { version: '1.99', method: 'GET', path: '/future', change: 'removed' },
    ],
  });
}
