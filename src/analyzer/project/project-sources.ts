import path from 'node:path';
import ts from 'typescript';
import { findScriptKind } from '../script-kind.js';

/**
 * The text of every file a scan reads, parsed on first use only: a cross-file lookup parses the
 * few modules it follows, not the whole project. Paths are compared in resolved form.
 */
export class ProjectSources {
  private readonly texts = new Map<string, string>();
  private readonly parsed = new Map<string, ts.SourceFile | null>();

  constructor(files: ReadonlyMap<string, string> | Iterable<readonly [string, string]>) {
    for (const [file, text] of files) this.texts.set(path.resolve(file), text);
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
    let sourceFile: ts.SourceFile | null = null;
    if (text !== undefined) {
      try {
        sourceFile = ts.createSourceFile(key, text, ts.ScriptTarget.Latest, true, findScriptKind(key));
      } catch {
        // The scan reports the file's parse failure itself; here it just exports nothing.
        sourceFile = null;
      }
    }
    this.parsed.set(key, sourceFile);
    return sourceFile ?? undefined;
  }
}
