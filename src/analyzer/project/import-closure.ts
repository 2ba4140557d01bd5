import path from 'node:path';
import ts from 'typescript';
import type { ModuleParser } from './project-sources.js';
import { isRelativeSpecifier, resolveRelativeModule } from './relative-module.js';

/** Where the modules of an import closure come from: disk for a linter, memory for tests. */
export interface ModuleSource {
  /** The file's text, or undefined when it cannot or should not be read (missing, too large, binary). */
  readText(file: string): string | undefined;
  /** Whether a path names a file at all: what the resolver probes its candidates with. */
  isFile(file: string): boolean;
  /** Parses a module of the closure, e.g. from a cache shared by every closure of a run. */
  parse?: ModuleParser;
}

export interface ImportClosureLimits {
  /** At most this many files in the closure, the entry file included. */
  maxFiles: number;
  /** Imports followed at most this many steps away from the entry file. */
  maxDepth: number;
}

/**
 * Bounds for a linter that sees one file at a time: enough for a consumer, a barrel or two and the
 * client module, small enough that a file importing half the project costs little.
 */
export const DEFAULT_IMPORT_CLOSURE_LIMITS: ImportClosureLimits = { maxFiles: 64, maxDepth: 8 };

/**
 * The relative module specifiers a text names: `import`/`export ... from`, `require()`, `import()`,
 * type-only imports included (they may be re-exports of a client). TypeScript's pre-processor is a
 * token scanner, not a parser, so hostile nesting cannot overflow it; on any failure, none.
 */
export function findRelativeImports(text: string): string[] {
  let imported: readonly ts.FileReference[];
  try {
    imported = ts.preProcessFile(text, true, true).importedFiles;
  } catch {
    return [];
  }
  const specifiers = new Set<string>();
  for (const reference of imported) if (isRelativeSpecifier(reference.fileName)) specifiers.add(reference.fileName);
  return [...specifiers];
}

/**
 * A file plus the project modules it imports, transitively and breadth first (nearest modules first,
 * so the limits drop the far ones): absolute path -> text, the entry file with the text given (an
 * editor's unsaved buffer), the others as `source` reads them. Nothing is executed.
 */
export function collectImportClosure(
  file: string,
  text: string,
  source: ModuleSource,
  limits: ImportClosureLimits = DEFAULT_IMPORT_CLOSURE_LIMITS,
): Map<string, string> {
  const entry = path.resolve(file);
  const closure = new Map<string, string>([[entry, text]]);
  let frontier: Array<[string, string]> = [[entry, text]];
  for (let depth = 0; depth < limits.maxDepth && frontier.length > 0; depth++) {
    const next: Array<[string, string]> = [];
    for (const [from, fromText] of frontier) {
      for (const specifier of findRelativeImports(fromText)) {
        if (closure.size >= limits.maxFiles) return closure;
        const target = resolveRelativeModule(from, specifier, (f) => closure.has(f) || source.isFile(f));
        if (target === undefined || closure.has(target)) continue;
        const targetText = source.readText(target);
        if (targetText === undefined) continue;
        closure.set(target, targetText);
        next.push([target, targetText]);
      }
    }
    frontier = next;
  }
  return closure;
}
