import path from 'node:path';

/** `./docker`, `../lib/docker/index.js`, `.` and `..`: specifiers that name a file of the project itself. */
export function isRelativeSpecifier(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

/** What TypeScript's resolver tries for an import written with a JavaScript extension (NodeNext style `./docker.js`). */
const EXTENSION_SUBSTITUTES: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx', '.js', '.jsx'],
  '.jsx': ['.tsx', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
};

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/**
 * The file a relative specifier names, among the files `hasFile` knows: the path as written, its
 * TypeScript counterpart (`.js` -> `.ts`), the path plus a source extension, or the folder's index file.
 * Bare specifiers (packages) and files outside the set give undefined: nothing is read from disk.
 */
export function resolveRelativeModule(fromFile: string, specifier: string, hasFile: (file: string) => boolean): string | undefined {
  if (!isRelativeSpecifier(specifier)) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates: string[] = [];
  const extension = path.extname(base).toLowerCase();
  const substitutes = EXTENSION_SUBSTITUTES[extension];
  if (substitutes) {
    const stem = base.slice(0, base.length - extension.length);
    candidates.push(...substitutes.map((e) => stem + e));
  } else if (SOURCE_EXTENSIONS.includes(extension)) {
    candidates.push(base);
  }
  candidates.push(...SOURCE_EXTENSIONS.map((e) => base + e));
  candidates.push(...SOURCE_EXTENSIONS.map((e) => path.join(base, `index${e}`)));
  return candidates.find(hasFile);
}

/**
 * The word any relative import of a file has to contain: its name without extension,
 * or the folder's name for an index file (`./lib/docker` reaches `lib/docker/index.ts`).
 */
export function readModuleWord(file: string): string | undefined {
  const name = path.basename(file).replace(/\.[^.]*$/, '');
  if (name !== 'index') return name || undefined;
  return path.basename(path.dirname(file)) || undefined;
}
