import ts from 'typescript';

/**
 * One place a module says what it exports under a name, without following it further:
 * - `expression`: `export default expr`, `export = expr`, `module.exports = expr`, `exports.name = expr`,
 *   or a property of an exported object literal (`module.exports = { docker }`);
 * - `binding`: a local name the export refers to (`export const docker = ...`, `export { docker as client }`);
 * - `function`: an exported function declaration (`export function getDocker() {}`, `export default function () {}`);
 * - `re-export`: `export { docker } from './docker'`, `export * from './docker'`.
 */
export type ModuleExport =
  | { kind: 'expression'; expression: ts.Expression }
  | { kind: 'binding'; identifier: ts.Identifier }
  | { kind: 'function'; declaration: ts.FunctionDeclaration }
  | { kind: 're-export'; specifier: string; name: string };

/**
 * What a module exports as `name` (`default` for the default export, which CommonJS `module.exports`
 * also is), most direct first: own exports, then `export *` re-exports, then a property of a default
 * object (`import d from './m'; d.docker` and `module.exports = { docker }` alike). Top-level statements only.
 */
export function findModuleExports(sourceFile: ts.SourceFile, name: string): ModuleExport[] {
  const direct: ModuleExport[] = [];
  const starred: ModuleExport[] = [];
  const defaultObjects: ts.ObjectLiteralExpression[] = [];
  for (const statement of sourceFile.statements) {
    if (ts.isVariableStatement(statement)) {
      if (!hasModifier(statement, ts.SyntaxKind.ExportKeyword)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.name.text === name) direct.push({ kind: 'binding', identifier: declaration.name });
      }
    } else if (ts.isFunctionDeclaration(statement)) {
      if (!hasModifier(statement, ts.SyntaxKind.ExportKeyword)) continue;
      const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
      if ((isDefault && name === 'default') || (!isDefault && statement.name?.text === name)) direct.push({ kind: 'function', declaration: statement });
    } else if (ts.isExportAssignment(statement)) {
      if (name === 'default') direct.push({ kind: 'expression', expression: statement.expression });
      const value = unwrapObject(statement.expression);
      if (value) defaultObjects.push(value);
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      const specifier = statement.moduleSpecifier && ts.isStringLiteralLike(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (!clause) {
        // `export *` never re-exports a default.
        if (specifier !== undefined && name !== 'default') starred.push({ kind: 're-export', specifier, name });
        continue;
      }
      if (!ts.isNamedExports(clause)) continue;
      for (const element of clause.elements) {
        if (element.isTypeOnly || readName(element.name) !== name) continue;
        const local = element.propertyName ?? element.name;
        if (specifier !== undefined) {
          const imported = readName(local);
          if (imported !== undefined) direct.push({ kind: 're-export', specifier, name: imported });
        } else if (ts.isIdentifier(local)) {
          direct.push({ kind: 'binding', identifier: local });
        }
      }
    } else if (ts.isExpressionStatement(statement)) {
      const e = statement.expression;
      if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
      const target = readCommonJsTarget(e.left);
      if (target === undefined) continue;
      if (target === 'default') {
        if (name === 'default') direct.push({ kind: 'expression', expression: e.right });
        const value = unwrapObject(e.right);
        if (value) defaultObjects.push(value);
      } else if (target === name) {
        direct.push({ kind: 'expression', expression: e.right });
      }
    }
  }
  const properties: ModuleExport[] = [];
  if (name !== 'default') {
    for (const object of defaultObjects) {
      for (const property of object.properties) {
        if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) properties.push({ kind: 'expression', expression: property.name });
        if (ts.isPropertyAssignment(property) && readPropertyKey(property.name) === name) properties.push({ kind: 'expression', expression: property.initializer });
      }
    }
  }
  return [...direct, ...starred, ...properties];
}

/** The relative specifiers a module re-exports from (`export ... from`, `module.exports = require(...)`), for barrel files. */
export function findReExportSpecifiers(sourceFile: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  for (const statement of sourceFile.statements) {
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteralLike(statement.moduleSpecifier)) {
      specifiers.push(statement.moduleSpecifier.text);
    }
  }
  return specifiers;
}

/** `module.exports` -> `default`; `module.exports.x` and `exports.x` -> `x`. */
function readCommonJsTarget(left: ts.Expression): string | undefined {
  if (!ts.isPropertyAccessExpression(left)) return undefined;
  if (isModuleExports(left)) return 'default';
  const owner = left.expression;
  if (isModuleExports(owner) || (ts.isIdentifier(owner) && owner.text === 'exports')) return left.name.text;
  return undefined;
}

function isModuleExports(e: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(e) && e.name.text === 'exports' && ts.isIdentifier(e.expression) && e.expression.text === 'module';
}

function unwrapObject(e: ts.Expression): ts.ObjectLiteralExpression | undefined {
  let current = e;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current)) current = current.expression;
  return ts.isObjectLiteralExpression(current) ? current : undefined;
}

function hasModifier(node: ts.HasModifiers, kind: ts.SyntaxKind): boolean {
  return ts.getModifiers(node)?.some((m) => m.kind === kind) ?? false;
}

function readName(name: ts.ModuleExportName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

function readPropertyKey(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteralLike(name) ? name.text : undefined;
}
