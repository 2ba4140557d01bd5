import type { Deprecation } from '../../model/surface.js';

/**
 * A line that opens with a deprecation marker: `> **Deprecated**: ...`, `**Deprecated**`,
 * `Deprecated: ...`. Upstream uses these for the element the description belongs to.
 */
const LEADING_MARKER = /^(?:>\s*)*\**deprecated\**\s*(?:[:.]|$)/i;

/**
 * "This field/endpoint/parameter is deprecated": the description talks about its own element.
 * Sentences about other things ("The `is-automated` filter is deprecated", "(deprecated) builder",
 * "MAINTAINER (deprecated)") are deliberately not matched.
 */
const SELF_REFERENCE =
  /\bthis (?:field|endpoint|parameter|option|property|setting|value|flag|route|operation) (?:is|was|has been) (?:now )?deprecated\b/i;

/** Both patterns need the word; most descriptions lack it, and this check is far cheaper than splitting lines. */
const DEPRECATED_WORD = /deprecated/i;

export function isDeprecationText(description: string): boolean {
  if (!DEPRECATED_WORD.test(description)) return false;
  if (SELF_REFERENCE.test(description)) return true;
  return description.split('\n').some((line) => LEADING_MARKER.test(line.trim()));
}

/** Reads the Swagger flag first (authoritative), then the description wording. */
export function readDeprecation(node: unknown): Deprecation | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const record = node as Record<string, unknown>;
  if (record.deprecated === true) return { source: 'swagger-flag' };
  const texts = [record.description, record.summary].filter((t): t is string => typeof t === 'string');
  return texts.some(isDeprecationText) ? { source: 'description' } : undefined;
}
