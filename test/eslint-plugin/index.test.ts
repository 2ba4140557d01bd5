import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import plugin, { PLUGIN_NAME } from '../../src/eslint-plugin/index.js';
import { RULE_IDS } from '../../src/lint/rule.js';

describe('the plugin object', () => {
  it('has one ESLint rule per lint rule, with the same id, description, docs and message templates', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual([...RULE_IDS].sort());
    for (const id of RULE_IDS) {
      const meta = plugin.rules[id].meta!;
      expect(meta.type).toBe('problem');
      expect(meta.docs).toMatchObject({ description: RULES[id].meta.description, url: RULES[id].meta.docsUrl });
      expect(meta.messages).toEqual(RULES[id].messages);
    }
  });

  it('names itself for flat config and ships a recommended config with the CLI default severities', () => {
    expect(plugin.meta).toMatchObject({ name: 'docker-api-compat', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    const recommended = plugin.configs.recommended;
    expect(recommended.plugins?.[PLUGIN_NAME]).toBe(plugin);
    expect(recommended.rules).toEqual({
      'docker-api-compat/endpoint-unavailable': 'error',
      'docker-api-compat/endpoint-deprecated': 'warn',
      'docker-api-compat/parameter-unavailable': 'error',
      'docker-api-compat/parameter-deprecated': 'warn',
      'docker-api-compat/unknown-endpoint': 'warn',
      'docker-api-compat/pinned-version': 'error',
    });
  });
});
