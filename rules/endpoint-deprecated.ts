import { findEndpoint, isDeprecatedIn } from '../src/history/query.js';
import { describeEndpoint } from '../src/lint/describe.js';
import { describeDeprecation, describeVersions, listHistoryVersions } from '../src/lint/presence.js';
import { createDocsUrl, defineRule } from '../src/lint/rule.js';

export const endpointDeprecated = defineRule({
  meta: {
    id: 'endpoint-deprecated',
    defaultSeverity: 'warning',
    description: 'The endpoint a call uses is deprecated in some API version of the target range',
    docsUrl: createDocsUrl('endpoint-deprecated'),
  },
  messages: {
    deprecated: '{{subject}} is deprecated in API {{versions}} ({{scope}}): {{detail}}',
  },
  appliesTo: 'call',
  check(call, context) {
    const endpoint = findEndpoint(context.history, call.method, call.path);
    if (!endpoint) return [];
    const deprecated = context.versions.filter((v) => isDeprecatedIn(endpoint, v));
    if (deprecated.length === 0) return [];
    return [
      {
        messageId: 'deprecated',
        data: {
          subject: describeEndpoint(call),
          versions: describeVersions(deprecated, listHistoryVersions(context.history)),
          scope: context.scope,
          detail: describeDeprecation(endpoint),
        },
        element: describeEndpoint(call),
        versions: deprecated,
      },
    ];
  },
});
