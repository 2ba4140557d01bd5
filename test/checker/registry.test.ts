import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyChange, isBreaking } from '../../src/checker/classify.js';
import { CHECKS } from '../../src/checker/registry.js';
import { CHANGE_KINDS, type Change, type ChangeKind } from '../../src/diff/change.js';

const CHECKS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/checker/checks');

function change(kind: ChangeKind, extra: Partial<Change> = {}): Change {
  return { kind, method: 'POST', path: '/x', location: 'query', name: 'n', from: '1.40', to: '1.41', ...extra };
}

describe('check registry', () => {
  it('has one file per check, named by its id, and one check per change kind', () => {
    const files = readdirSync(CHECKS_DIR).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).sort();
    expect(files).toEqual(Object.values(CHECKS).map((c) => c.id).sort());
    expect(Object.keys(CHECKS).sort()).toEqual([...CHANGE_KINDS].sort());
    for (const [kind, check] of Object.entries(CHECKS)) expect(check.kind).toBe(kind);
  });

  it('classifies removals, narrowing and type changes as breaking', () => {
    for (const kind of [
      'endpoint-removed',
      'parameter-removed',
      'parameter-type-changed',
      'parameter-enum-value-removed',
      'request-field-removed',
      'request-field-type-changed',
      'request-field-enum-value-removed',
      'response-field-removed',
      'response-field-type-changed',
    ] as const) {
      expect(isBreaking(change(kind)), kind).toBe(true);
    }
  });

  it('classifies additions and deprecations as not breaking', () => {
    for (const kind of CHANGE_KINDS.filter((k) => k.endsWith('-added') || k.endsWith('-deprecated'))) {
      expect(isBreaking(change(kind)), kind).toBe(false);
    }
  });

  it('looks at the change itself: a new required parameter breaks, becoming optional does not', () => {
    expect(isBreaking(change('parameter-added', { required: true }))).toBe(true);
    expect(isBreaking(change('parameter-required-changed', { before: 'false', after: 'true' }))).toBe(true);
    expect(isBreaking(change('parameter-required-changed', { before: 'true', after: 'false' }))).toBe(false);
    expect(classifyChange(change('endpoint-removed'))).toMatchObject({ severity: 'breaking', check: 'endpoint-removed' });
  });
});
