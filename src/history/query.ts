import type { ApiHistory, AttributeChange, ElementHistory, EndpointHistory } from '../model/history.js';
import type { Endpoint, Field, Parameter, Surface } from '../model/surface.js';
import { compareVersions } from '../model/version.js';

export function isPresentIn(element: ElementHistory, version: string): boolean {
  return element.present.some((r) => compareVersions(version, r.from) >= 0 && compareVersions(version, r.to) <= 0);
}

/** Deprecated at `version`: marked in that version or an earlier one, and still present. */
export function isDeprecatedIn(element: ElementHistory, version: string): boolean {
  return element.deprecated !== undefined && compareVersions(version, element.deprecated.version) >= 0 && isPresentIn(element, version);
}

/** The first version the element exists in. */
export function findAddedVersion(element: ElementHistory): string | undefined {
  return element.present[0]?.from;
}

export function findValueAt<T>(changes: readonly AttributeChange<T>[], version: string): T | undefined {
  let value: T | undefined;
  for (const change of changes) {
    if (compareVersions(change.version, version) <= 0) value = change.value;
    else break;
  }
  return value;
}

export function listVersions(history: ApiHistory): string[] {
  return history.versions.map((v) => v.version);
}

export function findEndpoint(history: ApiHistory, method: string, path: string): EndpointHistory | undefined {
  return history.endpoints.find((e) => e.method === method && e.path === path);
}

/** Rebuilds one version's surface from the history (the inverse of `buildHistory`, minus unparsed items). */
export function buildSurfaceAt(history: ApiHistory, version: string): Surface {
  const info = history.versions.find((v) => v.version === version);
  if (!info) throw new Error(`no such version in history: ${version}`);
  const endpoints: Endpoint[] = [];
  for (const e of history.endpoints) {
    if (!isPresentIn(e, version)) continue;
    const endpoint: Endpoint = {
      method: e.method,
      path: e.path,
      tags: findValueAt(e.tags, version) ?? [],
      parameters: [],
      requestBody: [],
      response: [],
    };
    const operationId = findValueAt(e.operationId, version);
    if (operationId) endpoint.operationId = operationId;
    if (isDeprecatedIn(e, version)) endpoint.deprecated = { source: e.deprecated!.sources[0]! };
    for (const p of e.parameters) {
      if (!isPresentIn(p, version)) continue;
      const parameter: Parameter = {
        in: p.in,
        name: p.name,
        type: findValueAt(p.type, version) ?? 'string',
        required: findValueAt(p.required, version) ?? false,
      };
      const enumValues = p.enum.filter((v) => isPresentIn(v, version)).map((v) => v.value);
      if (enumValues.length > 0) parameter.enum = enumValues;
      const defaultValue = findValueAt(p.default, version);
      if (defaultValue !== undefined && defaultValue !== null) parameter.default = defaultValue;
      if (isDeprecatedIn(p, version)) parameter.deprecated = { source: p.deprecated!.sources[0]! };
      endpoint.parameters.push(parameter);
    }
    for (const [target, source] of [
      [endpoint.requestBody, e.requestBody],
      [endpoint.response, e.response],
    ] as const) {
      for (const f of source) {
        if (!isPresentIn(f, version)) continue;
        const field: Field = { path: f.path, type: findValueAt(f.type, version) ?? 'object' };
        const enumValues = f.enum.filter((v) => isPresentIn(v, version)).map((v) => v.value);
        if (enumValues.length > 0) field.enum = enumValues;
        if (isDeprecatedIn(f, version)) field.deprecated = { source: f.deprecated!.sources[0]! };
        target.push(field);
      }
    }
    endpoints.push(endpoint);
  }
  return { version, format: info.format, endpoints, unparsed: [] };
}
