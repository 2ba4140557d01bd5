import type { Change } from '../../diff/change.js';
import { defineCheck } from '../check.js';

export const parameterRemovedCheck = defineCheck({
  id: 'parameter-removed',
  kind: 'parameter-removed',
  rationale: 'Clients sending the parameter lose its effect or are rejected.',
  classify: (_change: Change) => 'breaking',
});
