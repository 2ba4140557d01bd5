/** What a label line (`**Query parameters**:`, `Json Parameters:`) introduces. */
export type LabelKind =
  | 'example-request'
  | 'example-response'
  | 'query'
  | 'header'
  | 'body'
  | 'response-fields'
  | 'status'
  | 'stream'
  | 'other';

const LABEL_LINE = /^\s*(\*\*)?([A-Za-z][A-Za-z ,]*?)(\*\*)?\s*(:)?\s*$/;

const KINDS: readonly (readonly [RegExp, LabelKind])[] = [
  [/^example request\b/, 'example-request'],
  [/^example response\b/, 'example-response'],
  [/^query parameters$/, 'query'],
  [/^request headers$/, 'header'],
  [/^json parameters$/, 'body'],
  [/^json fields in response$/, 'response-fields'],
  [/^status codes$/, 'status'],
  [/^stream details$/, 'stream'],
  // Sub-labels of the stream format description.
  [/^(header|payload|implementation)$/, 'stream'],
];

/**
 * Recognizes a label line in either era's spelling: `Query Parameters:` (v1.0-v1.17),
 * `**Query parameters**:` (later), `**Example request**` (colon sometimes missing).
 * A line must be bold, end in a colon, or be exactly a parameter-list name to count.
 */
export function parseLabel(text: string): LabelKind | undefined {
  const match = LABEL_LINE.exec(text);
  if (!match) return undefined;
  const bold = match[1] !== undefined && match[3] !== undefined;
  const name = match[2]!.trim().toLowerCase().replace(/\s+/g, ' ');
  const kind = KINDS.find(([pattern]) => pattern.test(name))?.[1];
  if (bold || match[4] !== undefined) return kind;
  // v1.9-v1.17 once write a bare `Query Parameters` line; only list labels are accepted bare.
  return kind === 'query' || kind === 'body' || kind === 'header' ? kind : undefined;
}
