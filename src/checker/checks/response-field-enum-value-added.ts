import type { Change } from '../../diff/change.js';
import { defineCheck } from '../check.js';

export const responseFieldEnumValueAddedCheck = defineCheck({
  id: 'response-field-enum-value-added',
  kind: 'response-field-enum-value-added',
  rationale: 'Clients should tolerate unknown values; a strict switch may not (not counted as breaking).',
  classify: (_change: Change) => 'non-breaking',
});
