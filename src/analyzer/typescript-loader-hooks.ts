/**
 * Module hooks (registered by typescript-loader.ts) that hand this package's own modules the
 * TypeScript compiler through `require`. Node imports a CommonJS package into ESM only after lexing
 * its whole source for named exports; typescript.js is 9 MB, so that lexing took longer than loading
 * the compiler. Every module here imports the default export only, which the wrapper provides.
 */
const MARKER = 'docker-api-compat-require';

interface ResolveContext {
  parentURL?: string;
}
interface ResolveResult {
  url: string;
  format?: string | null;
  shortCircuit?: boolean;
}
type NextResolve = (specifier: string, context: ResolveContext) => Promise<ResolveResult>;
interface LoadResult {
  format: string;
  source?: string | ArrayBuffer | Uint8Array;
  shortCircuit?: boolean;
}
type NextLoad = (url: string, context: unknown) => Promise<LoadResult>;

let scope = '';

/** `data.scope`: URL prefix of the importers to serve (this package's compiled modules). */
export function initialize(data: { scope: string }): void {
  scope = data.scope;
}

export async function resolve(specifier: string, context: ResolveContext, next: NextResolve): Promise<ResolveResult> {
  const resolved = await next(specifier, context);
  if (specifier !== 'typescript' || !context.parentURL?.startsWith(scope) || !resolved.url.startsWith('file:')) return resolved;
  return { url: `${resolved.url}?${MARKER}`, format: 'module', shortCircuit: true };
}

export async function load(url: string, context: unknown, next: NextLoad): Promise<LoadResult> {
  const at = url.indexOf(`?${MARKER}`);
  if (at === -1) return next(url, context);
  const target = JSON.stringify(url.slice(0, at));
  return {
    format: 'module',
    shortCircuit: true,
    source: `import { createRequire } from 'node:module';\nimport { fileURLToPath } from 'node:url';\nexport default createRequire(${target})(fileURLToPath(${target}));\n`,
  };
}
