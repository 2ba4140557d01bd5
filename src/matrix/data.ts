import { findDockerRelease, findVersionStatus, type VersionStatus } from '../model/release-info.js';
import { DOCKER_RELEASES } from '../data/releases.js';
import type { ApiHistory, ElementHistory, VersionRange } from '../model/history.js';

/**
 * The compatibility matrix as plain data, embedded in the page as JSON. Ranges are version
 * indexes so the page can colour 57 columns without parsing version strings.
 */
export interface MatrixData {
  versions: { version: string; docker: string | null; status: VersionStatus }[];
  releases: { docker: string; api: string }[];
  endpoints: MatrixEndpoint[];
}

/** [firstIndex, lastIndex] inclusive. */
export type IndexRange = [number, number];

export interface MatrixElement {
  name: string;
  present: IndexRange[];
  /** Index of the first version marking it deprecated, or -1. */
  deprecated: number;
}

export interface MatrixEndpoint extends MatrixElement {
  method: string;
  path: string;
  tag: string;
  operationId: string | null;
  parameters: (MatrixElement & { in: string })[];
  body: MatrixElement[];
  response: MatrixElement[];
}

export function buildMatrixData(history: ApiHistory): MatrixData {
  const versions = history.versions.map((v) => v.version);
  const indexOf = new Map(versions.map((v, i) => [v, i]));
  const toIndexRanges = (ranges: readonly VersionRange[]): IndexRange[] =>
    ranges.map((r) => [indexOf.get(r.from) ?? 0, indexOf.get(r.to) ?? 0]);
  const toElement = (name: string, e: ElementHistory): MatrixElement => ({
    name,
    present: toIndexRanges(e.present),
    deprecated: e.deprecated ? (indexOf.get(e.deprecated.version) ?? -1) : -1,
  });
  return {
    versions: versions.map((version) => ({
      version,
      docker: findDockerRelease(version) ?? null,
      status: findVersionStatus(version),
    })),
    releases: DOCKER_RELEASES.filter((r) => indexOf.has(r.api)).map((r) => ({ docker: r.docker, api: r.api })),
    endpoints: history.endpoints.map((e) => {
      const latestTags = e.tags.at(-1)?.value ?? [];
      return {
        ...toElement(`${e.method} ${e.path}`, e),
        method: e.method,
        path: e.path,
        tag: latestTags[0] ?? deriveTag(e.path),
        operationId: e.operationId.at(-1)?.value ?? null,
        parameters: e.parameters.map((p) => ({ ...toElement(p.name, p), in: p.in })),
        body: e.requestBody.map((f) => toElement(f.path, f)),
        response: e.response.map((f) => toElement(f.path, f)),
      };
    }).sort((a, b) => compareText(a.tag, b.tag) || compareText(a.path, b.path) || compareText(a.method, b.method)),
  };
}

/** Endpoints known only from markdown eras carry no tag: group them by their first path segment. */
function deriveTag(path: string): string {
  const segment = path.split('/')[1] ?? '';
  const name = segment.replace(/^_/, '').replace(/s$/, '');
  return name ? name[0]!.toUpperCase() + name.slice(1) : 'Other';
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
