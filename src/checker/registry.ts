import type { ChangeKind } from '../diff/change.js';
import type { Check } from './check.js';
import { endpointAddedCheck } from './checks/endpoint-added.js';
import { endpointRemovedCheck } from './checks/endpoint-removed.js';
import { endpointDeprecatedCheck } from './checks/endpoint-deprecated.js';
import { parameterAddedCheck } from './checks/parameter-added.js';
import { parameterRemovedCheck } from './checks/parameter-removed.js';
import { parameterTypeChangedCheck } from './checks/parameter-type-changed.js';
import { parameterRequiredChangedCheck } from './checks/parameter-required-changed.js';
import { parameterDefaultChangedCheck } from './checks/parameter-default-changed.js';
import { parameterEnumValueAddedCheck } from './checks/parameter-enum-value-added.js';
import { parameterEnumValueRemovedCheck } from './checks/parameter-enum-value-removed.js';
import { parameterDeprecatedCheck } from './checks/parameter-deprecated.js';
import { requestFieldAddedCheck } from './checks/request-field-added.js';
import { requestFieldRemovedCheck } from './checks/request-field-removed.js';
import { requestFieldTypeChangedCheck } from './checks/request-field-type-changed.js';
import { requestFieldEnumValueAddedCheck } from './checks/request-field-enum-value-added.js';
import { requestFieldEnumValueRemovedCheck } from './checks/request-field-enum-value-removed.js';
import { requestFieldDeprecatedCheck } from './checks/request-field-deprecated.js';
import { responseFieldAddedCheck } from './checks/response-field-added.js';
import { responseFieldRemovedCheck } from './checks/response-field-removed.js';
import { responseFieldTypeChangedCheck } from './checks/response-field-type-changed.js';
import { responseFieldEnumValueAddedCheck } from './checks/response-field-enum-value-added.js';
import { responseFieldEnumValueRemovedCheck } from './checks/response-field-enum-value-removed.js';
import { responseFieldDeprecatedCheck } from './checks/response-field-deprecated.js';

/** Every change kind has exactly one check; `satisfies` makes a new kind without a check a type error. */
export const CHECKS = {
  'endpoint-added': endpointAddedCheck,
  'endpoint-removed': endpointRemovedCheck,
  'endpoint-deprecated': endpointDeprecatedCheck,
  'parameter-added': parameterAddedCheck,
  'parameter-removed': parameterRemovedCheck,
  'parameter-type-changed': parameterTypeChangedCheck,
  'parameter-required-changed': parameterRequiredChangedCheck,
  'parameter-default-changed': parameterDefaultChangedCheck,
  'parameter-enum-value-added': parameterEnumValueAddedCheck,
  'parameter-enum-value-removed': parameterEnumValueRemovedCheck,
  'parameter-deprecated': parameterDeprecatedCheck,
  'request-field-added': requestFieldAddedCheck,
  'request-field-removed': requestFieldRemovedCheck,
  'request-field-type-changed': requestFieldTypeChangedCheck,
  'request-field-enum-value-added': requestFieldEnumValueAddedCheck,
  'request-field-enum-value-removed': requestFieldEnumValueRemovedCheck,
  'request-field-deprecated': requestFieldDeprecatedCheck,
  'response-field-added': responseFieldAddedCheck,
  'response-field-removed': responseFieldRemovedCheck,
  'response-field-type-changed': responseFieldTypeChangedCheck,
  'response-field-enum-value-added': responseFieldEnumValueAddedCheck,
  'response-field-enum-value-removed': responseFieldEnumValueRemovedCheck,
  'response-field-deprecated': responseFieldDeprecatedCheck,
} as const satisfies Record<ChangeKind, Check>;
