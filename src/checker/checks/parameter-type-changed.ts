import type { Change } from '../../diff/change.js';
import { defineCheck } from '../check.js';

export const parameterTypeChangedCheck = defineCheck({
  id: 'parameter-type-changed',
  kind: 'parameter-type-changed',
  rationale: 'Values existing clients send may no longer parse.',
  classify: (_change: Change) => 'breaking',
});
