import ts from 'typescript';
import { findModuleExports, findReExportSpecifiers } from '../project/module-exports.js';
import type { ProjectSources } from '../project/project-sources.js';
import { readModuleWord, resolveRelativeModule } from '../project/relative-module.js';
import { DockerodeReceiverResolver, type DockerodeProjectLookup, type DockerodeReceiver } from './receiver.js';

/** How many files one import may pass through (barrels re-exporting barrels); hostile chains stop here. */
const MAX_MODULE_HOPS = 32;

const DOCKERODE_WORD = 'dockerode';

/**
 * Dockerode clients and objects other files of the scan export, for syntax-only mode (`--no-types`,
 * loose files, a linter without type information): `export const docker = new Docker()`,
 * `export default new Docker(opts)`, `export function getDocker() { return new Docker() }`,
 * `module.exports = docker`, and re-exports of those through barrels. Files are parsed on the first
 * lookup that reaches them, each resolved with the same syntactic resolver a single file uses.
 */
export class DockerodeProjectIndex implements DockerodeProjectLookup {
  private readonly resolvers = new Map<string, DockerodeReceiverResolver>();
  private readonly memo = new Map<string, DockerodeReceiver | null>();
  private readonly inProgress = new Set<string>();
  private hops = 0;

  constructor(private readonly sources: ProjectSources) {}

  resolveImportedValue(fromFile: string, specifier: string, path: readonly string[]): DockerodeReceiver | undefined {
    return this.lookUp(fromFile, specifier, path, 'value');
  }

  resolveImportedCall(fromFile: string, specifier: string, path: readonly string[]): DockerodeReceiver | undefined {
    return this.lookUp(fromFile, specifier, path, 'call');
  }

  /**
   * Words a file that imports one of the indexed modules necessarily contains: `dockerode` and the
   * module names (`docker` for `./docker.ts` and `./docker/index.ts`) of files that mention dockerode,
   * and of barrels that re-export them. The detector's cheap pre-filter runs on these.
   */
  findTriggerWords(): string[] {
    const members = new Set<string>();
    for (const file of this.sources.files()) {
      if (this.sources.readText(file)?.includes(DOCKERODE_WORD) && this.hasClientExport(file)) members.add(file);
    }
    if (members.size === 0) return [];
    const has = (f: string) => this.sources.has(f);
    // Who re-exports whom, once per barrel; then a walk outwards from the dockerode files (barrels of barrels too).
    const reExporters = new Map<string, string[]>();
    for (const barrel of this.sources.files()) {
      if (members.has(barrel) || !/\bexport\s*(?:\*|\{|type\s*\{)/.test(this.sources.readText(barrel) ?? '')) continue;
      const sourceFile = this.sources.readSourceFile(barrel);
      if (!sourceFile) continue;
      for (const specifier of findReExportSpecifiers(sourceFile)) {
        const target = resolveRelativeModule(barrel, specifier, has);
        if (target === undefined) continue;
        const list = reExporters.get(target);
        if (list) list.push(barrel);
        else reExporters.set(target, [barrel]);
      }
    }
    const queue = [...members];
    while (queue.length > 0) {
      for (const barrel of reExporters.get(queue.pop()!) ?? []) {
        if (members.has(barrel)) continue;
        members.add(barrel);
        queue.push(barrel);
      }
    }
    const words = new Set<string>([DOCKERODE_WORD]);
    for (const file of members) {
      const word = readModuleWord(file);
      if (word) words.add(word);
    }
    return [...words];
  }

  /**
   * Whether a file that mentions dockerode exports something that resolves to a dockerode object.
   * Most such files only use a client of their own; counting them would make every importer a
   * candidate (and their module names, like `module1`, match far too many texts).
   */
  private hasClientExport(file: string): boolean {
    const sourceFile = this.sources.readSourceFile(file);
    if (!sourceFile) return true;
    for (const name of listExportedNames(sourceFile)) {
      if (this.resolveExport(file, name, 'value') ?? this.resolveExport(file, name, 'call')) return true;
    }
    return false;
  }

  private lookUp(fromFile: string, specifier: string, path: readonly string[], use: 'value' | 'call'): DockerodeReceiver | undefined {
    // The module itself or one export of it; deeper paths are properties of what a module exports.
    if (path.length > 1) return undefined;
    const file = resolveRelativeModule(fromFile, specifier, (f) => this.sources.has(f));
    return file === undefined ? undefined : this.resolveExport(file, path[0] ?? 'default', use);
  }

  private resolveExport(file: string, name: string, use: 'value' | 'call'): DockerodeReceiver | undefined {
    const key = `${use}\0${name}\0${file}`;
    const cached = this.memo.get(key);
    if (cached !== undefined) return cached ?? undefined;
    if (this.inProgress.has(key) || this.hops >= MAX_MODULE_HOPS) return undefined;
    this.inProgress.add(key);
    this.hops++;
    let result: DockerodeReceiver | undefined;
    try {
      result = this.computeExport(file, name, use);
    } finally {
      this.hops--;
      this.inProgress.delete(key);
    }
    this.memo.set(key, result ?? null);
    return result;
  }

  private computeExport(file: string, name: string, use: 'value' | 'call'): DockerodeReceiver | undefined {
    const sourceFile = this.sources.readSourceFile(file);
    if (!sourceFile) return undefined;
    const resolver = this.resolverFor(sourceFile);
    for (const target of findModuleExports(sourceFile, name)) {
      let found: DockerodeReceiver | undefined;
      switch (target.kind) {
        case 'expression':
          found = use === 'value' ? resolver.resolve(target.expression) : resolver.resolveCall(target.expression);
          break;
        case 'binding':
          found = use === 'value' ? resolver.resolve(target.identifier) : resolver.resolveCall(target.identifier);
          break;
        case 'function':
          found = use === 'call' ? resolver.resolveCall(target.declaration) : undefined;
          break;
        case 're-export': {
          const next = resolveRelativeModule(file, target.specifier, (f) => this.sources.has(f));
          found = next === undefined ? undefined : this.resolveExport(next, target.name, use);
          break;
        }
      }
      if (found) return found;
    }
    return undefined;
  }

  private resolverFor(sourceFile: ts.SourceFile): DockerodeReceiverResolver {
    let resolver = this.resolvers.get(sourceFile.fileName);
    if (!resolver) {
      // Syntax only: the exporting file may not be in any Program, and the consumer's checker cannot look into it.
      resolver = new DockerodeReceiverResolver({ sourceFile, checker: undefined }, this);
      this.resolvers.set(sourceFile.fileName, resolver);
    }
    return resolver;
  }
}

/**
 * Names a module may export a client under: ESM declarations and export lists, `export default`,
 * and CommonJS (`module.exports = ...` as default, `exports.x` / `module.exports.x`, and the keys of
 * `module.exports = { ... }`). `export *` is left to the barrel walk.
 */
function listExportedNames(sourceFile: ts.SourceFile): Set<string> {
  const names = new Set<string>(['default']);
  const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of sourceFile.statements) {
    if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
    } else if (ts.isFunctionDeclaration(statement) && isExported(statement) && statement.name) {
      names.add(statement.name.text);
    } else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) names.add(element.name.text);
    }
  }
  for (const match of sourceFile.text.matchAll(/\b(?:module\.)?exports\.([A-Za-z_$][\w$]*)\s*=/g)) names.add(match[1]!);
  const objectExport = /\bmodule\.exports\s*=\s*\{([^}]*)\}/.exec(sourceFile.text);
  for (const key of objectExport?.[1]?.matchAll(/([A-Za-z_$][\w$]*)\s*(?=[,:}]|$)/g) ?? []) names.add(key[1]!);
  return names;
}
