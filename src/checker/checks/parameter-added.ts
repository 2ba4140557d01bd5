import type { Change } from '../../diff/change.js';
import { defineCheck } from '../check.js';

export const parameterAddedCheck = defineCheck({
  id: 'parameter-added',
  kind: 'parameter-added',
  rationale: 'A new optional parameter is harmless; a new required one fails every existing call.',
  classify: (change: Change) => change.required === true || change.location === 'path' ? 'breaking' : 'non-breaking',
});
