import ts from 'typescript';
import { resolveModuleRef } from '../module-ref.js';
import { findClassMemberValue, findDeclaration, findVariableInitializer, MAX_RESOLVE_STEPS, readPropertyName, readTypeSymbol, skipValueWrappers, type ScopeContext } from '../scope.js';
import { evaluateString, readObjectProperty } from '../values.js';
import { isRelativeSpecifier } from '../project/relative-module.js';
import { findDockerodeMethod } from './lookup.js';
import type { DockerodeClassName } from './table-entry.js';

/** What a receiver expression is: an object of a dockerode class, and the client's pinned API version. */
export interface DockerodeReceiver {
  className: DockerodeClassName;
  pinnedVersion: string | null;
}

/**
 * The other files of a scan, for receivers imported from them (`import { docker } from './docker'`):
 * what syntax-only mode cannot see inside one file. `path` is the import as module-ref gives it:
 * `[]` for the default export (or `module.exports`), `['docker']` for a named export.
 */
export interface DockerodeProjectLookup {
  /** What the import holds. */
  resolveImportedValue(fromFile: string, specifier: string, path: readonly string[]): DockerodeReceiver | undefined;
  /** What calling the import returns (`import { getDocker } from './docker'; getDocker()`). */
  resolveImportedCall(fromFile: string, specifier: string, path: readonly string[]): DockerodeReceiver | undefined;
}

type FunctionWithBody = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

/** `docker.run()` resolves to `[output, container]` and calls back `(err, output, container)`. */
const RUN_METHODS: ReadonlySet<string> = new Set(['run']);

const DOCKERODE_MODULE = 'dockerode';

const CLASS_NAMES: ReadonlySet<string> = new Set([
  'Docker',
  'Container',
  'Image',
  'Volume',
  'Network',
  'Service',
  'Task',
  'Node',
  'Plugin',
  'Secret',
  'Config',
  'Exec',
]);

/**
 * Resolves receivers of one file; results are memoized per node, so a file with many calls on
 * the same client resolves its declaration once.
 */
export class DockerodeReceiverResolver {
  private readonly memo = new Map<ts.Node, DockerodeReceiver | null>();
  private readonly inProgress = new Set<ts.Node>();

  constructor(
    private readonly context: ScopeContext,
    private readonly project?: DockerodeProjectLookup,
  ) {}

  /**
   * What calling `callee` returns, syntax only: a function of this file (or imported from another file
   * of the project) whose body returns a dockerode object or whose declared return type names one.
   */
  resolveCall(callee: ts.Expression | ts.FunctionDeclaration): DockerodeReceiver | undefined {
    if (ts.isFunctionDeclaration(callee)) return this.fromFunction(callee, 0);
    return this.fromCallee(callee, 0);
  }

  /** The dockerode object an expression evaluates to, or undefined when it is not (statically) one. */
  resolve(expr: ts.Expression): DockerodeReceiver | undefined {
    const syntactic = this.resolveSyntactically(expr, 0);
    if (!this.context.checker) return syntactic;
    const typed = this.resolveByType(expr);
    if (typed === undefined) return syntactic;
    if (typed === null) return undefined;
    // The type names the class; the pinned version only shows in the constructor call.
    return { className: typed, pinnedVersion: syntactic?.className === typed ? syntactic.pinnedVersion : (syntactic?.pinnedVersion ?? null) };
  }

  /**
   * The class named by the expression's type when it is declared by dockerode or its typings;
   * null when the type is some other known type; undefined when the type says nothing (any, unknown).
   */
  private resolveByType(expr: ts.Expression): DockerodeClassName | null | undefined {
    const symbol = readTypeSymbol(expr, this.context);
    if (!symbol) return undefined;
    const declarations = symbol.declarations ?? [];
    const fromDockerode = declarations.some((d) => /[\\/](@types[\\/])?dockerode[\\/]/.test(d.getSourceFile().fileName));
    if (!fromDockerode) return null;
    const name = symbol.getName() === 'Dockerode' ? 'Docker' : symbol.getName();
    return CLASS_NAMES.has(name) ? (name as DockerodeClassName) : null;
  }

  private resolveSyntactically(expr: ts.Expression, depth: number): DockerodeReceiver | undefined {
    const e = skipValueWrappers(expr);
    if (depth > MAX_RESOLVE_STEPS) return undefined;
    const cached = this.memo.get(e);
    if (cached !== undefined) return cached ?? undefined;
    if (this.inProgress.has(e)) return undefined;
    this.inProgress.add(e);
    let result: DockerodeReceiver | undefined;
    try {
      result = this.compute(e, depth);
    } finally {
      this.inProgress.delete(e);
    }
    this.memo.set(e, result ?? null);
    return result;
  }

  private compute(e: ts.Expression, depth: number): DockerodeReceiver | undefined {
    if (ts.isNewExpression(e) || ts.isCallExpression(e)) {
      // new Docker(opts), or Docker(opts): dockerode's constructor also works without `new`.
      if (this.isDockerodeModule(e.expression)) {
        return { className: 'Docker', pinnedVersion: readPinnedVersion(e.arguments?.[0], this.context) };
      }
    }
    if (ts.isCallExpression(e)) {
      const callee = skipValueWrappers(e.expression);
      if (ts.isPropertyAccessExpression(callee)) {
        const owner = this.resolveSyntactically(callee.expression, depth + 1);
        if (!owner) return this.fromImport(callee, 'call');
        const entry = findDockerodeMethod(owner.className, callee.name.text);
        if (entry?.kind === 'factory') return { className: entry.returns, pinnedVersion: owner.pinnedVersion };
        // createContainer resolves to a Container; awaited or not, only the result has Container methods.
        if (entry?.kind === 'request' && entry.resolves) return { className: entry.resolves, pinnedVersion: owner.pinnedVersion };
        return undefined;
      }
      // require('./docker') as a value: `module.exports = new Docker()` in that file.
      if (this.project && readRequiredSpecifier(e) !== undefined) return this.fromImport(e, 'value');
      return this.fromCallee(callee, depth);
    }
    if (ts.isIdentifier(e)) return this.fromIdentifier(e, depth) ?? this.fromImport(e, 'value');
    if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword) return this.fromThisMember(e, depth);
    // import * as lib from './lib'; lib.docker.ping()
    if (ts.isPropertyAccessExpression(e)) return this.fromImport(e, 'value');
    return undefined;
  }

  /** `makeDocker()`, `getDocker()` from another module, `(() => new Docker())()`. */
  private fromCallee(callee: ts.Expression, depth: number): DockerodeReceiver | undefined {
    const e = skipValueWrappers(callee);
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return this.fromFunction(e, depth);
    if (ts.isIdentifier(e)) {
      const declaration = findDeclaration(e, this.context);
      if (declaration && ts.isFunctionDeclaration(declaration)) return this.fromFunction(declaration, depth);
      if (declaration && ts.isVariableDeclaration(declaration)) {
        // const getDocker = () => new Docker();
        const initializer = findVariableInitializer(declaration, this.context);
        const fn = initializer ? skipValueWrappers(initializer) : undefined;
        if (fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return this.fromFunction(fn, depth);
        if (declaration.type && ts.isFunctionTypeNode(declaration.type)) return this.fromTypeNode(declaration.type.type, true);
      }
    }
    return this.fromImport(e, 'call');
  }

  /**
   * What a function returns: its returned expressions (`return new Docker()`, an arrow's body), else its
   * declared return type (`(): Docker`, `Promise<Docker.Container>`). The body comes first because only
   * the constructor call shows a pinned version.
   */
  private fromFunction(fn: FunctionWithBody, depth: number): DockerodeReceiver | undefined {
    const body = fn.body;
    if (body && !ts.isBlock(body)) {
      const found = this.resolveSyntactically(body, depth + 1);
      if (found) return found;
    } else if (body) {
      for (const returned of findReturnedExpressions(body)) {
        const found = this.resolveSyntactically(returned, depth + 1);
        if (found) return found;
      }
    }
    return fn.type ? this.fromTypeNode(fn.type, true) : undefined;
  }

  /** A receiver imported from another file of the scan, through the project lookup (when there is one). */
  private fromImport(expr: ts.Expression, use: 'value' | 'call'): DockerodeReceiver | undefined {
    if (!this.project) return undefined;
    const ref = resolveModuleRef(expr, this.context);
    if (!ref || !isRelativeSpecifier(ref.module)) return undefined;
    const fromFile = this.context.sourceFile.fileName;
    return use === 'value' ? this.project.resolveImportedValue(fromFile, ref.module, ref.path) : this.project.resolveImportedCall(fromFile, ref.module, ref.path);
  }

  private fromIdentifier(id: ts.Identifier, depth: number): DockerodeReceiver | undefined {
    const declaration = findDeclaration(id, this.context);
    if (!declaration) return undefined;
    if (ts.isVariableDeclaration(declaration)) {
      const initializer = findVariableInitializer(declaration, this.context);
      const fromValue = initializer ? this.resolveSyntactically(initializer, depth + 1) : undefined;
      if (fromValue) return fromValue;
      return declaration.type ? this.fromTypeNode(declaration.type) : undefined;
    }
    if (ts.isParameter(declaration)) {
      // `(err, c: any) => ...`: a type that says nothing leaves the callback's position to tell.
      if (declaration.type && !isOpenType(declaration.type)) return this.fromTypeNode(declaration.type);
      return this.fromCallbackParameter(declaration, depth);
    }
    if (ts.isBindingElement(declaration)) return this.fromRunResult(declaration, depth);
    return undefined;
  }

  /**
   * `const [output, container] = await docker.run(...)` and `docker.run(...).then(([output, container]) => ...)`:
   * the second element is the Container run created.
   */
  private fromRunResult(element: ts.BindingElement, depth: number): DockerodeReceiver | undefined {
    const pattern = element.parent;
    if (!ts.isArrayBindingPattern(pattern) || pattern.elements.indexOf(element) !== 1) return undefined;
    const holder = pattern.parent;
    let value: ts.Expression | undefined;
    if (ts.isVariableDeclaration(holder)) {
      value = holder.initializer;
    } else if (ts.isParameter(holder)) {
      const fn = holder.parent;
      const call = fn.parent;
      if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.parameters[0] === holder && ts.isCallExpression(call) && call.arguments[0] === fn) {
        const callee = skipValueWrappers(call.expression);
        if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'then') value = callee.expression;
      }
    }
    return value ? this.fromRunCall(value, depth) : undefined;
  }

  /** The Container a `docker.run(...)` call creates. */
  private fromRunCall(value: ts.Expression, depth: number): DockerodeReceiver | undefined {
    const call = skipValueWrappers(value);
    if (!ts.isCallExpression(call)) return undefined;
    const callee = skipValueWrappers(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || !RUN_METHODS.has(callee.name.text)) return undefined;
    const owner = this.resolveSyntactically(callee.expression, depth + 1);
    return owner?.className === 'Docker' ? { className: 'Container', pinnedVersion: owner.pinnedVersion } : undefined;
  }

  /**
   * `createContainer(opts).then((container) => ...)` and the callback style
   * `createContainer(opts, (err, container) => ...)`: the parameter holds what the call resolves to.
   */
  private fromCallbackParameter(parameter: ts.ParameterDeclaration, depth: number): DockerodeReceiver | undefined {
    const fn = parameter.parent;
    if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
    const index = fn.parameters.indexOf(parameter);
    const call = fn.parent;
    if (!ts.isCallExpression(call) || !call.arguments.includes(fn)) return undefined;
    const callee = skipValueWrappers(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    if (callee.name.text === 'then' && index === 0 && call.arguments[0] === fn) {
      return this.resolveSyntactically(callee.expression, depth + 1);
    }
    if (index === 1 && call.arguments[call.arguments.length - 1] === fn) {
      const owner = this.resolveSyntactically(callee.expression, depth + 1);
      const entry = owner ? findDockerodeMethod(owner.className, callee.name.text) : undefined;
      if (owner && entry?.kind === 'request' && entry.resolves) return { className: entry.resolves, pinnedVersion: owner.pinnedVersion };
    }
    // docker.run(image, cmd, stream, opts, (err, output, container) => ...)
    if (index === 2 && call.arguments[call.arguments.length - 1] === fn) return this.fromRunCall(call, depth);
    return undefined;
  }

  /** `this.docker`: a field initializer, a constructor or method assignment, or the field's declared type. */
  private fromThisMember(access: ts.PropertyAccessExpression, depth: number): DockerodeReceiver | undefined {
    const value = findClassMemberValue(access);
    if (value) {
      const resolved = this.resolveSyntactically(value, depth + 1);
      if (resolved) return resolved;
    }
    let owner: ts.Node | undefined = access.parent;
    while (owner && !ts.isClassLike(owner)) owner = owner.parent;
    if (!owner) return undefined;
    const name = access.name.text;
    for (const member of owner.members) {
      // Assignments outside the constructor (an init() method) count too.
      if (ts.isMethodDeclaration(member) && member.body) {
        for (const statement of member.body.statements) {
          if (!ts.isExpressionStatement(statement)) continue;
          const s = statement.expression;
          if (
            ts.isBinaryExpression(s) &&
            s.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
            ts.isPropertyAccessExpression(s.left) &&
            s.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
            s.left.name.text === name
          ) {
            const resolved = this.resolveSyntactically(s.right, depth + 1);
            if (resolved) return resolved;
          }
        }
      }
      if (ts.isPropertyDeclaration(member) && member.type && readPropertyName(member.name) === name) return this.fromTypeNode(member.type);
      if (ts.isConstructorDeclaration(member)) {
        for (const parameter of member.parameters) {
          // constructor(private readonly docker: Docker)
          const isPropertyParameter = (ts.getModifiers(parameter)?.length ?? 0) > 0;
          if (isPropertyParameter && ts.isIdentifier(parameter.name) && parameter.name.text === name && parameter.type) return this.fromTypeNode(parameter.type);
        }
      }
    }
    return undefined;
  }

  /**
   * `Docker`, `Dockerode.Container`, `Container` (named import from dockerode), `Docker | undefined`;
   * with `isReturnType`, also `Promise<Docker>` (what an async function's call gives once awaited).
   */
  private fromTypeNode(node: ts.TypeNode, isReturnType = false): DockerodeReceiver | undefined {
    if (ts.isUnionTypeNode(node)) {
      for (const member of node.types) {
        const found = this.fromTypeNode(member, isReturnType);
        if (found) return found;
      }
      return undefined;
    }
    if (ts.isParenthesizedTypeNode(node)) return this.fromTypeNode(node.type, isReturnType);
    if (!ts.isTypeReferenceNode(node)) return undefined;
    if (isReturnType && ts.isIdentifier(node.typeName) && node.typeName.text === 'Promise' && node.typeArguments?.length === 1) {
      return this.fromTypeNode(node.typeArguments[0]!);
    }
    const path: string[] = [];
    let name: ts.EntityName = node.typeName;
    while (ts.isQualifiedName(name)) {
      path.unshift(name.right.text);
      name = name.left;
    }
    const ref = resolveModuleRef(name, this.context);
    if (!ref || ref.module !== DOCKERODE_MODULE) return undefined;
    const full = [...ref.path, ...path];
    if (full.length === 0) return { className: 'Docker', pinnedVersion: null };
    const last = full[full.length - 1]!;
    if (full.length === 1 && CLASS_NAMES.has(last) && last !== 'Docker') return { className: last as DockerodeClassName, pinnedVersion: null };
    return undefined;
  }

  private isDockerodeModule(expr: ts.Expression): boolean {
    const ref = resolveModuleRef(expr, this.context);
    return ref !== undefined && ref.module === DOCKERODE_MODULE && ref.path.length === 0;
  }
}

/** The expressions a function body returns, not counting nested functions and classes; walked iteratively. */
const returnedCache = new WeakMap<ts.Block, ts.Expression[]>();

function findReturnedExpressions(body: ts.Block): ts.Expression[] {
  const cached = returnedCache.get(body);
  if (cached) return cached;
  const returned: ts.Expression[] = [];
  returnedCache.set(body, returned);
  const stack: ts.Node[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isReturnStatement(node)) {
      if (node.expression) returned.push(node.expression);
      continue;
    }
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) continue;
    const children: ts.Node[] = [];
    node.forEachChild((child) => {
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return returned;
}

function isOpenType(node: ts.TypeNode): boolean {
  return node.kind === ts.SyntaxKind.AnyKeyword || node.kind === ts.SyntaxKind.UnknownKeyword;
}

/** `require('./docker')`: the specifier of a plain require call. */
function readRequiredSpecifier(call: ts.CallExpression): string | undefined {
  const [first] = call.arguments;
  if (!first || !ts.isStringLiteralLike(first) || !ts.isIdentifier(call.expression) || call.expression.text !== 'require') return undefined;
  return first.text;
}

/** `new Docker({version: 'v1.41'})` -> `1.41`; docker-modem prefixes paths with the option as written. */
export function readPinnedVersion(options: ts.Expression | undefined, context: ScopeContext): string | null {
  if (!options) return null;
  const value = readObjectProperty(options, 'version', context);
  if (!value) return null;
  const text = evaluateString(value, context);
  const match = text === undefined ? null : /^v?(\d+\.\d+)$/.exec(text.trim());
  return match ? match[1]! : null;
}
