import type { Change } from '../../diff/change.js';
import { defineCheck } from '../check.js';

export const requestFieldTypeChangedCheck = defineCheck({
  id: 'request-field-type-changed',
  kind: 'request-field-type-changed',
  rationale: 'Bodies existing clients send may no longer decode.',
  classify: (_change: Change) => 'breaking',
});
