import { findEndpoint, isDeprecatedIn, isPresentIn } from '../src/history/query.js';
import { findBodyKeyResolver } from '../src/lint/body-keys.js';
import { describeKeyElement, describeKeySubject } from '../src/lint/describe.js';
import { findParameterHistory } from '../src/lint/parameters.js';
import { describeDeprecation, describeVersions, listHistoryVersions } from '../src/lint/presence.js';
import { createDocsUrl, defineRule, type RuleProblem } from '../src/lint/rule.js';
import type { CallKey } from '../src/model/call.js';
import type { ElementHistory } from '../src/model/history.js';

type MessageId = 'deprecated';

export const parameterDeprecated = defineRule<MessageId>({
  meta: {
    id: 'parameter-deprecated',
    defaultSeverity: 'warning',
    description: 'A parameter or request-body field a call sends is deprecated in some API version of the target range',
    docsUrl: createDocsUrl('parameter-deprecated'),
  },
  messages: {
    deprecated: '{{subject}} is deprecated in API {{versions}} ({{scope}}): {{detail}}',
  },
  appliesTo: 'call',
  check(call, context) {
    const endpoint = findEndpoint(context.history, call.method, call.path);
    if (!endpoint) return [];
    const scope = context.versions.filter((v) => isPresentIn(endpoint, v));
    if (scope.length === 0) return [];
    const all = listHistoryVersions(context.history);
    const problems: RuleProblem<MessageId>[] = [];
    const reported = new Set<string>();

    const report = (key: CallKey, element: ElementHistory, versions: string[]): void => {
      const name = describeKeyElement(call, key);
      if (reported.has(name)) return;
      reported.add(name);
      problems.push({
        messageId: 'deprecated',
        data: {
          subject: describeKeySubject(call, key),
          versions: describeVersions(versions, all),
          scope: context.scope,
          detail: describeDeprecation(element),
        },
        element: name,
        versions,
      });
    };

    for (const key of call.keys) {
      if (key.in !== 'body') {
        const parameter = findParameterHistory(endpoint, key);
        if (!parameter) continue;
        const deprecated = scope.filter((v) => isDeprecatedIn(parameter, v));
        if (deprecated.length > 0) report({ in: key.in, name: parameter.name }, parameter, deprecated);
        continue;
      }
      // The deprecated field may be the key itself or an object it sits in (reported once, by its declared path).
      const resolver = findBodyKeyResolver(endpoint, context.history);
      const byField = new Map<string, { field: ElementHistory; versions: string[] }>();
      for (const version of scope) {
        const field = resolver.resolve(key.name, version, { partial: true }).chain.find((f) => isDeprecatedIn(f, version));
        if (!field) continue;
        let entry = byField.get(field.path);
        if (!entry) byField.set(field.path, (entry = { field, versions: [] }));
        entry.versions.push(version);
      }
      for (const [path, entry] of byField) report({ in: 'body', name: path }, entry.field, entry.versions);
    }
    return problems;
  },
});
