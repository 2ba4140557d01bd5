/**
 * Matching a concrete request path (`/containers/abc/json`, `/v1.41/images/library/alpine/json`)
 * to the spec's path templates (`/containers/{id}/json`, `/images/{name}/json`).
 */

/** Drops a `/v1.41` version prefix, a query string and a trailing slash. */
export function normalizeRequestPath(raw: string): string {
  let path = raw.trim().replace(/[?#].*$/, '');
  path = path.replace(/^\/v\d+\.\d+(?=\/)/, '');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  return path;
}

/**
 * The templates `path` matches, best first: the template itself (also when written with other
 * parameter names, `{name}` for `{id}`), then templates whose parameters each take one segment,
 * then templates whose parameters may span slashes (image names: `library/alpine`). Within a tier,
 * more literal segments win, so `/containers/create` never matches `/containers/{id}`.
 */
export function matchPathTemplates(path: string, templates: readonly string[]): string[] {
  const wanted = normalizeRequestPath(path);
  const unified = unifyParameters(wanted);
  const exact = templates.filter((t) => t === wanted || unifyParameters(t) === unified);
  if (exact.length > 0) return exact;
  for (const segmentPattern of ['[^/]+', '.+']) {
    const hits = templates
      .filter((t) => templatePattern(t, segmentPattern).test(wanted))
      .sort((a, b) => literalCount(b) - literalCount(a) || (a < b ? -1 : a > b ? 1 : 0));
    if (hits.length > 0) {
      const best = literalCount(hits[0]!);
      return hits.filter((h) => literalCount(h) === best);
    }
  }
  return [];
}

function unifyParameters(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

function templatePattern(template: string, segmentPattern: string): RegExp {
  const source = template
    .split(/(\{[^}]*\})/)
    .map((part) => (part.startsWith('{') && part.endsWith('}') ? segmentPattern : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

function literalCount(template: string): number {
  return template.split('/').filter((s) => s !== '' && !s.startsWith('{')).length;
}
