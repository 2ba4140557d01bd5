import type { Change } from '../../diff/change.js';
import { defineCheck } from '../check.js';

export const parameterRequiredChangedCheck = defineCheck({
  id: 'parameter-required-changed',
  kind: 'parameter-required-changed',
  rationale: 'Becoming required fails calls that omit it; becoming optional is harmless.',
  classify: (change: Change) => change.after === 'true' ? 'breaking' : 'non-breaking',
});
