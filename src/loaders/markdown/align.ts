import type { Endpoint, Surface } from '../../model/surface.js';

const PARAMETER = /^\{(.+)\}$/;

/** `/containers/{id}/json` -> `/containers/{}/json`: the path with parameter names erased. */
export function toPathShape(path: string): string {
  return path
    .split('/')
    .map((segment) => (PARAMETER.test(segment) ? '{}' : segment))
    .join('/');
}

function parameterNames(path: string): string[] {
  return path
    .split('/')
    .map((segment) => PARAMETER.exec(segment)?.[1])
    .filter((name): name is string => name !== undefined);
}

/**
 * Renames the markdown placeholders (`{id}` from `(id or name)`, `{name}` from `(plugin name)`)
 * to the names the reference (v1.25) Swagger uses for the same path shape, so an endpoint keeps
 * one identity across the format change. The same method is preferred; a path shape the
 * reference knows only under another method still lends its names, because names belong to
 * the path, not the operation. Pure: returns new surfaces.
 */
export function alignPathParameterNames(surfaces: readonly Surface[], reference: Surface): Surface[] {
  const byMethodAndShape = new Map<string, string[]>();
  const byShape = new Map<string, string[]>();
  for (const endpoint of reference.endpoints) {
    const shape = toPathShape(endpoint.path);
    const names = parameterNames(endpoint.path);
    if (names.length === 0) continue;
    byMethodAndShape.set(`${endpoint.method} ${shape}`, names);
    if (!byShape.has(shape)) byShape.set(shape, names);
  }
  return surfaces.map((surface) => {
    const endpoints: Endpoint[] = [];
    const seen = new Map<string, Endpoint>();
    for (const endpoint of surface.endpoints) {
      const shape = toPathShape(endpoint.path);
      const target = byMethodAndShape.get(`${endpoint.method} ${shape}`) ?? byShape.get(shape);
      const renamed = target ? renameParameters(endpoint, target) : cloneEndpoint(endpoint);
      const key = `${renamed.method} ${renamed.path}`;
      if (seen.has(key)) continue; // Two placeholders for one path: the first wins, as in the loader's dedupe.
      seen.set(key, renamed);
      endpoints.push(renamed);
    }
    return { ...surface, endpoints, unparsed: surface.unparsed.map((u) => ({ ...u })) };
  });
}

function renameParameters(endpoint: Endpoint, names: readonly string[]): Endpoint {
  const current = parameterNames(endpoint.path);
  if (current.length !== names.length) return cloneEndpoint(endpoint);
  const renames = new Map(current.map((name, i) => [name, names[i]!]));
  let index = 0;
  const path = endpoint.path
    .split('/')
    .map((segment) => (PARAMETER.test(segment) ? `{${names[index++]!}}` : segment))
    .join('/');
  const clone = cloneEndpoint(endpoint);
  return {
    ...clone,
    path,
    parameters: clone.parameters.map((p) => (p.in === 'path' && renames.has(p.name) ? { ...p, name: renames.get(p.name)! } : p)),
  };
}

function cloneEndpoint(endpoint: Endpoint): Endpoint {
  return {
    ...endpoint,
    tags: [...endpoint.tags],
    parameters: endpoint.parameters.map((p) => ({ ...p, ...(p.enum ? { enum: [...p.enum] } : {}) })),
    requestBody: endpoint.requestBody.map((f) => ({ ...f, ...(f.enum ? { enum: [...f.enum] } : {}) })),
    response: endpoint.response.map((f) => ({ ...f, ...(f.enum ? { enum: [...f.enum] } : {}) })),
  };
}
