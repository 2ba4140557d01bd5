import ts from 'typescript';
import type { SourceLocation } from '../model/call.js';
import type { FileResult, Finding } from '../model/finding.js';

export const DIRECTIVE_PREFIX = 'docker-api-compat-';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

/** A `docker-api-compat-disable...` comment. `rules` null means every rule. */
export interface Directive {
  kind: DirectiveKind;
  rules: string[] | null;
  location: SourceLocation;
}

const DIRECTIVE_PATTERN = /^\s*docker-api-compat-(disable-next-line|disable-line|disable|enable)(?=\s|$)([\s\S]*)$/;

/**
 * Finds the directive comments of a file with the TypeScript scanner (no parse): the scanner knows
 * strings, template literals and regular expressions, so a `//` inside them is not a comment.
 */
export function parseDirectives(text: string, file: string): Directive[] {
  if (!text.includes(DIRECTIVE_PREFIX)) return [];
  const variant = /\.[jt]sx$/i.test(file) ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, variant, text);
  const lineStarts = computeLineStarts(text);
  const directives: Directive[] = [];
  // Brace depths at which an open template literal resumes after `${ ... }`.
  const templateDepths: number[] = [];
  let braceDepth = 0;
  let previous: ts.SyntaxKind = ts.SyntaxKind.Unknown;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.SingleLineCommentTrivia || token === ts.SyntaxKind.MultiLineCommentTrivia) {
      const directive = readDirective(scanner.getTokenText(), token, scanner.getTokenStart(), scanner.getTokenEnd(), lineStarts, file);
      if (directive) directives.push(directive);
      continue;
    }
    if (isTrivia(token)) continue;
    if ((token === ts.SyntaxKind.SlashToken || token === ts.SyntaxKind.SlashEqualsToken) && !endsExpression(previous)) {
      token = scanner.reScanSlashToken();
    } else if (token === ts.SyntaxKind.TemplateHead) {
      templateDepths.push(braceDepth);
    } else if (token === ts.SyntaxKind.OpenBraceToken) {
      braceDepth++;
    } else if (token === ts.SyntaxKind.CloseBraceToken) {
      if (templateDepths.length > 0 && templateDepths[templateDepths.length - 1] === braceDepth) {
        token = scanner.reScanTemplateToken(false);
        if (token === ts.SyntaxKind.TemplateTail) templateDepths.pop();
      } else {
        braceDepth = Math.max(0, braceDepth - 1);
      }
    }
    previous = token;
  }
  return directives;
}

function readDirective(
  comment: string,
  kind: ts.SyntaxKind,
  start: number,
  end: number,
  lineStarts: readonly number[],
  file: string,
): Directive | undefined {
  const body = kind === ts.SyntaxKind.SingleLineCommentTrivia ? comment.slice(2) : comment.slice(2, -2);
  const match = DIRECTIVE_PATTERN.exec(body);
  if (!match) return undefined;
  const directiveKind = match[1] as DirectiveKind;
  // `-- reason` ends the rule list, as in ESLint.
  const list = match[2]!.split(/\s--\s|\s--$/)[0]!.trim();
  const rules = list === '' ? null : list.split(/[\s,]+/).filter((r) => r !== '');
  const from = toLineColumn(start, lineStarts);
  const to = toLineColumn(end, lineStarts);
  // A disable-line directive in a block comment spanning lines has no single line to apply to.
  if (directiveKind === 'disable-line' && from.line !== to.line) return undefined;
  return { kind: directiveKind, rules, location: { file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column } };
}

/** Line break rules of the TypeScript scanner: \n, \r\n, \r, U+2028, U+2029. */
function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    } else if (c === 0x0a || c === 0x2028 || c === 0x2029) {
      starts.push(i + 1);
    }
  }
  return starts;
}

function toLineColumn(position: number, lineStarts: readonly number[]): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= position) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: position - lineStarts[low]! + 1 };
}

function isTrivia(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.WhitespaceTrivia ||
    kind === ts.SyntaxKind.NewLineTrivia ||
    kind === ts.SyntaxKind.ShebangTrivia ||
    kind === ts.SyntaxKind.ConflictMarkerTrivia
  );
}

/** After these a `/` divides; anywhere else it starts a regular expression. */
function endsExpression(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.Identifier ||
    kind === ts.SyntaxKind.PrivateIdentifier ||
    kind === ts.SyntaxKind.NumericLiteral ||
    kind === ts.SyntaxKind.BigIntLiteral ||
    kind === ts.SyntaxKind.StringLiteral ||
    kind === ts.SyntaxKind.RegularExpressionLiteral ||
    kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral ||
    kind === ts.SyntaxKind.TemplateTail ||
    kind === ts.SyntaxKind.CloseParenToken ||
    kind === ts.SyntaxKind.CloseBracketToken ||
    kind === ts.SyntaxKind.CloseBraceToken ||
    kind === ts.SyntaxKind.PlusPlusToken ||
    kind === ts.SyntaxKind.MinusMinusToken ||
    kind === ts.SyntaxKind.ThisKeyword ||
    kind === ts.SyntaxKind.SuperKeyword ||
    kind === ts.SyntaxKind.TrueKeyword ||
    kind === ts.SyntaxKind.FalseKeyword ||
    kind === ts.SyntaxKind.NullKeyword
  );
}

/**
 * Drops the findings the directives suppress. With `reportUnused`, a directive that suppressed
 * nothing (or names a rule that it suppressed nothing for) is listed in `unusedDirectives`.
 */
export function applyDirectives(result: FileResult, directives: readonly Directive[], options: { reportUnused?: boolean } = {}): FileResult {
  if (directives.length === 0) return result;
  const used = new Map<Directive, Set<string>>();
  const markUsed = (directive: Directive, ruleId: string) => {
    let set = used.get(directive);
    if (!set) used.set(directive, (set = new Set()));
    set.add(ruleId);
  };
  const findings = result.findings.filter((finding) => {
    const suppressor = findSuppressor(finding, directives);
    if (!suppressor) return true;
    markUsed(suppressor, finding.ruleId);
    return false;
  });
  const unusedDirectives = [...result.unusedDirectives];
  if (options.reportUnused) {
    for (const directive of directives) {
      if (directive.kind === 'enable') continue;
      const hits = used.get(directive);
      const unused = !hits || (directive.rules !== null && directive.rules.some((r) => !hits.has(r)));
      if (unused) unusedDirectives.push(directive.location);
    }
    unusedDirectives.sort((a, b) => a.line - b.line || a.column - b.column);
  }
  return { ...result, findings, unusedDirectives };
}

function appliesToRule(directive: Directive, ruleId: string): boolean {
  return directive.rules === null || directive.rules.includes(ruleId);
}

/** The directive that suppresses a finding, or undefined. Line directives first, then the last disable before it. */
function findSuppressor(finding: Finding, directives: readonly Directive[]): Directive | undefined {
  const { line, column } = finding.location;
  for (const d of directives) {
    if (!appliesToRule(d, finding.ruleId)) continue;
    if (d.kind === 'disable-line' && d.location.line === line) return d;
    if (d.kind === 'disable-next-line' && d.location.endLine + 1 === line) return d;
  }
  // Block directives in source order: the state at the finding's position decides.
  let suppressor: Directive | undefined;
  for (const d of directives) {
    if (d.kind !== 'disable' && d.kind !== 'enable') continue;
    if (!isBefore(d.location, line, column)) break;
    if (!appliesToRule(d, finding.ruleId)) {
      // `enable` without rules re-enables everything; a rule-specific one only its rules.
      continue;
    }
    suppressor = d.kind === 'disable' ? d : undefined;
  }
  return suppressor;
}

function isBefore(location: SourceLocation, line: number, column: number): boolean {
  return location.line < line || (location.line === line && location.column <= column);
}
