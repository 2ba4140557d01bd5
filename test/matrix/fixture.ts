import { buildHistory } from '../../src/history/build.js';
import type { Endpoint, Surface } from '../../src/model/surface.js';
import type { ApiHistory } from '../../src/model/history.js';

function endpoint(partial: Partial<Endpoint> & Pick<Endpoint, 'method' | 'path'>): Endpoint {
  return { tags: ['Container'], parameters: [], requestBody: [], response: [], ...partial };
}

/** A small history across real version numbers: enough to exercise every cell state. */
export function buildFixtureHistory(): ApiHistory {
  const surfaces: Surface[] = ['1.40', '1.41', '1.42', '1.43', '1.44'].map((version, i) => ({
    version,
    format: 'swagger',
    unparsed: [],
    endpoints: [
      endpoint({
        method: 'POST',
        path: '/containers/create',
        operationId: 'ContainerCreate',
        requestBody: i >= 1 ? [{ path: 'HostConfig.CgroupnsMode', type: 'string', enum: ['private', 'host'] }] : [],
      }),
      endpoint({
        method: 'GET',
        path: '/images/json',
        tags: ['Image'],
        operationId: 'ImageList',
        parameters: i >= 2 ? [{ in: 'query', name: 'shared-size', type: 'boolean', required: false }] : [],
      }),
      ...(i <= 2 ? [endpoint({ method: 'POST', path: '/build/prune', tags: ['Image'], deprecated: i === 2 ? { source: 'changelog' } : undefined })] : []),
    ].map((e) => (e.deprecated === undefined ? (({ deprecated: _d, ...rest }) => rest)(e) : e)) as Endpoint[],
  }));
  return buildHistory(surfaces);
}
