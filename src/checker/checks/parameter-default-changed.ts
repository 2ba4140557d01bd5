import type { Change } from '../../diff/change.js';
import { defineCheck } from '../check.js';

export const parameterDefaultChangedCheck = defineCheck({
  id: 'parameter-default-changed',
  kind: 'parameter-default-changed',
  rationale: 'Clients that omit the parameter silently get different behaviour.',
  classify: (_change: Change) => 'breaking',
});
