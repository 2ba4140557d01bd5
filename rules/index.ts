import type { RuleMeta } from '../src/model/finding.js';
import type { Rule, RuleId } from '../src/lint/rule.js';
import { endpointDeprecated } from './endpoint-deprecated.js';
import { endpointUnavailable } from './endpoint-unavailable.js';
import { parameterDeprecated } from './parameter-deprecated.js';
import { parameterUnavailable } from './parameter-unavailable.js';
import { pinnedVersion } from './pinned-version.js';
import { unknownEndpoint } from './unknown-endpoint.js';

/** Every rule by id. A test checks this equals the rule files and docs in this folder. */
export const RULES = {
  'endpoint-unavailable': endpointUnavailable,
  'endpoint-deprecated': endpointDeprecated,
  'parameter-unavailable': parameterUnavailable,
  'parameter-deprecated': parameterDeprecated,
  'unknown-endpoint': unknownEndpoint,
  'pinned-version': pinnedVersion,
} satisfies Record<RuleId, Rule>;

export function listRuleMetas(): RuleMeta[] {
  return Object.values(RULES).map((rule) => ({ ...rule.meta }));
}
