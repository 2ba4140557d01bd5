import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { findModuleExports, findReExportSpecifiers } from '../../../src/analyzer/project/module-exports.js';

function exportsOf(code: string, name: string, fileName = 'm.ts'): string[] {
  const sourceFile = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  return findModuleExports(sourceFile, name).map((e) => {
    switch (e.kind) {
      case 'expression':
        return `expression ${e.expression.getText(sourceFile)}`;
      case 'binding':
        return `binding ${e.identifier.text}@${sourceFile.getLineAndCharacterOfPosition(e.identifier.getStart(sourceFile)).line + 1}`;
      case 'function':
        return `function ${e.declaration.name?.text ?? '(anonymous)'}`;
      case 're-export':
        return `re-export ${e.name} from ${e.specifier}`;
    }
  });
}

describe('findModuleExports', () => {
  it('ES module exports, most direct first', () => {
    const code = [
      'export const docker = new Docker(), other = 1;',
      'export function getDocker() { return docker; }',
      'const local = docker;',
      'export { local as client, local as "quoted" };',
      "export { engine as docker2 } from './engine';",
      "export * from './more';",
      "export type { Shape } from './types';",
      'export default { docker, extra: local };',
    ].join('\n');
    expect(exportsOf(code, 'docker')).toEqual(['binding docker@1', "re-export docker from ./more", 'expression docker']);
    expect(exportsOf(code, 'getDocker')).toEqual(['function getDocker', 're-export getDocker from ./more']);
    expect(exportsOf(code, 'client')).toEqual(['binding local@4', 're-export client from ./more']);
    expect(exportsOf(code, 'quoted')).toEqual(['binding local@4', 're-export quoted from ./more']);
    expect(exportsOf(code, 'docker2')).toEqual(['re-export engine from ./engine', 're-export docker2 from ./more']);
    expect(exportsOf(code, 'extra')).toEqual(['re-export extra from ./more', 'expression local']);
    expect(exportsOf(code, 'default')).toEqual(['expression { docker, extra: local }']);
    expect(exportsOf(code, 'Shape')).toEqual(['re-export Shape from ./more']);
  });

  it('default function declarations and export =', () => {
    expect(exportsOf('export default function () { return 1; }', 'default')).toEqual(['function (anonymous)']);
    expect(exportsOf('const d = 1; export = d;', 'default')).toEqual(['expression d']);
  });

  it('CommonJS assignments', () => {
    const code = ['module.exports = { docker, engine: make() };', 'module.exports.getDocker = getDocker;', 'exports.client = new Docker();', 'other.exports = 1;'].join('\n');
    expect(exportsOf(code, 'default', 'm.js')).toEqual(['expression { docker, engine: make() }']);
    expect(exportsOf(code, 'getDocker', 'm.js')).toEqual(['expression getDocker']);
    expect(exportsOf(code, 'client', 'm.js')).toEqual(['expression new Docker()']);
    expect(exportsOf(code, 'engine', 'm.js')).toEqual(['expression make()']);
    expect(exportsOf(code, 'docker', 'm.js')).toEqual(['expression docker']);
  });

  it('lists the specifiers a barrel re-exports from', () => {
    const sourceFile = ts.createSourceFile('i.ts', "export * from './a'; export { b } from '../b.js'; import c from './c';", ts.ScriptTarget.Latest, true);
    expect(findReExportSpecifiers(sourceFile)).toEqual(['./a', '../b.js']);
  });
});
