import { findEndpoint, isPresentIn } from '../src/history/query.js';
import { describeEndpoint } from '../src/lint/describe.js';
import { describeAbsence, describeVersions, listHistoryVersions } from '../src/lint/presence.js';
import { createDocsUrl, defineRule } from '../src/lint/rule.js';

export const endpointUnavailable = defineRule({
  meta: {
    id: 'endpoint-unavailable',
    defaultSeverity: 'error',
    description: 'The endpoint a call uses is missing from some API version of the target range',
    docsUrl: createDocsUrl('endpoint-unavailable'),
  },
  messages: {
    unavailable: '{{subject}} is not available in API {{versions}} ({{scope}}): {{reason}}',
  },
  appliesTo: 'call',
  check(call, context) {
    const endpoint = findEndpoint(context.history, call.method, call.path);
    const missing = context.versions.filter((v) => !endpoint || !isPresentIn(endpoint, v));
    if (missing.length === 0) return [];
    const all = listHistoryVersions(context.history);
    return [
      {
        messageId: 'unavailable',
        data: {
          subject: describeEndpoint(call),
          versions: describeVersions(missing, all),
          scope: context.scope,
          reason: describeAbsence(endpoint?.present ?? [], missing, all),
        },
        element: describeEndpoint(call),
        versions: missing,
      },
    ];
  },
});
