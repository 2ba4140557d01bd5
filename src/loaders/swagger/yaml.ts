import { JSON_SCHEMA, load, YAMLException } from 'js-yaml';
import { InputError } from '../../errors.js';

/**
 * js-yaml keeps aliases as shared references, so a small "billion laughs" document loads fast but
 * expands exponentially for anyone who walks it as a tree (the $ref resolver, the validator, us).
 * A real Engine API spec is about 60,000 tree nodes; this leaves ample room and stops bombs early.
 */
export const MAX_TREE_NODES = 2_000_000;

/**
 * Parses one YAML (or JSON) document with the JSON schema, so timestamps stay strings and
 * duplicate keys override like JSON.parse instead of failing a spec upstream shipped.
 */
export function parseYamlDocument(text: string, file: string): unknown {
  let doc: unknown;
  try {
    doc = load(text, { filename: file, schema: JSON_SCHEMA, json: true });
  } catch (error) {
    if (error instanceof YAMLException) {
      const line = error.mark ? error.mark.line + 1 : undefined;
      const column = error.mark ? ` (column ${error.mark.column + 1})` : '';
      throw new InputError(`${error.reason || 'malformed YAML'}${column}`, file, line);
    }
    throw error;
  }
  assertBoundedTree(doc, file);
  return doc;
}

/** Counts nodes as a tree walk would see them (shared references counted each time), iteratively. */
export function assertBoundedTree(root: unknown, file: string, limit = MAX_TREE_NODES): void {
  const stack: object[] = [];
  let count = 0;
  // Counting on push (not on pop) keeps the stack itself within the limit, whatever the fan-out.
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    count += 1;
    if (count > limit) throw new InputError(`document expands to more than ${limit} nodes (YAML alias bomb?)`, file);
    stack.push(node);
  };
  visit(root);
  while (stack.length > 0) {
    const node = stack.pop() as object;
    if (Array.isArray(node)) for (const child of node) visit(child);
    else for (const key in node) visit((node as Record<string, unknown>)[key]);
  }
}
