import { UsageError } from '../errors.js';

/** An Engine API version, `1.41`. Parsed from `1.41`, `v1.41`, `V1.41`. */
export interface ApiVersion {
  major: number;
  minor: number;
}

const VERSION_PATTERN = /^[vV]?(\d+)\.(\d+)$/;

export function parseVersion(text: string): ApiVersion | undefined {
  const match = VERSION_PATTERN.exec(text.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/** Canonical form: `v1.041` -> `1.41`. */
export function normalizeVersion(text: string): string | undefined {
  const v = parseVersion(text);
  return v ? `${v.major}.${v.minor}` : undefined;
}

export function requireVersion(text: string): string {
  const v = normalizeVersion(text);
  if (!v) throw new UsageError(`not an API version: "${text}" (expected a form like 1.41 or v1.41)`);
  return v;
}

/** Numeric order: 1.9 < 1.10 < 1.24 < 1.25. */
export function compareVersions(a: string, b: string): number {
  const va = parseVersion(a);
  const vb = parseVersion(b);
  if (!va || !vb) throw new Error(`compareVersions on a non-version: ${a} / ${b}`);
  return va.major - vb.major || va.minor - vb.minor;
}

export function sortVersions(versions: Iterable<string>): string[] {
  return [...versions].sort(compareVersions);
}

export function isVersionBetween(version: string, from: string, to: string): boolean {
  return compareVersions(version, from) >= 0 && compareVersions(version, to) <= 0;
}
