import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRelativeSpecifier, readModuleWord, resolveRelativeModule } from '../../../src/analyzer/project/relative-module.js';

const FILES = new Set(
  ['/p/src/docker.ts', '/p/src/legacy.js', '/p/src/esm.mts', '/p/src/view.tsx', '/p/lib/docker/index.ts', '/p/lib/cjs/index.cjs'].map((f) => path.resolve(f)),
);
const has = (f: string) => FILES.has(f);
const from = path.resolve('/p/src/app.ts');

describe('resolveRelativeModule', () => {
  it.each([
    ['./docker', '/p/src/docker.ts'],
    ['./docker.js', '/p/src/docker.ts'],
    ['./docker.ts', '/p/src/docker.ts'],
    ['./legacy', '/p/src/legacy.js'],
    ['./legacy.js', '/p/src/legacy.js'],
    ['./esm.mjs', '/p/src/esm.mts'],
    ['./view.jsx', '/p/src/view.tsx'],
    ['../lib/docker', '/p/lib/docker/index.ts'],
    ['../lib/docker/index.js', '/p/lib/docker/index.ts'],
    ['../lib/cjs', '/p/lib/cjs/index.cjs'],
  ])('%s -> %s', (specifier, expected) => {
    expect(resolveRelativeModule(from, specifier, has)).toBe(path.resolve(expected));
  });

  it('leaves packages and files outside the set alone', () => {
    expect(resolveRelativeModule(from, 'dockerode', has)).toBeUndefined();
    expect(resolveRelativeModule(from, './missing', has)).toBeUndefined();
    expect(resolveRelativeModule(from, '../../etc/passwd', has)).toBeUndefined();
  });

  it('knows relative specifiers and module words', () => {
    expect(['.', '..', './a', '../a'].every(isRelativeSpecifier)).toBe(true);
    expect(['a', '@scope/a', '/abs', 'node:fs'].some(isRelativeSpecifier)).toBe(false);
    expect(readModuleWord('/p/src/docker-client.ts')).toBe('docker-client');
    expect(readModuleWord('/p/lib/docker/index.ts')).toBe('docker');
  });
});
