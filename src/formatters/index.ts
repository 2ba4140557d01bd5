import type { Formatter } from '../model/finding.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export type FormatterId = 'stylish' | 'json' | 'sarif' | 'github' | 'junit';

/** Every output format of `lint`, by the id `--format` takes. */
export const FORMATTERS = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
} satisfies Record<FormatterId, Formatter>;

export const FORMATTER_IDS = Object.keys(FORMATTERS) as FormatterId[];

export function isFormatterId(value: unknown): value is FormatterId {
  return typeof value === 'string' && Object.hasOwn(FORMATTERS, value);
}

export { UNUSED_DIRECTIVE_MESSAGE, UNUSED_DIRECTIVE_RULE_ID } from './support/problems.js';
export type { StylishContext } from './stylish.js';
