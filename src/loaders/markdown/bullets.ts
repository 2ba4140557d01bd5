import type { SourceLine } from './lines.js';

/** One `-   **name** – description` item of a parameter list, with its nesting. */
export interface ListItem {
  /** Names from the outermost item down to this one: `['HostConfig', 'Binds']`. */
  path: string[];
  description: string;
  line: number;
}

export interface ListProblem {
  line: number;
  reason: string;
  text: string;
}

export interface ParsedList {
  items: ListItem[];
  problems: ListProblem[];
}

export interface Bullet {
  indent: number;
  /** Bold name at the start of the item, if any. */
  name?: string;
  rest: string;
}

const BULLET = /^(\s*)[-*+](\s+)(.*)$/;
const BOLD_START = /^\*\*([^*]+?)\*\*\s*(?:[–—:]+|-+(?=\s))?\s*(.*)$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** `-   **all** – 1/True/true ...` -> {name: 'all', rest: '1/True/true ...'}; undefined for a non-bullet line. */
export function parseBullet(text: string): Bullet | undefined {
  const match = BULLET.exec(text);
  if (!match) return undefined;
  const body = match[3]!;
  if (body.trim() === '') return undefined;
  const indent = measure(match[1]!);
  const bold = BOLD_START.exec(body);
  // Markdown escapes (`ps\_args`) are not part of the name.
  if (bold) return { indent, name: bold[1]!.trim().replace(/\\(.)/g, '$1'), rest: bold[2]!.trim() };
  return { indent, rest: body.trim() };
}

function measure(whitespace: string): number {
  let width = 0;
  for (const ch of whitespace) width += ch === '\t' ? 4 - (width % 4) : 1;
  return width;
}

export function isParameterName(name: string): boolean {
  return NAME.test(name);
}

/**
 * Reads a parameter list. Nesting follows the indentation of the bullet markers (upstream indents
 * `HostConfig` sub-fields by two or four columns depending on the version). Unbolded bullets and
 * indented lines below an item are its description; an unbolded bullet at the outermost level
 * is something the loader cannot read and is reported.
 */
export function parseBulletList(lines: readonly SourceLine[]): ParsedList {
  const items: ListItem[] = [];
  const problems: ListProblem[] = [];
  const stack: { indent: number; name: string }[] = [];
  let current: { item: ListItem; parts: string[] } | undefined;
  let outerIndent: number | undefined;

  const finish = (): void => {
    if (current) current.item.description = current.parts.join(' ').replace(/\s+/g, ' ').trim();
    current = undefined;
  };

  for (const line of lines) {
    if (line.isComment) continue;
    if (line.isCode) {
      continue;
    }
    if (line.isBlank) continue;
    const bullet = parseBullet(line.text);
    if (bullet?.name !== undefined) {
      if (!isParameterName(bullet.name)) {
        if (outerIndent === undefined || bullet.indent <= outerIndent) {
          problems.push({ line: line.number, reason: 'list item name is not a parameter name', text: line.text.trim() });
          finish();
        } else current?.parts.push(line.text.trim());
        continue;
      }
      finish();
      outerIndent ??= bullet.indent;
      while (stack.length > 0 && stack.at(-1)!.indent >= bullet.indent) stack.pop();
      const item: ListItem = { path: [...stack.map((s) => s.name), bullet.name], description: '', line: line.number };
      stack.push({ indent: bullet.indent, name: bullet.name });
      items.push(item);
      current = { item, parts: [bullet.rest] };
      continue;
    }
    if (bullet && (outerIndent === undefined || bullet.indent <= outerIndent)) {
      problems.push({ line: line.number, reason: 'list item without a **name**', text: line.text.trim() });
      finish();
      continue;
    }
    if (line.indent === 0 && !bullet) {
      // Prose after (or before) the list: not part of any item.
      finish();
      continue;
    }
    current?.parts.push(line.text.trim());
  }
  finish();
  return { items, problems };
}
