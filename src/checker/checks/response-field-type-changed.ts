import type { Change } from '../../diff/change.js';
import { defineCheck } from '../check.js';

export const responseFieldTypeChangedCheck = defineCheck({
  id: 'response-field-type-changed',
  kind: 'response-field-type-changed',
  rationale: 'Clients decoding the field get an unexpected type.',
  classify: (_change: Change) => 'breaking',
});
