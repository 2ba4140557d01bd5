import type { Change } from '../../diff/change.js';
import { defineCheck } from '../check.js';

export const requestFieldEnumValueRemovedCheck = defineCheck({
  id: 'request-field-enum-value-removed',
  kind: 'request-field-enum-value-removed',
  rationale: 'Clients sending the removed value are rejected.',
  classify: (_change: Change) => 'breaking',
});
