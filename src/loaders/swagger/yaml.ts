import { JSON_SCHEMA, load, YAMLException } from 'js-yaml';
import { InputError } from '../../errors.js';
import { measureDocument, type DocumentSize } from './expansion.js';

/**
 * js-yaml keeps aliases as shared references, so a small "billion laughs" document loads fast but
 * expands exponentially for anyone who walks it as a tree (the $ref resolver, the validator, us).
 * A real Engine API spec has about 4,300 object nodes; this leaves ample room and stops bombs early.
 */
export const MAX_TREE_NODES = 1_000_000;

export interface YamlDocument {
  value: unknown;
  size: DocumentSize;
}

/**
 * Parses one YAML (or JSON) document with the JSON schema, so timestamps stay strings and
 * duplicate keys override like JSON.parse instead of failing a spec upstream shipped.
 */
export function parseYamlDocument(text: string, file: string): YamlDocument {
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
  const size = measureDocument(doc);
  if (size.tree > MAX_TREE_NODES) {
    throw new InputError(`document expands to more than ${MAX_TREE_NODES} nodes (YAML alias bomb?)`, file);
  }
  return { value: doc, size };
}
