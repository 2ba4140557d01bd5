import { UsageError } from '../errors.js';
import type { ApiHistory } from '../model/history.js';
import { normalizeVersion } from '../model/version.js';

/** A version the history knows, canonical (`v1.41` -> `1.41`); anything else is a usage error listing the valid ones. */
export function requireKnownVersion(history: ApiHistory, text: string, what = 'version'): string {
  const versions = history.versions.map((v) => v.version);
  const version = normalizeVersion(text);
  if (version === undefined || !versions.includes(version)) {
    throw new UsageError(`unknown API ${what} "${text}"; valid versions: ${versions.join(', ')}`);
  }
  return version;
}
