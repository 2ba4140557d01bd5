import type { Rule } from 'eslint';
import { RULES } from '../../rules/index.js';
import type { RuleId } from '../lint/rule.js';
import { collectRuleFindings } from './file-findings.js';

/**
 * One ESLint rule per lint rule, same id, description, docs and messages. The work happens once
 * per file, on `Program:exit`, in the shared analysis (file-findings.ts); the rule reports its part.
 */
export function createEslintRule(id: RuleId): Rule.RuleModule {
  const rule = RULES[id];
  return {
    meta: {
      type: 'problem',
      docs: { description: rule.meta.description, url: rule.meta.docsUrl, recommended: true },
      schema: [
        {
          type: 'object',
          properties: {
            target: { type: 'string', minLength: 1, description: 'API versions to check against: 1.41, 1.41..1.47 or docker@20.10' },
          },
          additionalProperties: false,
        },
      ],
      // The templates the engine fills in; reports carry the filled-in text, identical to the CLI's.
      messages: { ...rule.messages },
    },
    create(context) {
      return {
        'Program:exit'(node) {
          const outcome = collectRuleFindings(context, id);
          if (outcome.kind === 'error') {
            if (outcome.isFirst) context.report({ node, message: outcome.message });
            return;
          }
          for (const finding of outcome.findings) {
            const { line, column, endLine, endColumn } = finding.location;
            // Findings count columns from 1, ESLint from 0.
            context.report({ loc: { start: { line, column: column - 1 }, end: { line: endLine, column: endColumn - 1 } }, message: finding.message });
          }
        },
      };
    },
  };
}
