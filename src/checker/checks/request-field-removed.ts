import type { Change } from '../../diff/change.js';
import { defineCheck } from '../check.js';

export const requestFieldRemovedCheck = defineCheck({
  id: 'request-field-removed',
  kind: 'request-field-removed',
  rationale: 'Clients sending the field lose its effect.',
  classify: (_change: Change) => 'breaking',
});
