import ts from 'typescript';

/** What the static helpers need: the file, and the checker when the file is part of a Program. */
export interface ScopeContext {
  sourceFile: ts.SourceFile;
  checker: ts.TypeChecker | undefined;
}

/** How far the helpers follow identifiers and property chains; user code can be cyclic (`const a = b; const b = a`). */
export const MAX_RESOLVE_STEPS = 24;

/** Drops wrappers that do not change the value: parens, `as`, `satisfies`, `!`, `<T>x`, `await`. */
export function skipValueWrappers(expr: ts.Expression): ts.Expression {
  let current = expr;
  for (let i = 0; i < 1000; i++) {
    if (
      ts.isParenthesizedExpression(current) ||
      ts.isAsExpression(current) ||
      ts.isSatisfiesExpression(current) ||
      ts.isNonNullExpression(current) ||
      ts.isTypeAssertionExpression(current) ||
      ts.isAwaitExpression(current)
    ) {
      current = current.expression;
    } else {
      break;
    }
  }
  return current;
}

/** A declaration an identifier can be bound to, as far as the helpers care. */
export type BindingDeclaration =
  | ts.VariableDeclaration
  | ts.BindingElement
  | ts.ParameterDeclaration
  | ts.ImportClause
  | ts.NamespaceImport
  | ts.ImportSpecifier
  | ts.ImportEqualsDeclaration
  | ts.FunctionDeclaration
  | ts.ClassDeclaration;

/**
 * The declaration an identifier refers to: through the checker when there is one, else by a
 * syntactic scope walk (innermost block, function parameters, then outwards to the file).
 */
export function findDeclaration(identifier: ts.Identifier, context: ScopeContext): BindingDeclaration | undefined {
  if (context.checker) {
    try {
      const symbol = ts.isShorthandPropertyAssignment(identifier.parent)
        ? context.checker.getShorthandAssignmentValueSymbol(identifier.parent)
        : context.checker.getSymbolAtLocation(identifier);
      const declaration = symbol?.declarations?.[0];
      if (declaration && isBindingDeclaration(declaration)) return declaration;
      if (symbol) return undefined;
    } catch {
      // fall through to the syntactic lookup
    }
  }
  return findDeclarationSyntactically(identifier);
}

function isBindingDeclaration(node: ts.Node): node is BindingDeclaration {
  return (
    ts.isVariableDeclaration(node) ||
    ts.isBindingElement(node) ||
    ts.isParameter(node) ||
    ts.isImportClause(node) ||
    ts.isNamespaceImport(node) ||
    ts.isImportSpecifier(node) ||
    ts.isImportEqualsDeclaration(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isClassDeclaration(node)
  );
}

function findDeclarationSyntactically(identifier: ts.Identifier): BindingDeclaration | undefined {
  const name = identifier.text;
  let node: ts.Node | undefined = identifier.parent;
  while (node) {
    if (ts.isFunctionLike(node)) {
      for (const parameter of node.parameters) {
        const found = findInBindingName(parameter.name, name);
        if (found) return found === true ? parameter : found;
      }
    }
    if (ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
      const found = findInStatements(node.statements, name);
      if (found) return found;
    }
    if ((ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node)) && node.initializer && ts.isVariableDeclarationList(node.initializer)) {
      for (const declaration of node.initializer.declarations) {
        const found = findInBindingName(declaration.name, name);
        if (found) return found === true ? declaration : found;
      }
    }
    node = node.parent;
  }
  return undefined;
}

function findInStatements(statements: ts.NodeArray<ts.Statement>, name: string): BindingDeclaration | undefined {
  for (const statement of statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const found = findInBindingName(declaration.name, name);
        if (found) return found === true ? declaration : found;
      }
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === name) {
      return statement;
    } else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name?.text === name) return clause;
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings) && bindings.name.text === name) return bindings;
      if (bindings && ts.isNamedImports(bindings)) {
        const specifier = bindings.elements.find((e) => e.name.text === name);
        if (specifier) return specifier;
      }
    } else if (ts.isImportEqualsDeclaration(statement) && statement.name.text === name) {
      return statement;
    }
  }
  return undefined;
}

/** `true` when the plain name is `name`, the BindingElement when a destructuring pattern binds it. */
function findInBindingName(bindingName: ts.BindingName, name: string): true | ts.BindingElement | undefined {
  if (ts.isIdentifier(bindingName)) return bindingName.text === name ? true : undefined;
  const stack: ts.BindingName[] = [bindingName];
  while (stack.length > 0) {
    const pattern = stack.pop()!;
    if (ts.isIdentifier(pattern)) continue;
    for (const element of pattern.elements) {
      if (ts.isOmittedExpression(element)) continue;
      if (ts.isIdentifier(element.name)) {
        if (element.name.text === name) return element;
      } else {
        stack.push(element.name);
      }
    }
  }
  return undefined;
}

/**
 * The expression a variable holds when that is statically clear: a `const` initializer, or a
 * `let`/`var` initializer the file never assigns again.
 */
export function findVariableInitializer(declaration: BindingDeclaration, context: ScopeContext): ts.Expression | undefined {
  if (!ts.isVariableDeclaration(declaration) || !declaration.initializer || !ts.isIdentifier(declaration.name)) return undefined;
  const list = declaration.parent;
  if (ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) === 0) {
    if (isReassigned(declaration.name.text, context.sourceFile)) return undefined;
  }
  return declaration.initializer;
}

const reassignedCache = new WeakMap<ts.SourceFile, Map<string, boolean>>();

function isReassigned(name: string, sourceFile: ts.SourceFile): boolean {
  let cache = reassignedCache.get(sourceFile);
  if (!cache) reassignedCache.set(sourceFile, (cache = new Map()));
  let answer = cache.get(name);
  if (answer === undefined) {
    const escaped = name.replace(/[$]/g, '\\$');
    // A text check is enough: a false "reassigned" only makes the analysis more cautious.
    answer = new RegExp(`(^|[^.\\w$])${escaped}\\s*([-+*/%&|^]|\\?\\?|\\|\\||&&)?=(?!=)`, 'm').test(
      sourceFile.text.replace(new RegExp(`(const|let|var)\\s+${escaped}\\s*(:[^=]*)?=`, 'g'), ''),
    );
    cache.set(name, answer);
  }
  return answer;
}

/**
 * For `this.name` inside a class: the field initializer or the expression the constructor assigns.
 */
export function findClassMemberValue(access: ts.PropertyAccessExpression): ts.Expression | undefined {
  if (access.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  const name = access.name.text;
  let node: ts.Node | undefined = access.parent;
  while (node && !ts.isClassLike(node)) node = node.parent;
  if (!node) return undefined;
  for (const member of node.members) {
    if (ts.isPropertyDeclaration(member) && member.initializer && readPropertyName(member.name) === name) return member.initializer;
  }
  for (const member of node.members) {
    if (!ts.isConstructorDeclaration(member) || !member.body) continue;
    for (const statement of member.body.statements) {
      if (!ts.isExpressionStatement(statement)) continue;
      const e = statement.expression;
      if (
        ts.isBinaryExpression(e) &&
        e.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(e.left) &&
        e.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
        e.left.name.text === name
      ) {
        return e.right;
      }
    }
  }
  return undefined;
}

/** Static text of a property name: identifiers, string and numeric literals, literal computed keys. */
export function readPropertyName(name: ts.PropertyName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name)) {
    const e = skipValueWrappers(name.expression);
    if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e)) return e.text;
  }
  return undefined;
}
