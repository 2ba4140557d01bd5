import { findEndpoint, isPresentIn, listVersions } from '../history/query.js';
import type { CallKey, CallRecord } from '../model/call.js';
import type { ApiHistory, ElementHistory, EndpointHistory } from '../model/history.js';
import { findDockerRelease } from '../model/release-info.js';
import { compareVersions } from '../model/version.js';

/** One call or key that forces the minimum version up. */
export interface MinimumVersionReason {
  file: string;
  line: number;
  /** `GET /containers/json`, `GET /images/json shared-size`, `POST /containers/create HostConfig.CgroupnsMode`, or `pinned API version 1.41`. */
  element: string;
}

export interface MinimumVersion {
  /** The lowest API version in which every call and key found exists. */
  version: string;
  /** The first Docker Engine release serving that API version, when one is known. */
  docker: string | null;
  because: MinimumVersionReason[];
}

interface Requirement {
  reason: MinimumVersionReason;
  element?: ElementHistory;
  /** A pinned `/v1.41/` request is refused by daemons older than that version. */
  atLeast?: string;
}

/**
 * The lowest API version every found call and key exists in (and that every pinned version allows),
 * with the calls and keys that force it. Keys the history does not know are left to the lint rules.
 * Null when there are no calls.
 */
export function findMinimumVersion(calls: readonly CallRecord[], history: ApiHistory): MinimumVersion | null {
  if (calls.length === 0) return null;
  const versions = listVersions(history);
  const requirements: Requirement[] = [];
  for (const call of calls) {
    const reason = (element: string): MinimumVersionReason => ({ file: call.location.file, line: call.location.line, element });
    const endpointName = `${call.method} ${call.path}`;
    if (call.pinnedVersion && versions.includes(call.pinnedVersion)) {
      requirements.push({ reason: reason(`pinned API version ${call.pinnedVersion}`), atLeast: call.pinnedVersion });
    }
    const endpoint = findEndpoint(history, call.method, call.path);
    if (!endpoint) continue;
    requirements.push({ reason: reason(endpointName), element: endpoint });
    for (const key of call.keys) {
      const element = findKeyElement(endpoint, key);
      if (element) requirements.push({ reason: reason(`${endpointName} ${key.name}`), element });
    }
  }
  if (requirements.length === 0) return null;
  const isMet = (r: Requirement, version: string) =>
    (r.atLeast === undefined || compareVersions(version, r.atLeast) >= 0) && (r.element === undefined || isPresentIn(r.element, version));
  let index = versions.findIndex((v) => requirements.every((r) => isMet(r, v)));
  // No single version has everything (something was removed before something else was added): use the newest first-appearance.
  if (index < 0) {
    index = Math.max(...requirements.map((r) => versions.findIndex((v) => isMet(r, v))));
    if (index < 0) return null;
  }
  const version = versions[index]!;
  const previous = index > 0 ? versions[index - 1] : undefined;
  const because = previous === undefined ? [] : requirements.filter((r) => !isMet(r, previous)).map((r) => r.reason);
  return { version, docker: findDockerRelease(version) ?? null, because: dedupeReasons(because) };
}

/** The history element a call key refers to; body keys like `Labels.app` match the spec's `Labels.*`. */
function findKeyElement(endpoint: EndpointHistory, key: CallKey): ElementHistory | undefined {
  if (key.in === 'body') return endpoint.requestBody.find((f) => isFieldPathMatch(f.path, key.name));
  return endpoint.parameters.find((p) => p.in === key.in && p.name === key.name);
}

function isFieldPathMatch(specPath: string, keyPath: string): boolean {
  if (specPath === keyPath) return true;
  const spec = specPath.split('.');
  const key = keyPath.split('.');
  return spec.length === key.length && spec.every((part, i) => part === '*' || part === key[i]);
}

function dedupeReasons(reasons: readonly MinimumVersionReason[]): MinimumVersionReason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const id = `${r.file}:${r.line}:${r.element}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
