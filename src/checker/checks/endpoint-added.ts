import type { Change } from '../../diff/change.js';
import { defineCheck } from '../check.js';

export const endpointAddedCheck = defineCheck({
  id: 'endpoint-added',
  kind: 'endpoint-added',
  rationale: 'A new endpoint; existing clients do not call it.',
  classify: (_change: Change) => 'non-breaking',
});
