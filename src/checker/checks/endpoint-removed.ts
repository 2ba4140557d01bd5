import type { Change } from '../../diff/change.js';
import { defineCheck } from '../check.js';

export const endpointRemovedCheck = defineCheck({
  id: 'endpoint-removed',
  kind: 'endpoint-removed',
  rationale: 'Clients calling the endpoint get 404 or an error.',
  classify: (_change: Change) => 'breaking',
});
