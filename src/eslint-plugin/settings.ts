import { UsageError } from '../errors.js';

/** The plugin's shared settings key: `settings: { 'docker-api-compat': { target, specs } }`. */
export const SETTINGS_KEY = 'docker-api-compat';

export interface PluginSettings {
  /** Target range for every rule that has no `target` option of its own. */
  target?: string;
  /** Folder with a built database (api-history.json), relative to ESLint's cwd. */
  specs?: string;
}

const KEYS = ['target', 'specs'] as const;

/** Checks the plugin's part of ESLint's shared settings; a typo is an error, not silently ignored. */
export function readPluginSettings(settings: Readonly<Record<string, unknown>> | undefined): PluginSettings {
  const raw = settings?.[SETTINGS_KEY];
  if (raw === undefined) return {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UsageError(`settings['${SETTINGS_KEY}'] must be an object with target and/or specs`);
  }
  const result: PluginSettings = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      throw new UsageError(`settings['${SETTINGS_KEY}'].${key}: unknown key (expected ${KEYS.join(' or ')})`);
    }
    if (typeof value !== 'string' || value.trim() === '') {
      throw new UsageError(`settings['${SETTINGS_KEY}'].${key} must be a non-empty string`);
    }
    result[key as (typeof KEYS)[number]] = value;
  }
  return result;
}
