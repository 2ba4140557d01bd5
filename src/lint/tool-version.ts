import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findPackageRoot } from '../db/package-root.js';

let cached: string | undefined;

/** This package's version, for formatters and the lint cache key. */
export function readToolVersion(): string {
  if (cached !== undefined) return cached;
  try {
    const manifest = JSON.parse(readFileSync(path.join(findPackageRoot(), 'package.json'), 'utf8')) as { version?: string };
    cached = manifest.version ?? '0.0.0';
  } catch {
    cached = '0.0.0';
  }
  return cached;
}
