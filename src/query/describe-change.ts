import type { Change } from '../diff/change.js';

export type ChangeStyle = 'text' | 'md';

const ELEMENT_WORDS: Record<Change['location'], string> = {
  endpoint: 'endpoint',
  query: 'query parameter',
  path: 'path parameter',
  header: 'header',
  body: 'body field',
  response: 'response field',
};

/** One change as a short phrase: `query parameter shared-size added`, `body field X type string -> integer`. */
export function describeChange(change: Change & { nested?: readonly string[] }, style: ChangeStyle = 'text'): string {
  const phrase = describeOne(change, style);
  const n = change.nested?.length ?? 0;
  return n === 0 ? phrase : `${phrase} (with ${n} nested field${n === 1 ? '' : 's'})`;
}

function describeOne(change: Change, style: ChangeStyle): string {
  const code = (s: string) => (style === 'md' ? `\`${s}\`` : s);
  const subject = change.location === 'endpoint' ? 'endpoint' : `${ELEMENT_WORDS[change.location]} ${code(change.name ?? '')}`;
  const value = code(change.value ?? '');
  const verb = change.kind.slice(change.kind.lastIndexOf('-') + 1);
  if (change.kind.endsWith('-enum-value-added')) return `${subject}: value ${value} added`;
  if (change.kind.endsWith('-enum-value-removed')) return `${subject}: value ${value} removed`;
  if (change.kind.endsWith('-type-changed')) return `${subject}: type ${code(change.before ?? '')} -> ${code(change.after ?? '')}`;
  if (change.kind === 'parameter-required-changed') return `${subject}: ${change.after === 'true' ? 'now required' : 'now optional'}`;
  if (change.kind === 'parameter-default-changed') return `${subject}: default ${code(change.before ?? 'null')} -> ${code(change.after ?? 'null')}`;
  if (change.kind === 'parameter-added' && change.required) return `${subject} added (required)`;
  return `${subject} ${verb}`;
}
