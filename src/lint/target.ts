import { CURRENT_DEFAULT_MIN_API_VERSION, IN_DEVELOPMENT_VERSION } from '../data/releases.js';
import { UsageError } from '../errors.js';
import { findApiVersionForDocker, listDockerReleases } from '../model/release-info.js';
import { compareVersions, normalizeVersion } from '../model/version.js';

/** The API versions a lint run checks code against, oldest first. */
export interface TargetRange {
  from: string;
  to: string;
  /** Every known version from `from` to `to`, oldest first. */
  versions: string[];
  /** `1.40..1.55`, or `1.41` when the range is one version. */
  label: string;
}

export interface TargetSources {
  /** `--target` */
  target?: string;
  /** `--docker` */
  docker?: string;
  /** `target` of the config file. */
  configTarget?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Picks the target range: `--docker`, then `--target`, then the config file, then
 * DOCKER_API_VERSION, else the oldest version current Engine releases accept by default.
 */
export function resolveTarget(sources: TargetSources, versions: readonly string[]): TargetRange {
  if (sources.docker !== undefined && sources.target !== undefined) {
    throw new UsageError('give either --target or --docker, not both');
  }
  if (sources.docker !== undefined) return parseTarget(`docker@${sources.docker}`, versions);
  if (sources.target !== undefined) return parseTarget(sources.target, versions);
  if (sources.configTarget !== undefined) return parseTarget(sources.configTarget, versions);
  const fromEnv = sources.env?.DOCKER_API_VERSION;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return parseTarget(fromEnv, versions);
  return parseTarget(CURRENT_DEFAULT_MIN_API_VERSION, versions);
}

/**
 * `1.41` (up to the newest released version), `1.41..1.47`, `docker@20.10`, `docker@20.10..docker@24.0`.
 * The in-development version is only part of a range when named explicitly.
 */
export function parseTarget(text: string, versions: readonly string[]): TargetRange {
  const known = [...versions].sort(compareVersions);
  if (known.length === 0) throw new UsageError('no API versions are known (empty database)');
  const trimmed = text.trim();
  const parts = trimmed.split('..');
  if (parts.length > 2 || parts.some((p) => p.trim() === '')) {
    throw new UsageError(`not a target range: "${text}" (expected 1.41, 1.41..1.47 or docker@20.10)`);
  }
  const from = resolveEnd(parts[0]!, known, text);
  const to = parts.length === 2 ? resolveEnd(parts[1]!, known, text) : findNewestReleased(known, from);
  if (compareVersions(from, to) > 0) {
    throw new UsageError(`target range "${text}" is empty: ${from} is newer than ${to}`);
  }
  const inRange = known.filter((v) => compareVersions(v, from) >= 0 && compareVersions(v, to) <= 0);
  return { from, to, versions: inRange, label: from === to ? from : `${from}..${to}` };
}

function resolveEnd(part: string, known: readonly string[], text: string): string {
  const trimmed = part.trim();
  const docker = /^docker@(.+)$/i.exec(trimmed);
  if (docker) {
    const api = findApiVersionForDocker(docker[1]!);
    if (api === undefined) {
      throw new UsageError(`unknown Docker Engine release "${docker[1]}" in target "${text}"; known releases: ${listDockerReleases().join(', ')}`);
    }
    return requireKnown(api, known, text);
  }
  const version = normalizeVersion(trimmed);
  if (version === undefined) {
    throw new UsageError(`not a target range: "${text}" (expected 1.41, 1.41..1.47 or docker@20.10); valid versions: ${known.join(', ')}`);
  }
  return requireKnown(version, known, text);
}

function requireKnown(version: string, known: readonly string[], text: string): string {
  if (!known.includes(version)) {
    throw new UsageError(`unknown API version ${version} in target "${text}"; valid versions: ${known.join(', ')}`);
  }
  return version;
}

/** The newest version that is not in development; `from` itself when `from` is newer (the in-development version named alone). */
function findNewestReleased(known: readonly string[], from: string): string {
  const released = known.filter((v) => v !== IN_DEVELOPMENT_VERSION);
  const newest = released[released.length - 1];
  if (newest === undefined || compareVersions(from, newest) > 0) return from;
  return newest;
}
