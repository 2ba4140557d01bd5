import type { Change } from '../../diff/change.js';
import { defineCheck } from '../check.js';

export const requestFieldDeprecatedCheck = defineCheck({
  id: 'request-field-deprecated',
  kind: 'request-field-deprecated',
  rationale: 'Still accepted; a warning of a future removal.',
  classify: (_change: Change) => 'non-breaking',
});
