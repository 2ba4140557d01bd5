import type { Change } from '../../diff/change.js';
import { defineCheck } from '../check.js';

export const parameterDeprecatedCheck = defineCheck({
  id: 'parameter-deprecated',
  kind: 'parameter-deprecated',
  rationale: 'Still accepted; a warning of a future removal.',
  classify: (_change: Change) => 'non-breaking',
});
