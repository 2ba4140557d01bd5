/**
 * Facts about API versions that the spec files do not carry: which Docker Engine release
 * introduced each API version, which versions daemons accept, and the status of each version.
 * Data only, in one place, so a new release is one line here.
 */

/** Docker Engine release -> the newest API version it serves. From the Docker documentation's API version matrix. */
export const DOCKER_RELEASES: ReadonlyArray<{ docker: string; api: string }> = [
  { docker: '1.12', api: '1.24' },
  { docker: '1.13', api: '1.25' },
  { docker: '1.13.1', api: '1.26' },
  { docker: '17.03', api: '1.26' },
  { docker: '17.03.1', api: '1.27' },
  { docker: '17.04', api: '1.28' },
  { docker: '17.05', api: '1.29' },
  { docker: '17.06', api: '1.30' },
  { docker: '17.07', api: '1.31' },
  { docker: '17.09', api: '1.32' },
  { docker: '17.10', api: '1.33' },
  { docker: '17.11', api: '1.34' },
  { docker: '17.12', api: '1.35' },
  { docker: '18.02', api: '1.36' },
  { docker: '18.03', api: '1.37' },
  { docker: '18.04', api: '1.37' },
  { docker: '18.05', api: '1.37' },
  { docker: '18.06', api: '1.38' },
  { docker: '18.09', api: '1.39' },
  { docker: '19.03', api: '1.40' },
  { docker: '20.10', api: '1.41' },
  { docker: '23.0', api: '1.42' },
  { docker: '24.0', api: '1.43' },
  { docker: '25.0', api: '1.44' },
  { docker: '26.0', api: '1.45' },
  { docker: '26.1', api: '1.45' },
  { docker: '27.0', api: '1.46' },
  { docker: '27.1', api: '1.46' },
  { docker: '27.2', api: '1.47' },
  { docker: '27.3', api: '1.47' },
  { docker: '27.4', api: '1.47' },
  { docker: '27.5', api: '1.47' },
  { docker: '28.0', api: '1.48' },
  { docker: '28.1', api: '1.49' },
  { docker: '28.2', api: '1.50' },
  { docker: '28.3', api: '1.51' },
  { docker: '29.0', api: '1.52' },
];

/** The API version that is still in development upstream (its spec may change before release). */
export const IN_DEVELOPMENT_VERSION = '1.56';

/** API versions below this one are deprecated (Docker documentation: "API versions before v1.44 are deprecated"). */
export const DEPRECATED_BELOW = '1.44';

/**
 * The oldest API version a daemon accepts by default, by the newest API version it serves.
 * Engine 29.0 (API 1.52) raised the floor to 1.44; current moby lowered the default back to 1.40.
 * `min-api-version` in daemon.json can lower it to 1.24 (MIN_CONFIGURABLE_API_VERSION).
 * Daemons older than 29.0 are not listed: the documentation this table comes from does not state their floor.
 */
export const DEFAULT_MIN_API_BY_DAEMON: ReadonlyArray<{ daemonApiFrom: string; minApi: string }> = [
  { daemonApiFrom: '1.52', minApi: '1.44' },
  { daemonApiFrom: '1.53', minApi: '1.40' },
];

export const MIN_CONFIGURABLE_API_VERSION = '1.24';

/** The oldest API version current Engine releases accept by default: the default lint target. */
export const CURRENT_DEFAULT_MIN_API_VERSION = '1.40';
