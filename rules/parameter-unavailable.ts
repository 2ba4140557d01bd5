import { findEndpoint, isPresentIn } from '../src/history/query.js';
import { findBodyKeyResolver, MAX_KEY_SEGMENTS } from '../src/lint/body-keys.js';
import { describeKeyElement, describeKeySubject } from '../src/lint/describe.js';
import { findParameterElement } from '../src/lint/parameters.js';
import { computeRanges, describeAbsence, describeVersions, listHistoryVersions } from '../src/lint/presence.js';
import { createDocsUrl, defineRule, type RuleProblem } from '../src/lint/rule.js';
import type { CallKey } from '../src/model/call.js';
import type { VersionRange } from '../src/model/history.js';

type MessageId = 'unavailable';

export const parameterUnavailable = defineRule<MessageId>({
  meta: {
    id: 'parameter-unavailable',
    defaultSeverity: 'error',
    description: 'A query, path or header parameter or request-body field a call sends is missing from some API version of the target range',
    docsUrl: createDocsUrl('parameter-unavailable'),
  },
  messages: {
    unavailable: '{{subject}} is not available in API {{versions}} ({{scope}}): {{reason}}',
  },
  appliesTo: 'call',
  check(call, context) {
    const endpoint = findEndpoint(context.history, call.method, call.path);
    if (!endpoint) return [];
    // Versions without the endpoint belong to endpoint-unavailable: one finding per problem.
    const scope = context.versions.filter((v) => isPresentIn(endpoint, v));
    if (scope.length === 0) return [];
    const all = listHistoryVersions(context.history);
    const problems: RuleProblem<MessageId>[] = [];
    const reported = new Set<string>();

    const report = (key: CallKey, missing: string[], present: readonly VersionRange[]): void => {
      const element = describeKeyElement(call, key);
      if (reported.has(element)) return;
      reported.add(element);
      problems.push({
        messageId: 'unavailable',
        data: {
          subject: describeKeySubject(call, key),
          versions: describeVersions(missing, all),
          scope: context.scope,
          reason: describeAbsence(present, missing, all),
        },
        element,
        versions: missing,
      });
    };

    const objectKeys = new Set<string>();
    for (const key of call.keys) {
      if (key.in !== 'body') continue;
      const segments = key.name.split('.');
      if (segments.length > MAX_KEY_SEGMENTS) continue;
      for (let length = 1; length < segments.length; length++) objectKeys.add(segments.slice(0, length).join('.'));
    }

    for (const key of call.keys) {
      if (key.in !== 'body') {
        const element = findParameterElement(endpoint, key);
        if (!element) continue;
        const missing = scope.filter((v) => !isPresentIn(element, v));
        if (missing.length > 0) report(key, missing, element.present);
        continue;
      }
      // A new object field is reported once, not once per sub-key the call sets inside it.
      const resolver = findBodyKeyResolver(endpoint, context.history);
      const segments = key.name.split('.');
      if (segments.length > MAX_KEY_SEGMENTS) continue;
      // The analyzer also lists the objects it descends into; those may end at a dotted map key.
      const isObject = objectKeys.has(key.name);
      const covered = new Set<string>();
      for (let length = 1; length <= segments.length; length++) {
        const prefix: CallKey = { in: 'body', name: segments.slice(0, length).join('.') };
        const options = { partial: isObject || length < segments.length };
        const missing = scope.filter((v) => !covered.has(v) && !resolver.resolve(prefix.name, v, options).present);
        if (missing.length === 0) continue;
        const present = computeRanges(all, (v) => {
          const resolution = resolver.resolve(prefix.name, v, options);
          return resolution.present && resolution.judged;
        });
        report(prefix, missing, present);
        for (const v of missing) covered.add(v);
      }
    }
    return problems;
  },
});
