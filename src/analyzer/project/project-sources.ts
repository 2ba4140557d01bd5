import path from 'node:path';
import ts from 'typescript';
import { findScriptKind } from '../script-kind.js';

/** Parses a module's text; undefined when it cannot be parsed (nesting too deep). */
export type ModuleParser = (file: string, text: string) => ts.SourceFile | undefined;

export interface ProjectSourcesOptions {
  /** Parses for the set, e.g. from a cache that outlives it (a linter building one set per linted file). */
  parse?: ModuleParser;
}

/**
 * The text of every file a scan reads, parsed on first use only: a cross-file lookup parses the
 * few modules it follows, not the whole project. Paths are compared in resolved form.
 */
export class ProjectSources {
  private readonly texts = new Map<string, string>();
  private readonly parsed = new Map<string, ts.SourceFile | null>();
  private readonly parse: ModuleParser;

  constructor(files: ReadonlyMap<string, string> | Iterable<readonly [string, string]>, options: ProjectSourcesOptions = {}) {
    for (const [file, text] of files) this.texts.set(path.resolve(file), text);
    this.parse = options.parse ?? parseProjectModule;
  }

  has(file: string): boolean {
    return this.texts.has(path.resolve(file));
  }

  files(): IterableIterator<string> {
    return this.texts.keys();
  }

  readText(file: string): string | undefined {
    return this.texts.get(path.resolve(file));
  }

  /** The parsed file, or undefined when it is not part of the set or cannot be parsed (nesting too deep). */
  readSourceFile(file: string): ts.SourceFile | undefined {
    const key = path.resolve(file);
    const cached = this.parsed.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const text = this.texts.get(key);
    let sourceFile: ts.SourceFile | undefined;
    try {
      sourceFile = text === undefined ? undefined : this.parse(key, text);
    } catch {
      sourceFile = undefined;
    }
    this.parsed.set(key, sourceFile ?? null);
    return sourceFile;
  }
}

/** How a project module is parsed for cross-file lookups: with parent pointers, its script kind from the name. */
export function parseProjectModule(file: string, text: string): ts.SourceFile | undefined {
  try {
    return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, findScriptKind(file));
  } catch {
    // The scan reports the file's parse failure itself; here it just exports nothing.
    return undefined;
  }
}
