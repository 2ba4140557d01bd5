import ts from 'typescript';
import type { CallKey } from '../../model/call.js';
import type { HttpMethod } from '../../model/surface.js';
import type { DetectedCall, Detector, DetectorContext } from '../detector.js';
import { resolveModuleRef } from '../module-ref.js';
import { findClassMemberValue, findDeclaration, findVariableInitializer, MAX_RESOLVE_STEPS, readPropertyName, readTypeSymbol, skipValueWrappers, type ScopeContext } from '../scope.js';
import { readBodyKeys, readObjectKeys, resolveObjectLiteral } from '../values.js';

/** An operationId's endpoint: `ContainerCreate` -> POST /containers/create. */
export interface OperationTarget {
  method: string;
  path: string;
}

export type OperationIndex = ReadonlyMap<string, OperationTarget>;

const SDK_MODULE = '@docker/node-sdk';
const CLIENT_CLASS = 'DockerClient';
const HTTP_METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS']);

/**
 * The @docker/node-sdk detector over a given operationId index. The SDK's methods are the spec's
 * operationIds with a lowercase first letter (`containerCreate`), so any client generated from the
 * spec works the same way: nothing here lists SDK methods.
 */
export function createDockerSdkDetector(operationIds?: OperationIndex): Detector {
  return {
    via: 'docker-sdk',
    triggers: [SDK_MODULE],
    detect: (context) => {
      // The core may hand the index over in the context; a factory-given index wins.
      const index = operationIds ?? (context as DetectorContext & { operationIds?: OperationIndex }).operationIds;
      return index ? detectDockerSdkCalls(context, index) : [];
    },
  };
}

/** Uses the operationId index of the detector context, when the core provides one. */
export const dockerSdkDetector: Detector = createDockerSdkDetector();

export function detectDockerSdkCalls(context: DetectorContext, operationIds: OperationIndex): DetectedCall[] {
  const scope: ScopeContext = { sourceFile: context.sourceFile, checker: context.checker };
  const memo = new Map<ts.Node, boolean>();
  const found: DetectedCall[] = [];
  for (const call of context.calls) {
    if (!ts.isCallExpression(call)) continue;
    const callee = skipValueWrappers(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) continue;
    const name = callee.name.text;
    const operationId = name.charAt(0).toUpperCase() + name.slice(1);
    const target = operationIds.get(operationId);
    if (!target) continue;
    const method = target.method.toUpperCase();
    if (!HTTP_METHODS.has(method)) continue;
    if (!isSdkClient(callee.expression, scope, memo)) continue;
    const { keys, sharedKeys } = readSdkKeys(call.arguments, scope);
    const detected: DetectedCall = {
      node: call,
      method: method as HttpMethod,
      path: target.path,
      isTemplate: true,
      via: 'docker-sdk',
      keys,
      pinnedVersion: null,
    };
    if (sharedKeys.length > 0) detected.sharedKeys = sharedKeys;
    found.push(detected);
  }
  return found;
}

/**
 * Object-literal arguments: the SDK takes path parameters positionally, then a body and/or an
 * options object whose keys become the query. Which is which depends on the method's signature,
 * so top-level keys are left to the core to file by the spec; nested keys can only be body fields.
 */
function readSdkKeys(args: readonly ts.Expression[], scope: ScopeContext): { keys: CallKey[]; sharedKeys: string[] } {
  const shared: string[] = [];
  const keys: CallKey[] = [];
  for (const arg of args) {
    const literal = resolveObjectLiteral(arg, scope);
    if (!literal) continue;
    shared.push(...readObjectKeys(literal, scope));
    for (const k of readBodyKeys(literal, scope)) if (k.includes('.')) keys.push({ name: k, in: 'body' });
  }
  return { keys, sharedKeys: [...new Set(shared)] };
}

/** Whether an expression is a DockerClient of @docker/node-sdk, by type or by how it was made. */
function isSdkClient(expr: ts.Expression, scope: ScopeContext, memo: Map<ts.Node, boolean>): boolean {
  const byType = isSdkClientByType(expr, scope);
  if (byType !== undefined) return byType;
  return isSdkClientSyntactically(expr, scope, memo, 0);
}

function isSdkClientByType(expr: ts.Expression, scope: ScopeContext): boolean | undefined {
  const symbol = readTypeSymbol(expr, scope);
  if (!symbol) return undefined;
  if (symbol.getName() !== CLIENT_CLASS) return false;
  return (symbol.declarations ?? []).some((d) => /[\\/]@docker[\\/]node-sdk[\\/]/.test(d.getSourceFile().fileName));
}

function isClientClass(expr: ts.Expression, scope: ScopeContext): boolean {
  const ref = resolveModuleRef(expr, scope);
  return ref !== undefined && ref.module === SDK_MODULE && ref.path.length === 1 && ref.path[0] === CLIENT_CLASS;
}

function isSdkClientSyntactically(expr: ts.Expression, scope: ScopeContext, memo: Map<ts.Node, boolean>, depth: number): boolean {
  const e = skipValueWrappers(expr);
  if (depth > MAX_RESOLVE_STEPS) return false;
  const cached = memo.get(e);
  if (cached !== undefined) return cached;
  memo.set(e, false); // cycle guard
  let answer = false;
  if (ts.isNewExpression(e)) {
    answer = isClientClass(e.expression, scope);
  } else if (ts.isCallExpression(e)) {
    // DockerClient.fromDockerConfig(), fromDockerHost(...), fromDockerContext(...)
    const callee = skipValueWrappers(e.expression);
    answer = ts.isPropertyAccessExpression(callee) && /^from[A-Z]/.test(callee.name.text) && isClientClass(callee.expression, scope);
  } else if (ts.isIdentifier(e)) {
    const declaration = findDeclaration(e, scope);
    if (declaration && ts.isVariableDeclaration(declaration)) {
      const initializer = findVariableInitializer(declaration, scope);
      answer = (initializer !== undefined && isSdkClientSyntactically(initializer, scope, memo, depth + 1)) || isClientType(declaration.type, scope);
    } else if (declaration && ts.isParameter(declaration)) {
      answer = isClientType(declaration.type, scope);
    }
  } else if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const value = findClassMemberValue(e);
    answer = value !== undefined && isSdkClientSyntactically(value, scope, memo, depth + 1);
    if (!answer) {
      let owner: ts.Node | undefined = e.parent;
      while (owner && !ts.isClassLike(owner)) owner = owner.parent;
      for (const member of owner?.members ?? []) {
        if (ts.isPropertyDeclaration(member) && readPropertyName(member.name) === e.name.text && isClientType(member.type, scope)) answer = true;
        if (ts.isConstructorDeclaration(member)) {
          for (const p of member.parameters) {
            if ((ts.getModifiers(p)?.length ?? 0) > 0 && ts.isIdentifier(p.name) && p.name.text === e.name.text && isClientType(p.type, scope)) answer = true;
          }
        }
      }
    }
  }
  memo.set(e, answer);
  return answer;
}

/** `DockerClient`, `sdk.DockerClient`, `DockerClient | undefined` as imported from the SDK. */
function isClientType(node: ts.TypeNode | undefined, scope: ScopeContext): boolean {
  if (!node) return false;
  if (ts.isUnionTypeNode(node)) return node.types.some((t) => isClientType(t, scope));
  if (!ts.isTypeReferenceNode(node)) return false;
  const path: string[] = [];
  let name: ts.EntityName = node.typeName;
  while (ts.isQualifiedName(name)) {
    path.unshift(name.right.text);
    name = name.left;
  }
  const ref = resolveModuleRef(name, scope);
  if (!ref || ref.module !== SDK_MODULE) return false;
  const full = [...ref.path, ...path];
  return full.length === 1 && full[0] === CLIENT_CLASS;
}
