import { register } from 'node:module';

let registered = false;

/**
 * Makes this package's later `import ts from 'typescript'` load the compiler with `require`, which
 * skips Node's export lexing of the 9 MB CommonJS file (about 0.7 s per process; see
 * typescript-loader-hooks.ts). Call before the first module that imports TypeScript is loaded.
 * Only the compiled package is served: under a TS runner (tests) it does nothing.
 */
export function registerTypeScriptLoader(): void {
  if (registered) return;
  registered = true;
  if (!import.meta.url.endsWith('.js') || typeof register !== 'function') return;
  const scope = new URL('../../', import.meta.url).href;
  register('./typescript-loader-hooks.js', { parentURL: import.meta.url, data: { scope } });
}
