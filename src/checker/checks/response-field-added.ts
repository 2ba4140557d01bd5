import type { Change } from '../../diff/change.js';
import { defineCheck } from '../check.js';

export const responseFieldAddedCheck = defineCheck({
  id: 'response-field-added',
  kind: 'response-field-added',
  rationale: 'Clients ignore fields they do not know.',
  classify: (_change: Change) => 'non-breaking',
});
