/**
 * Tree sizes of a parsed document, computed in linear time over its object graph:
 * `tree` counts nodes as a plain tree walk sees them (YAML aliases are shared references in
 * js-yaml, so a "billion laughs" document is small in memory but huge as a tree); `expanded`
 * also inlines internal `$ref`s, which is what a dereferencer walks (a `$ref` fan-out over a
 * chain of definitions is the same bomb built from references).
 */
export interface DocumentSize {
  tree: number;
  expanded: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

function resolvePointer(document: unknown, ref: string): unknown {
  let node: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/**
 * Memoized per object, so shared subgraphs cost once. A reference back into a node still being
 * measured (a cycle) counts as one node, as the dereferencer leaves it in place too.
 * Recursion depth is bounded by js-yaml's nesting limit plus the length of `$ref` chains; a chain
 * long enough to exhaust the stack is reported as infinitely large.
 */
export function measureDocument(document: unknown): DocumentSize {
  const memo = new WeakMap<object, DocumentSize>();
  const inProgress = new Set<object>();

  const measure = (node: unknown): DocumentSize => {
    if (!isObject(node)) return { tree: 0, expanded: 0 };
    const known = memo.get(node);
    if (known) return known;
    if (inProgress.has(node)) return { tree: 1, expanded: 1 };
    inProgress.add(node);
    let tree = 1;
    let expanded = 1;
    const ref = Array.isArray(node) ? undefined : node.$ref;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      const size = measure(child);
      tree += size.tree;
      expanded += size.expanded;
    }
    if (typeof ref === 'string' && ref.startsWith('#/')) {
      const target = resolvePointer(document, ref);
      if (isObject(target)) expanded += measure(target).expanded;
    }
    inProgress.delete(node);
    const size = { tree, expanded };
    memo.set(node, size);
    return size;
  };

  try {
    return measure(document);
  } catch (error) {
    if (error instanceof RangeError) return { tree: Infinity, expanded: Infinity };
    throw error;
  }
}
