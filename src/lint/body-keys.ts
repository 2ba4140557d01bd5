import { findValueAt, isPresentIn } from '../history/query.js';
import type { ApiHistory, EndpointHistory, FieldHistory } from '../model/history.js';

/**
 * Resolves a dotted request-body key a call sends (`HostConfig.CgroupnsMode`, `Labels.com.example.team`)
 * against an endpoint's declared body fields in one version. Map values (`Labels.*`) take keys that
 * may themselves contain dots; an object field without declared children takes any sub-key.
 */
export interface BodyKeyResolution {
  present: boolean;
  /** False where the version's documentation does not describe the body well enough to judge (present is then true). */
  judged: boolean;
  /** The declared fields the key passes through, shallowest first (for deprecation checks). */
  chain: FieldHistory[];
}

export interface BodyKeyResolver {
  /**
   * `partial`: the key may stop inside the body (an object the call sets whole, or a prefix of a longer key).
   * Otherwise a key ending in a map whose values have declared fields must name one of them, unless the
   * map key is a single segment: `EndpointsConfig.my.net.MacAddress` is then not read as the map key `my.net.MacAddress`.
   */
  resolve(key: string, version: string, options?: { partial?: boolean }): BodyKeyResolution;
}

const MAX_SEARCH_STEPS = 10_000;
export const MAX_KEY_SEGMENTS = 64;

const SCALAR_TYPE = /^(array<)*(string|integer|number|boolean)>*$/;

const resolvers = new WeakMap<EndpointHistory, BodyKeyResolver>();

/** One resolver per endpoint, cached, since a file usually calls the same endpoints many times. */
export function findBodyKeyResolver(endpoint: EndpointHistory, history: ApiHistory): BodyKeyResolver {
  let resolver = resolvers.get(endpoint);
  if (!resolver) {
    resolver = createBodyKeyResolver(endpoint, history);
    resolvers.set(endpoint, resolver);
  }
  return resolver;
}

export function createBodyKeyResolver(endpoint: EndpointHistory, history: ApiHistory): BodyKeyResolver {
  const byPath = new Map<string, FieldHistory>();
  const children = new Map<string, FieldHistory[]>();
  for (const field of endpoint.requestBody) {
    byPath.set(field.path, field);
    const parent = parentPath(field.path);
    let list = children.get(parent);
    if (!list) children.set(parent, (list = []));
    list.push(field);
  }
  const markdownVersions = new Set(history.versions.filter((v) => v.format === 'markdown').map((v) => v.version));

  const declaredIn = (path: string, version: string): FieldHistory | undefined => {
    const field = byPath.get(path);
    return field && isPresentIn(field, version) ? field : undefined;
  };
  const hasChildrenIn = (path: string, version: string): boolean =>
    (children.get(path) ?? []).some((f) => isPresentIn(f, version));

  return {
    resolve(key, version, options = {}) {
      // The markdown references describe few request bodies field by field; where a version declares
      // none for this endpoint, a key cannot be judged and counts as present rather than as a false alarm.
      if (!isPresentIn(endpoint, version)) return { present: false, judged: true, chain: [] };
      if (markdownVersions.has(version) && !hasChildrenIn('', version)) return { present: true, judged: false, chain: [] };
      const segments = key.split('.');
      // Real bodies nest a few levels; a key this deep is generated or hostile and cannot be judged cheaply.
      if (segments.length > MAX_KEY_SEGMENTS) return { present: true, judged: false, chain: [] };
      // Iterative search over (declared path, segments consumed): a map key may span several segments.
      const stack: { path: string; index: number; chain: FieldHistory[] }[] = [{ path: '', index: 0, chain: [] }];
      let best: FieldHistory[] = [];
      let budget = MAX_SEARCH_STEPS;
      while (stack.length > 0) {
        // A pathological key (thousands of segments under nested maps) cannot be judged cheaply: not a finding.
        if (--budget < 0) return { present: true, judged: false, chain: best };
        const state = stack.pop()!;
        if (state.chain.length > best.length) best = state.chain;
        if (state.index === segments.length) return { present: true, judged: true, chain: state.chain };
        if (state.path !== '') {
          const field = byPath.get(state.path)!;
          const type = findCurrentType(field, version);
          if (!hasChildrenIn(state.path, version) && !SCALAR_TYPE.test(type)) return { present: true, judged: true, chain: state.chain };
        }
        const map = declaredIn(joinPath(state.path, '*'), version);
        if (map) {
          const strict = !options.partial && hasChildrenIn(map.path, version);
          for (let end = segments.length; end > state.index; end--) {
            if (strict && end === segments.length && end - state.index > 1) continue;
            stack.push({ path: map.path, index: end, chain: [...state.chain, map] });
          }
        }
        const exact = declaredIn(joinPath(state.path, segments[state.index]!), version);
        if (exact) stack.push({ path: exact.path, index: state.index + 1, chain: [...state.chain, exact] });
      }
      return { present: false, judged: true, chain: best };
    },
  };
}

function findCurrentType(field: FieldHistory, version: string): string {
  return findValueAt(field.type, version) ?? '';
}

function parentPath(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? '' : path.slice(0, dot);
}

function joinPath(parent: string, segment: string): string {
  return parent === '' ? segment : `${parent}.${segment}`;
}
