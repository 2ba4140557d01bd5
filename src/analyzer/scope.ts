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
      const found = findInStatements(node, name);
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

type StatementHolder = ts.Block | ts.SourceFile | ts.ModuleBlock | ts.CaseClause | ts.DefaultClause;

/** Per statement list, the first declaration of each name: one pass per list instead of one per lookup. */
const statementBindingsCache = new WeakMap<StatementHolder, ReadonlyMap<string, BindingDeclaration>>();

function findInStatements(holder: StatementHolder, name: string): BindingDeclaration | undefined {
  let bindings = statementBindingsCache.get(holder);
  if (!bindings) statementBindingsCache.set(holder, (bindings = indexStatementBindings(holder.statements)));
  return bindings.get(name);
}

function indexStatementBindings(statements: ts.NodeArray<ts.Statement>): Map<string, BindingDeclaration> {
  const bindings = new Map<string, BindingDeclaration>();
  const add = (name: string, declaration: BindingDeclaration): void => {
    if (!bindings.has(name)) bindings.set(name, declaration);
  };
  for (const statement of statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) add(declaration.name.text, declaration);
        else for (const element of listBindingElements(declaration.name)) add((element.name as ts.Identifier).text, element);
      }
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      add(statement.name.text, statement);
    } else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name) add(clause.name.text, clause);
      const named = clause.namedBindings;
      if (named && ts.isNamespaceImport(named)) add(named.name.text, named);
      if (named && ts.isNamedImports(named)) for (const specifier of named.elements) add(specifier.name.text, specifier);
    } else if (ts.isImportEqualsDeclaration(statement)) {
      add(statement.name.text, statement);
    }
  }
  return bindings;
}

/** The elements of a destructuring pattern that bind a plain name, nested patterns included. */
function listBindingElements(pattern: ts.BindingPattern): ts.BindingElement[] {
  const found: ts.BindingElement[] = [];
  const stack: ts.BindingPattern[] = [pattern];
  while (stack.length > 0) {
    for (const element of stack.pop()!.elements) {
      if (ts.isOmittedExpression(element)) continue;
      if (ts.isIdentifier(element.name)) found.push(element);
      else stack.push(element.name);
    }
  }
  return found;
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

const assignedNamesCache = new WeakMap<ts.SourceFile, ReadonlySet<string>>();

/**
 * A name followed by an assignment operator (`x =`, `x +=`, `x ??=`, also an arrow parameter `x =>`),
 * outside a `const`/`let`/`var` declaration. A text check is enough: a false "reassigned" only makes
 * the analysis more cautious.
 */
const ASSIGNMENT = /(?<![.\p{ID_Continue}$\u200c\u200d])([\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*)\s*(?:\*\*|<<|>>>?|\?\?|\|\||&&|[-+*/%&|^])?=(?!=)/gu;
const DECLARATION_BEFORE = /(?:^|[^.\w$])(?:const|let|var)\s+$/;

function isReassigned(name: string, sourceFile: ts.SourceFile): boolean {
  let assigned = assignedNamesCache.get(sourceFile);
  if (!assigned) {
    // One pass per file: a pass per name was quadratic and took hours on a large minified bundle.
    const names = new Set<string>();
    const text = sourceFile.text;
    for (const match of text.matchAll(ASSIGNMENT)) {
      const before = text.slice(Math.max(0, match.index - 16), match.index);
      if (!DECLARATION_BEFORE.test(before)) names.add(match[1]!);
    }
    assignedNamesCache.set(sourceFile, (assigned = names));
  }
  return assigned.has(name);
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

/**
 * The symbol of an expression's (non-null) type, or undefined when the type says nothing either way:
 * no checker, any/unknown, void and primitives, an overload that failed to resolve, a checker error.
 */
export function readTypeSymbol(expr: ts.Expression, context: ScopeContext): ts.Symbol | undefined {
  const checker = context.checker;
  if (!checker) return undefined;
  let type: ts.Type;
  try {
    type = checker.getNonNullableType(checker.getTypeAtLocation(expr));
  } catch {
    return undefined;
  }
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return undefined;
  return type.getSymbol() ?? type.aliasSymbol;
}
