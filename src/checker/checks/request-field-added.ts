import type { Change } from '../../diff/change.js';
import { defineCheck } from '../check.js';

export const requestFieldAddedCheck = defineCheck({
  id: 'request-field-added',
  kind: 'request-field-added',
  rationale: 'Request fields are optional in these specs; existing bodies stay valid.',
  classify: (_change: Change) => 'non-breaking',
});
