import type { Change } from '../../diff/change.js';
import { defineCheck } from '../check.js';

export const requestFieldEnumValueAddedCheck = defineCheck({
  id: 'request-field-enum-value-added',
  kind: 'request-field-enum-value-added',
  rationale: 'A value more is accepted; existing values still work.',
  classify: (_change: Change) => 'non-breaking',
});
