import type { Change } from '../../diff/change.js';
import { defineCheck } from '../check.js';

export const parameterEnumValueRemovedCheck = defineCheck({
  id: 'parameter-enum-value-removed',
  kind: 'parameter-enum-value-removed',
  rationale: 'Clients sending the removed value are rejected.',
  classify: (_change: Change) => 'breaking',
});
