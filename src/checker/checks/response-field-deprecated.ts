import type { Change } from '../../diff/change.js';
import { defineCheck } from '../check.js';

export const responseFieldDeprecatedCheck = defineCheck({
  id: 'response-field-deprecated',
  kind: 'response-field-deprecated',
  rationale: 'Still returned; a warning of a future removal.',
  classify: (_change: Change) => 'non-breaking',
});
