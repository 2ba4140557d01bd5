import { describeEndpoint } from '../src/lint/describe.js';
import { createDocsUrl, defineRule } from '../src/lint/rule.js';

export const unknownEndpoint = defineRule({
  meta: {
    id: 'unknown-endpoint',
    defaultSeverity: 'warning',
    description: 'A request path looks like the Engine API but matches no endpoint of any version',
    docsUrl: createDocsUrl('unknown-endpoint'),
  },
  messages: {
    unknown: '{{subject}} is not an endpoint of any Docker Engine API version',
    unknownWithSuggestion: '{{subject}} is not an endpoint of any Docker Engine API version; did you mean {{suggestion}}?',
  },
  appliesTo: 'unknown',
  check(call, context) {
    const subject = describeEndpoint(call);
    const versions = [...context.versions];
    if (call.nearest) {
      return [{ messageId: 'unknownWithSuggestion', data: { subject, suggestion: describeEndpoint(call.nearest) }, element: subject, versions }];
    }
    return [{ messageId: 'unknown', data: { subject }, element: subject, versions }];
  },
});
