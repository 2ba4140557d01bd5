import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRuleMetas, RULES } from '../../rules/index.js';
import { RULE_IDS } from '../../src/lint/rule.js';
import { REPO_ROOT } from '../helpers/specs.js';

const RULES_DIR = path.join(REPO_ROOT, 'rules');

function listStems(ext: string): string[] {
  return readdirSync(RULES_DIR)
    .filter((f) => f.endsWith(ext) && f !== `index${ext}`)
    .map((f) => f.slice(0, -ext.length))
    .sort();
}

describe('rule registry', () => {
  it('holds exactly the fixed ids, each under its own id', () => {
    expect(Object.keys(RULES).sort()).toEqual([...RULE_IDS].sort());
    for (const [id, rule] of Object.entries(RULES)) expect(rule.meta.id).toBe(id);
  });

  it('matches the rule files and the docs of the rules folder', () => {
    expect(listStems('.ts')).toEqual([...RULE_IDS].sort());
    expect(listStems('.md')).toEqual([...RULE_IDS].sort());
  });

  it('gives every rule a one-line description, a docs link to its page and documented sections', () => {
    for (const meta of listRuleMetas()) {
      expect(meta.description).not.toContain('\n');
      expect(meta.docsUrl.endsWith(`rules/${meta.id}.md`)).toBe(true);
      const doc = readFileSync(path.join(RULES_DIR, `${meta.id}.md`), 'utf8');
      expect(doc.startsWith(`# ${meta.id}\n`)).toBe(true);
      for (const heading of ['## Fails', '## Passes', '## Options']) expect(doc).toContain(heading);
      expect(doc).toContain(`Default severity: **${meta.defaultSeverity}**`);
    }
  });
});
