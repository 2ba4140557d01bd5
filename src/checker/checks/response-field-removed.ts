import type { Change } from '../../diff/change.js';
import { defineCheck } from '../check.js';

export const responseFieldRemovedCheck = defineCheck({
  id: 'response-field-removed',
  kind: 'response-field-removed',
  rationale: 'Clients reading the field find it missing.',
  classify: (_change: Change) => 'breaking',
});
