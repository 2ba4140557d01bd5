import type { Change } from '../../diff/change.js';
import { defineCheck } from '../check.js';

export const responseFieldEnumValueRemovedCheck = defineCheck({
  id: 'response-field-enum-value-removed',
  kind: 'response-field-enum-value-removed',
  rationale: 'The daemon returns fewer distinct values; clients still understand all of them.',
  classify: (_change: Change) => 'non-breaking',
});
