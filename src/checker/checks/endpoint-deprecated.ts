import type { Change } from '../../diff/change.js';
import { defineCheck } from '../check.js';

export const endpointDeprecatedCheck = defineCheck({
  id: 'endpoint-deprecated',
  kind: 'endpoint-deprecated',
  rationale: 'Still served; a warning of a future removal.',
  classify: (_change: Change) => 'non-breaking',
});
