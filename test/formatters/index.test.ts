import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATTER_IDS, FORMATTERS, isFormatterId } from '../../src/formatters/index.js';
import { REPO_ROOT } from '../helpers/specs.js';
import { CONTEXT, RESULTS } from './fixtures.js';

describe('formatter registry', () => {
  it('has exactly one entry per formatter file in src/formatters', () => {
    const files = readdirSync(path.join(REPO_ROOT, 'src/formatters'), { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && entry.name !== 'index.ts')
      .map((entry) => entry.name.replace(/\.ts$/u, ''));
    expect([...FORMATTER_IDS].sort()).toEqual(files.sort());
  });

  it('recognizes formatter ids and nothing else', () => {
    for (const id of FORMATTER_IDS) expect(isFormatterId(id)).toBe(true);
    for (const value of ['', 'STYLISH', 'toString', 'hasOwnProperty', '__proto__', 42, null, undefined]) expect(isFormatterId(value)).toBe(false);
  });

  it('every formatter returns a string and leaves its input alone', () => {
    const before = JSON.stringify(RESULTS);
    for (const id of FORMATTER_IDS) {
      expect(typeof FORMATTERS[id](RESULTS, CONTEXT)).toBe('string');
      expect(JSON.stringify(RESULTS)).toBe(before);
    }
  });
});
