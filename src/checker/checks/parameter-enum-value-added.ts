import type { Change } from '../../diff/change.js';
import { defineCheck } from '../check.js';

export const parameterEnumValueAddedCheck = defineCheck({
  id: 'parameter-enum-value-added',
  kind: 'parameter-enum-value-added',
  rationale: 'A value more is accepted; existing values still work.',
  classify: (_change: Change) => 'non-breaking',
});
