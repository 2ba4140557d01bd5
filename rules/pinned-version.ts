import { describeEndpoint } from '../src/lint/describe.js';
import { listHistoryVersions } from '../src/lint/presence.js';
import { createDocsUrl, defineRule } from '../src/lint/rule.js';
import { findDefaultMinApiVersion } from '../src/model/release-info.js';
import { compareVersions, normalizeVersion } from '../src/model/version.js';

export const pinnedVersion = defineRule({
  meta: {
    id: 'pinned-version',
    defaultSeverity: 'error',
    description: 'A call pins an API version outside the target range or older than a current daemon accepts by default',
    docsUrl: createDocsUrl('pinned-version'),
  },
  messages: {
    unknownVersion: '{{subject}} is pinned to API {{pinned}}, which is not a known API version',
    outsideTarget: '{{subject}} is pinned to API {{pinned}}, outside the target range {{target}}',
    belowDefaultMinimum:
      '{{subject}} is pinned to API {{pinned}}, older than {{minimum}}, the oldest version a daemon serving API {{newest}} accepts by default',
  },
  appliesTo: 'call',
  check(call, context) {
    if (call.pinnedVersion === null) return [];
    const subject = describeEndpoint(call);
    const pinned = normalizeVersion(call.pinnedVersion) ?? call.pinnedVersion;
    const { target } = context;
    if (!listHistoryVersions(context.history).includes(pinned)) {
      return [{ messageId: 'unknownVersion', data: { subject, pinned }, element: subject, versions: [...target.versions] }];
    }
    if (compareVersions(pinned, target.from) < 0 || compareVersions(pinned, target.to) > 0) {
      return [{ messageId: 'outsideTarget', data: { subject, pinned, target: target.label }, element: subject, versions: [pinned] }];
    }
    // A daemon of the newest targeted version refuses older pinned versions unless reconfigured (min-api-version).
    const minimum = findDefaultMinApiVersion(target.to);
    if (minimum !== undefined && compareVersions(pinned, minimum) < 0) {
      return [
        {
          messageId: 'belowDefaultMinimum',
          data: { subject, pinned, minimum, newest: target.to },
          element: subject,
          versions: [pinned],
        },
      ];
    }
    return [];
  },
});
