import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/specs.js';

describe('.pre-commit-hooks.yaml', () => {
  it('declares the lint hook over TS/JS files with file names passed', () => {
    const hooks = yaml.load(readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({
      id: 'docker-api-compat',
      entry: 'docker-api-compat lint',
      language: 'node',
      pass_filenames: true,
      types_or: ['ts', 'javascript', 'tsx', 'jsx'],
    });
  });
});
