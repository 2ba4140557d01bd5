import type { ESLint, Linter, Rule } from 'eslint';
import { RULES } from '../../rules/index.js';
import { RULE_IDS, type RuleId } from '../lint/rule.js';
import { readToolVersion } from '../lint/tool-version.js';
import { createEslintRule } from './create-rule.js';

/** The plugin's namespace in a flat config: rules are `docker-api-compat/<rule id>`. */
export const PLUGIN_NAME = 'docker-api-compat';

export interface DockerApiCompatPlugin extends ESLint.Plugin {
  rules: Record<RuleId, Rule.RuleModule>;
  configs: { recommended: Linter.Config };
}

const rules = Object.fromEntries(RULE_IDS.map((id) => [id, createEslintRule(id)])) as Record<RuleId, Rule.RuleModule>;

const plugin: DockerApiCompatPlugin = {
  meta: { name: PLUGIN_NAME, version: readToolVersion() },
  rules,
  configs: { recommended: {} },
};

/** Every rule at the severity the CLI gives it by default. */
plugin.configs.recommended = {
  name: `${PLUGIN_NAME}/recommended`,
  plugins: { [PLUGIN_NAME]: plugin },
  rules: Object.fromEntries(RULE_IDS.map((id) => [`${PLUGIN_NAME}/${id}`, RULES[id].meta.defaultSeverity === 'error' ? 'error' : 'warn'])),
};

export default plugin;
