import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDatabase } from '../../src/db/build.js';
import { DATABASE_FILE } from '../../src/db/embedded.js';
import { MANIFEST_FILE } from '../../src/db/manifest.js';
import { REPO_ROOT, SPECS_DIR } from '../helpers/specs.js';

describe('the committed database', () => {
  // Loads all 57 upstream files in-process (vitest cannot start the compiled workers): slow on a busy machine.
  it('is byte-identical to a fresh build from the upstream specs', { timeout: 300_000 }, async () => {
    const built = await buildDatabase(SPECS_DIR);
    const committed = await readFile(path.join(REPO_ROOT, 'specs', DATABASE_FILE), 'utf8');
    if (committed !== built.text) {
      const a = committed.split('\n');
      const b = built.text.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      expect.fail(
        `specs/${DATABASE_FILE} is stale (first difference on line ${line + 1}): run npm run specs:build\n` +
          `committed: ${(a[line] ?? '<end of file>').slice(0, 200)}\nfresh:     ${(b[line] ?? '<end of file>').slice(0, 200)}`,
      );
    }
    expect(built.manifestText, `specs/${MANIFEST_FILE} is stale: run npm run specs:build`).toBe(
      await readFile(path.join(REPO_ROOT, 'specs', MANIFEST_FILE), 'utf8'),
    );
    expect(built.history.versions).toHaveLength(57);
  });
});
