import ts from 'typescript';
import type { HttpMethod } from '../model/surface.js';
import {
  findClassMemberValue,
  findDeclaration,
  findVariableInitializer,
  MAX_RESOLVE_STEPS,
  readPropertyName,
  skipValueWrappers,
  type ScopeContext,
} from './scope.js';

/**
 * Static evaluation of the values user code passes to request APIs. Nothing here executes user
 * code: it reads literals and follows `const` bindings, and writes what it cannot know as `{}`.
 */
export type ValueContext = ScopeContext;

export { readPropertyName, skipValueWrappers, type ScopeContext } from './scope.js';

/** Beyond this many `+` operands a concatenation is not a URL anybody wrote by hand. */
const MAX_CONCAT_OPERANDS = 200;
/** Beyond this depth nested object literals are not request bodies worth reporting key by key. */
const MAX_OBJECT_DEPTH = 12;

const HTTP_METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS']);

/**
 * Follows an expression to the expression that produced its value, as far as that is static:
 * `const` identifiers to their initializers, `this.field` to the class field or constructor
 * assignment, `obj.prop` on an in-file object literal to the property's initializer.
 */
export function resolveExpression(expr: ts.Expression, context: ValueContext): ts.Expression {
  let current = skipValueWrappers(expr);
  for (let step = 0; step < MAX_RESOLVE_STEPS; step++) {
    let next: ts.Expression | undefined;
    if (ts.isIdentifier(current)) {
      const declaration = findDeclaration(current, context);
      next = declaration ? findVariableInitializer(declaration, context) : undefined;
      if (!next && declaration && ts.isBindingElement(declaration)) next = resolveBindingElement(declaration, context);
    } else if (ts.isPropertyAccessExpression(current)) {
      next = findClassMemberValue(current);
      if (!next) {
        const owner = resolveExpression(current.expression, context);
        if (ts.isObjectLiteralExpression(owner)) next = readObjectProperty(owner, current.name.text, context);
      }
    }
    if (!next) return current;
    current = skipValueWrappers(next);
  }
  return current;
}

/** `const { base } = CONFIG` where CONFIG is an in-file object literal. */
function resolveBindingElement(element: ts.BindingElement, context: ValueContext): ts.Expression | undefined {
  const pattern = element.parent;
  if (!ts.isObjectBindingPattern(pattern)) return undefined;
  const holder = pattern.parent;
  if (!ts.isVariableDeclaration(holder) || !holder.initializer) return undefined;
  const key = element.propertyName ? readPropertyName(element.propertyName) : ts.isIdentifier(element.name) ? element.name.text : undefined;
  if (key === undefined) return undefined;
  const owner = resolveExpression(holder.initializer, context);
  if (!ts.isObjectLiteralExpression(owner)) return undefined;
  return readObjectProperty(owner, key, context) ?? element.initializer;
}

/**
 * The string an expression statically evaluates to, with unknown parts written `{}`:
 * literals, templates, `+` chains, `const` identifiers, `new URL(path, base)`, `String(x)`,
 * `x.toString()`, `url.href`, and query builders (`new URLSearchParams({a})` -> `a={}`).
 * Undefined when nothing of it is known.
 */
export function evaluateString(expr: ts.Expression, context: ValueContext): string | undefined {
  return evaluate(expr, context, 0);
}

function evaluate(expr: ts.Expression, context: ValueContext, depth: number): string | undefined {
  if (depth > MAX_RESOLVE_STEPS) return undefined;
  const e = resolveExpression(expr, context);
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isNumericLiteral(e)) return String(Number(e.text));
  if (ts.isTemplateExpression(e)) {
    let text = e.head.text;
    let known = e.head.text.length > 0;
    for (const span of e.templateSpans) {
      const part = evaluate(span.expression, context, depth + 1);
      if (part !== undefined) known = true;
      text += (part ?? '{}') + span.literal.text;
      if (span.literal.text.length > 0) known = true;
    }
    return known ? text : undefined;
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const operands = flattenConcatenation(e);
    if (!operands) return undefined;
    let text = '';
    let known = false;
    for (const operand of operands) {
      const part = evaluate(operand, context, depth + 1);
      if (part !== undefined) known = true;
      text += part ?? '{}';
    }
    return known ? text : undefined;
  }
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression)) {
    const args = e.arguments ?? [];
    if (e.expression.text === 'URL' && args[0]) return evaluateUrl(args[0], args[1], context, depth);
    if (e.expression.text === 'URLSearchParams') return renderQuery(readQueryKeys(e, context));
  }
  if (ts.isCallExpression(e)) {
    const callee = skipValueWrappers(e.expression);
    const [first] = e.arguments;
    if (ts.isIdentifier(callee) && callee.text === 'String' && first) return evaluate(first, context, depth + 1);
    if (ts.isPropertyAccessExpression(callee)) {
      const name = callee.name.text;
      if (name === 'toString' && e.arguments.length === 0) return evaluate(callee.expression, context, depth + 1);
      if (name === 'stringify' && first && isQueryStringModuleName(callee.expression)) return renderQuery(readObjectKeys(first, context));
    }
  }
  if (ts.isPropertyAccessExpression(e) && (e.name.text === 'href' || e.name.text === 'pathname')) {
    return evaluate(e.expression, context, depth + 1);
  }
  return undefined;
}

/** `querystring.stringify`, `qs.stringify`: the receiver's name is all a syntax-only scan can go by. */
function isQueryStringModuleName(expr: ts.Expression): boolean {
  return ts.isIdentifier(expr) && /^(querystring|qs|queryString)$/.test(expr.text);
}

function renderQuery(keys: readonly string[]): string | undefined {
  return keys.length > 0 ? keys.map((k) => `${k}={}`).join('&') : undefined;
}

function evaluateUrl(input: ts.Expression, base: ts.Expression | undefined, context: ValueContext, depth: number): string | undefined {
  const path = evaluate(input, context, depth + 1);
  if (path === undefined || /^[a-z][a-z0-9+.-]*:/i.test(path) || base === undefined) return path;
  const baseText = evaluate(base, context, depth + 1);
  if (baseText === undefined || path.startsWith('/')) return path;
  // Relative reference: resolved against the base's directory, as URL does.
  return baseText.replace(/[^/]*$/, '') + path;
}

/** The operands of a `+` chain, left to right, without recursion (chains can be tens of thousands long). */
function flattenConcatenation(root: ts.BinaryExpression): ts.Expression[] | undefined {
  const operands: ts.Expression[] = [];
  const stack: ts.Expression[] = [root];
  while (stack.length > 0) {
    const node = skipValueWrappers(stack.pop()!);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      stack.push(node.right, node.left);
    } else {
      operands.push(node);
      if (operands.length > MAX_CONCAT_OPERANDS) return undefined;
    }
  }
  return operands;
}

/** The object literal an expression statically is, following `const` bindings. */
export function resolveObjectLiteral(expr: ts.Expression, context: ValueContext): ts.ObjectLiteralExpression | undefined {
  const e = resolveExpression(expr, context);
  return ts.isObjectLiteralExpression(e) ? e : undefined;
}

/** Property names of an object literal, including shorthand ones and those of spread in-file objects, in order, unique. */
export function readObjectKeys(expr: ts.Expression, context: ValueContext): string[] {
  return collectObjectKeys(expr, context, 0);
}

function collectObjectKeys(expr: ts.Expression, context: ValueContext, depth: number): string[] {
  const literal = resolveObjectLiteral(expr, context);
  if (!literal || depth > MAX_RESOLVE_STEPS) return [];
  const keys: string[] = [];
  for (const property of literal.properties) {
    if (ts.isSpreadAssignment(property)) {
      keys.push(...collectObjectKeys(property.expression, context, depth + 1));
      continue;
    }
    const name = readPropertyName(property.name);
    if (name !== undefined) keys.push(name);
  }
  return [...new Set(keys)];
}

/**
 * The expression given for property `name` of an object literal (the last one wins, as at run
 * time; spreads of in-file objects count). For a shorthand property, its identifier.
 */
export function readObjectProperty(expr: ts.Expression, name: string, context: ValueContext): ts.Expression | undefined {
  return findObjectProperty(expr, name, context, 0);
}

function findObjectProperty(expr: ts.Expression, name: string, context: ValueContext, depth: number): ts.Expression | undefined {
  const literal = resolveObjectLiteral(expr, context);
  if (!literal || depth > MAX_RESOLVE_STEPS) return undefined;
  for (let i = literal.properties.length - 1; i >= 0; i--) {
    const property = literal.properties[i]!;
    if (ts.isSpreadAssignment(property)) {
      const found = findObjectProperty(property.expression, name, context, depth + 1);
      if (found) return found;
      continue;
    }
    if (readPropertyName(property.name) !== name) continue;
    if (ts.isPropertyAssignment(property)) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property)) return property.name;
    return undefined;
  }
  return undefined;
}

/** Whether the object literal has property `name` at all (its value may be unknown). */
export function hasObjectProperty(expr: ts.Expression, name: string, context: ValueContext): boolean {
  return readObjectKeys(expr, context).includes(name);
}

/**
 * Keys of a JSON body as dotted paths: `{HostConfig: {Binds: []}}` -> `HostConfig`, `HostConfig.Binds`.
 * Arrays add nothing to the path (`Mounts: [{Type}]` -> `Mounts.Type`), like the surface's Field paths.
 * `JSON.stringify(x)` is looked through.
 */
export function readBodyKeys(expr: ts.Expression, context: ValueContext): string[] {
  const keys: string[] = [];
  // Recursion is bounded by MAX_OBJECT_DEPTH, so even hostile nesting cannot overflow the stack.
  const visit = (value: ts.Expression, prefix: string, depth: number): void => {
    if (depth > MAX_OBJECT_DEPTH) return;
    const resolved = resolveExpression(value, context);
    if (ts.isArrayLiteralExpression(resolved)) {
      for (const element of resolved.elements) {
        if (!ts.isSpreadElement(element) && !ts.isOmittedExpression(element)) visit(element, prefix, depth + 1);
      }
      return;
    }
    if (!ts.isObjectLiteralExpression(resolved)) return;
    for (const key of readObjectKeys(resolved, context)) {
      const path = prefix ? `${prefix}.${key}` : key;
      keys.push(path);
      const child = readObjectProperty(resolved, key, context);
      if (child) visit(child, path, depth + 1);
    }
  };
  visit(unwrapJsonStringify(expr, context), '', 0);
  return [...new Set(keys)];
}

function unwrapJsonStringify(expr: ts.Expression, context: ValueContext): ts.Expression {
  const e = resolveExpression(expr, context);
  if (ts.isCallExpression(e) && e.arguments[0]) {
    const callee = skipValueWrappers(e.expression);
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'stringify' && ts.isIdentifier(callee.expression) && callee.expression.text === 'JSON') {
      return e.arguments[0];
    }
  }
  return expr;
}

/**
 * Query keys from a params-like value: an object literal (`{all: true}`), `new URLSearchParams({...})`
 * or `new URLSearchParams([['all', '1']])`.
 */
export function readQueryKeys(expr: ts.Expression, context: ValueContext): string[] {
  const e = resolveExpression(expr, context);
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'URLSearchParams') {
    const [init] = e.arguments ?? [];
    if (!init) return [];
    const resolved = resolveExpression(init, context);
    if (ts.isArrayLiteralExpression(resolved)) {
      const keys: string[] = [];
      for (const pair of resolved.elements) {
        if (ts.isArrayLiteralExpression(pair) && pair.elements[0]) {
          const key = evaluateString(pair.elements[0], context);
          if (key !== undefined) keys.push(key);
        }
      }
      return [...new Set(keys)];
    }
    if (ts.isStringLiteralLike(resolved)) return parseQueryKeys(resolved.text);
    return readObjectKeys(resolved, context);
  }
  return readObjectKeys(e, context);
}

/** Keys of a query string (`a=1&b&c=`), without the leading `?`; unknown `{}` keys are dropped. */
export function parseQueryKeys(query: string): string[] {
  const keys: string[] = [];
  for (const part of query.replace(/^\?/, '').split('&')) {
    const raw = part.split('=')[0] ?? '';
    if (raw === '' || raw.includes('{}')) continue;
    let key = raw;
    try {
      key = decodeURIComponent(raw.replace(/\+/g, ' '));
    } catch {
      // keep it as written
    }
    keys.push(key);
  }
  return [...new Set(keys)];
}

/** An HTTP method written as a string (`'delete'` -> `DELETE`); undefined when not static or not a method. */
export function readHttpMethod(expr: ts.Expression | undefined, context: ValueContext): HttpMethod | undefined {
  if (!expr) return undefined;
  const text = evaluateString(expr, context)?.toUpperCase();
  return text !== undefined && HTTP_METHODS.has(text) ? (text as HttpMethod) : undefined;
}

/** `get` -> `GET` for client method names (`axios.get`, `got.post`); undefined for other names. */
export function toHttpMethod(name: string): HttpMethod | undefined {
  const upper = name.toUpperCase();
  return HTTP_METHODS.has(upper) ? (upper as HttpMethod) : undefined;
}

/** The string value of `name` in the last of several option objects that sets it (later options win, as client defaults do). */
export function readLastStringProperty(objects: readonly ts.Expression[], name: string, context: ValueContext): string | undefined {
  let value: string | undefined;
  for (const object of objects) {
    const property = readObjectProperty(object, name, context);
    if (property) value = evaluateString(property, context) ?? value;
  }
  return value;
}
