import ts from 'typescript';
import { findDeclaration, MAX_RESOLVE_STEPS, skipValueWrappers, type ScopeContext } from './scope.js';

/**
 * What an expression is in terms of an imported module: `axios.get` is `{module: 'axios', path: ['get']}`,
 * `import { request } from 'undici'` makes `request` `{module: 'undici', path: ['request']}`.
 * Default and namespace imports, `require('m')` and `.default` all count as the module itself,
 * because CommonJS interop makes them the same object for the libraries we detect.
 */
export interface ModuleRef {
  /** Module specifier without a `node:` prefix: `http`, `axios`, `undici`. */
  module: string;
  path: string[];
}

/**
 * Resolves a callee or receiver to a module reference, or undefined when it is not (statically)
 * something imported. Local variables that merely share a library's name are not module refs.
 */
export function resolveModuleRef(expr: ts.Expression, context: ScopeContext): ModuleRef | undefined {
  const suffix: string[] = [];
  let current = skipValueWrappers(expr);
  for (let step = 0; step < MAX_RESOLVE_STEPS; step++) {
    if (ts.isPropertyAccessExpression(current)) {
      suffix.unshift(current.name.text);
      current = skipValueWrappers(current.expression);
      continue;
    }
    if (ts.isElementAccessExpression(current) && ts.isStringLiteralLike(current.argumentExpression)) {
      suffix.unshift(current.argumentExpression.text);
      current = skipValueWrappers(current.expression);
      continue;
    }
    const required = readRequiredModule(current);
    if (required !== undefined) return normalize(required, [], suffix);
    if (!ts.isIdentifier(current)) return undefined;
    const declaration = findDeclaration(current, context);
    if (!declaration) return undefined;
    if (ts.isImportClause(declaration) || ts.isNamespaceImport(declaration)) {
      const module = readImportModule(declaration);
      return module === undefined ? undefined : normalize(module, [], suffix);
    }
    if (ts.isImportSpecifier(declaration)) {
      const module = readImportModule(declaration);
      const imported = (declaration.propertyName ?? declaration.name).text;
      return module === undefined ? undefined : normalize(module, [imported], suffix);
    }
    if (ts.isImportEqualsDeclaration(declaration)) {
      const reference = declaration.moduleReference;
      if (ts.isExternalModuleReference(reference) && ts.isStringLiteralLike(reference.expression)) return normalize(reference.expression.text, [], suffix);
      return undefined;
    }
    if (ts.isBindingElement(declaration)) {
      // const { request } = require('undici')
      const pattern = declaration.parent;
      const holder = pattern.parent;
      if (!ts.isObjectBindingPattern(pattern) || !ts.isVariableDeclaration(holder) || !holder.initializer) return undefined;
      const owner = resolveModuleRef(holder.initializer, context);
      const key = declaration.propertyName && ts.isIdentifier(declaration.propertyName) ? declaration.propertyName.text : ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
      if (!owner || key === undefined) return undefined;
      return normalize(owner.module, [...owner.path, key], suffix);
    }
    if (ts.isVariableDeclaration(declaration) && declaration.initializer && isConstDeclaration(declaration)) {
      current = skipValueWrappers(declaration.initializer);
      continue;
    }
    return undefined;
  }
  return undefined;
}

function isConstDeclaration(declaration: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}

function normalize(module: string, head: string[], suffix: string[]): ModuleRef {
  const path = [...head, ...suffix].filter((part, i) => !(part === 'default' && i === 0));
  return { module: module.replace(/^node:/, ''), path };
}

/** `require('m')` and `import('m')` (awaited or not) as the module name. */
function readRequiredModule(expr: ts.Expression): string | undefined {
  if (!ts.isCallExpression(expr)) return undefined;
  const [first] = expr.arguments;
  if (!first || !ts.isStringLiteralLike(first)) return undefined;
  if (ts.isIdentifier(expr.expression) && expr.expression.text === 'require') return first.text;
  if (expr.expression.kind === ts.SyntaxKind.ImportKeyword) return first.text;
  return undefined;
}

function readImportModule(declaration: ts.ImportClause | ts.NamespaceImport | ts.ImportSpecifier): string | undefined {
  let node: ts.Node = declaration;
  while (!ts.isImportDeclaration(node)) {
    if (!node.parent) return undefined;
    node = node.parent;
  }
  return ts.isStringLiteralLike(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
}

/** Whether `ref` is `module` itself or one of its members named in `path` exactly. */
export function isModuleRef(ref: ModuleRef | undefined, modules: readonly string[], path: readonly string[]): boolean {
  return ref !== undefined && modules.includes(ref.module) && ref.path.length === path.length && ref.path.every((p, i) => p === path[i]);
}
