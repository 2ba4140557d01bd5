import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect } from 'vitest';
import type { DetectedCall, Detector } from '../../../src/analyzer/detector.js';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

const sharedSourceFiles = new Map<string, ts.SourceFile>();

/** A DetectedCall as plain data, with the 1-based position the core would report. */
export interface Observed {
  line: number;
  column: number;
  method: string;
  path: string;
  keys: string[];
  sharedKeys: string[];
  pinnedVersion: string | null;
}

function collectCalls(sourceFile: ts.SourceFile): (ts.CallExpression | ts.NewExpression)[] {
  const calls: (ts.CallExpression | ts.NewExpression)[] = [];
  const stack: ts.Node[] = [sourceFile];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) calls.push(node);
    const children: ts.Node[] = [];
    node.forEachChild((c) => {
      children.push(c);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return calls;
}

function observe(calls: DetectedCall[], sourceFile: ts.SourceFile): Observed[] {
  return calls.map((c) => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(c.node.getStart(sourceFile));
    expect(c.isTemplate).toBe(true);
    return {
      line: line + 1,
      column: character + 1,
      method: c.method,
      path: c.path,
      keys: c.keys.map((k) => `${k.in}:${k.name}`),
      sharedKeys: c.sharedKeys ?? [],
      pinnedVersion: c.pinnedVersion,
    };
  });
}

/** Runs a detector on a snippet without a Program (syntax-only mode). */
export function detectSyntaxOnly(detector: Detector, code: string, fileName = 'snippet.ts', extra: object = {}): Observed[] {
  const sourceFile = ts.createSourceFile(fileName, code, ts.ScriptTarget.ES2022, true, fileName.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  return observe(detector.detect({ sourceFile, checker: undefined, calls: collectCalls(sourceFile), ...extra }), sourceFile);
}

/**
 * Runs a detector with a real TypeChecker: the snippet lives at a virtual path inside the repository
 * (never written), so `dockerode` resolves to the repository's node_modules/@types/dockerode.
 * `extraFiles` are more virtual files (absolute paths), e.g. a stub package's typings.
 */
export function detectTyped(detector: Detector, code: string, extraFiles: Record<string, string> = {}, extra: object = {}): Observed[] {
  const fileName = join(REPO_ROOT, 'test/__virtual__/snippet.ts');
  const virtual = new Map<string, string>([[fileName, code], ...Object.entries(extraFiles)]);
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    esModuleInterop: true,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  };
  const host = ts.createCompilerHost(options, true);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (f) => virtual.get(f) ?? readFile(f);
  host.fileExists = (f) => virtual.has(f) || fileExists(f);
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (d) => [...virtual.keys()].some((f) => f.startsWith(`${d}/`)) || (directoryExists ? directoryExists(d) : true);
  host.getSourceFile = (f, languageVersion, onError, shouldCreate) => {
    const text = virtual.get(f);
    if (text !== undefined) return ts.createSourceFile(f, text, languageVersion, true);
    // Library files (lib.*.d.ts, @types) are shared between the programs of one test file.
    const key = `${String(languageVersion)}:${f}`;
    let cached = sharedSourceFiles.get(key);
    if (!cached) {
      cached = getSourceFile(f, languageVersion, onError, shouldCreate);
      if (cached) sharedSourceFiles.set(key, cached);
    }
    return cached;
  };
  host.writeFile = () => {
    throw new Error('the typed harness never writes');
  };
  const program = ts.createProgram({ rootNames: [fileName], options, host });
  const sourceFile = program.getSourceFile(fileName)!;
  const checker = program.getTypeChecker();
  return observe(detector.detect({ sourceFile, checker, calls: collectCalls(sourceFile), ...extra }), sourceFile);
}
