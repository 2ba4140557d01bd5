/**
 * Type guesses from description prose. Only used where no example value exists: the wording is
 * loose ("1/True/true or 0/False/false" is the era's boolean), so the rules stay few and obvious.
 */

const BOOLEAN = /1\/True\/true|0\/False\/false|\bboolean\b/i;
const INTEGER = /\b(integer|number)\b/i;
/** "integer or string like "SIGINT"": a string on the wire. */
const EITHER_STRING = /\bor (a )?string\b|\bstring or\b/i;
const ARRAY = /\b(a list of|an array|array of|list of)\b/i;
const OBJECT = /\b(a map|map of|an object|json object|object mapping)\b/i;

export function guessParameterType(description: string): string {
  if (BOOLEAN.test(description)) return 'boolean';
  if (INTEGER.test(description) && !EITHER_STRING.test(description)) return 'integer';
  return 'string';
}

export function guessFieldType(description: string, hasChildren: boolean): string {
  if (hasChildren) return 'object';
  if (BOOLEAN.test(description)) return 'boolean';
  if (ARRAY.test(description)) return 'array';
  if (OBJECT.test(description)) return 'object';
  if (INTEGER.test(description) && !EITHER_STRING.test(description)) return 'integer';
  return 'string';
}

/** `Required.` / `(required)` / `this is a mandatory field`; not "only the domain name ... are required" in a long note. */
const REQUIRED = /(^|[.(]\s*)required\s*([.)]|$)|\bmandatory field\b/i;

export function isDescribedAsRequired(description: string): boolean {
  return REQUIRED.test(description);
}

const DEPRECATED = /\bdeprecated\b/i;
/** "will be deprecated" announces a future change; it does not mark the element now. */
const FUTURE_DEPRECATION = /\bwill\s+be\s+deprecated\b/i;

export function isDescribedAsDeprecated(text: string): boolean {
  return DEPRECATED.test(text.replace(FUTURE_DEPRECATION, ''));
}
