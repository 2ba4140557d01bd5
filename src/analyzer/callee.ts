import ts from 'typescript';
import type { CallKey } from '../model/call.js';
import { findDeclaration, skipValueWrappers, type ScopeContext } from './scope.js';

/** A call's callee taken apart: `a.b.get(...)` is receiver `a.b`, name `get`; `fetch(...)` is name `fetch`. */
export interface CalleeParts {
  receiver?: ts.Expression;
  name?: string;
  callee: ts.Expression;
}

export function readCallee(call: ts.CallExpression | ts.NewExpression): CalleeParts {
  const callee = skipValueWrappers(call.expression);
  if (ts.isPropertyAccessExpression(callee)) return { receiver: callee.expression, name: callee.name.text, callee };
  if (ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)) {
    return { receiver: callee.expression, name: callee.argumentExpression.text, callee };
  }
  if (ts.isIdentifier(callee)) return { name: callee.text, callee };
  return { callee };
}

/**
 * Whether an identifier is the global of that name: not declared in the file (or, with a checker,
 * declared only in a declaration file such as lib.dom.d.ts or @types/node).
 */
export function isGlobalName(identifier: ts.Identifier, context: ScopeContext): boolean {
  if (context.checker) {
    try {
      const symbol = context.checker.getSymbolAtLocation(identifier);
      if (!symbol?.declarations?.length) return true;
      return symbol.declarations.every((d) => d.getSourceFile().isDeclarationFile);
    } catch {
      // fall through to the syntactic answer
    }
  }
  return findDeclaration(identifier, context) === undefined;
}

/** `fetch`, `globalThis.fetch`, `window.fetch`, `self.fetch` as the global function `name`. */
export function isGlobalFunctionCallee(callee: ts.Expression, name: string, context: ScopeContext): boolean {
  const e = skipValueWrappers(callee);
  if (ts.isIdentifier(e)) return e.text === name && isGlobalName(e, context);
  if (ts.isPropertyAccessExpression(e) && e.name.text === name && ts.isIdentifier(e.expression)) {
    return ['globalThis', 'window', 'self', 'global'].includes(e.expression.text) && isGlobalName(e.expression, context);
  }
  return false;
}

/** The name of an expression's declared type (`AxiosInstance`, `Got`, `Modem`), in typed mode only. */
export function readTypeName(expr: ts.Expression, context: ScopeContext): string | undefined {
  if (!context.checker) return undefined;
  try {
    const type = context.checker.getTypeAtLocation(expr);
    return (type.aliasSymbol ?? type.getSymbol())?.getName();
  } catch {
    return undefined;
  }
}

export function toKeys(names: readonly string[], location: CallKey['in']): CallKey[] {
  return names.map((name) => ({ name, in: location }));
}

/** Joins a base URL and a request path the way HTTP clients do (one slash between them). */
export function joinUrl(base: string | undefined, path: string | undefined): string | undefined {
  if (path !== undefined && /^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
  if (base === undefined) return path;
  if (path === undefined) return base;
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
