import {
  DEFAULT_MIN_API_BY_DAEMON,
  DEPRECATED_BELOW,
  DOCKER_RELEASES,
  IN_DEVELOPMENT_VERSION,
} from '../data/releases.js';
import { compareVersions, normalizeVersion } from './version.js';

export type VersionStatus = 'released' | 'in-development' | 'deprecated';

/** The first Docker Engine release that served this API version, or undefined when no known release did. */
export function findDockerRelease(apiVersion: string): string | undefined {
  return DOCKER_RELEASES.find((r) => r.api === apiVersion)?.docker;
}

/** The newest API version a Docker Engine release serves: `20.10` -> `1.41`. Accepts `20.10.7` as `20.10`. */
export function findApiVersionForDocker(docker: string): string | undefined {
  const text = docker.trim().replace(/^v/i, '');
  const exact = DOCKER_RELEASES.find((r) => r.docker === text);
  if (exact) return exact.api;
  // A patch release serves what its minor release serves (20.10.7 -> 20.10), except where the table lists the patch.
  const parts = text.split('.');
  for (let n = parts.length - 1; n >= 2; n--) {
    const prefix = parts.slice(0, n).join('.');
    const hit = DOCKER_RELEASES.find((r) => r.docker === prefix);
    if (hit) return hit.api;
  }
  return undefined;
}

export function listDockerReleases(): string[] {
  return DOCKER_RELEASES.map((r) => r.docker);
}

export function findVersionStatus(apiVersion: string): VersionStatus {
  if (apiVersion === IN_DEVELOPMENT_VERSION) return 'in-development';
  if (compareVersions(apiVersion, DEPRECATED_BELOW) < 0) return 'deprecated';
  return 'released';
}

/**
 * The oldest API version that a daemon whose newest API version is `daemonApi` accepts by default,
 * or undefined where the documentation does not state it.
 */
export function findDefaultMinApiVersion(daemonApi: string): string | undefined {
  let found: string | undefined;
  for (const row of DEFAULT_MIN_API_BY_DAEMON) {
    if (compareVersions(daemonApi, row.daemonApiFrom) >= 0) found = row.minApi;
  }
  return found;
}

export function isKnownVersion(text: string, versions: readonly string[]): boolean {
  const v = normalizeVersion(text);
  return v !== undefined && versions.includes(v);
}
