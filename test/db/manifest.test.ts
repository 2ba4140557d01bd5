import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeManifest, encodeManifest, loadManifest, parseSourceManifest } from '../../src/db/manifest.js';
import { InputError } from '../../src/errors.js';
import { REPO_ROOT, SPECS_DIR } from '../helpers/specs.js';

const SOURCE = `Copied from moby, commit 0123456789abcdef0123456789abcdef01234567 (2026).

| file here | upstream path |
|---|---|
| CHANGELOG.md | api/docs/CHANGELOG.md |
| v1.10.md | api/docs/v1.10.md |
| v1.9.md | api/docs/v1.9.md |
| v1.56.yaml | api/swagger.yaml (API 1.56, in development) |

\`\`\`
${'a'.repeat(64)}  CHANGELOG.md
${'b'.repeat(64)}  v1.9.md
${'c'.repeat(64)}  v1.10.md
${'d'.repeat(64)}  v1.56.yaml
\`\`\`
`;

describe('parseSourceManifest', () => {
  it('reads the commit, the path table (dropping the note after the path) and the hashes, versions in numeric order', () => {
    expect(parseSourceManifest(SOURCE)).toEqual({
      commit: '0123456789abcdef0123456789abcdef01234567',
      files: [
        { file: 'CHANGELOG.md', path: 'api/docs/CHANGELOG.md', sha256: 'a'.repeat(64) },
        { file: 'v1.9.md', path: 'api/docs/v1.9.md', sha256: 'b'.repeat(64) },
        { file: 'v1.10.md', path: 'api/docs/v1.10.md', sha256: 'c'.repeat(64) },
        { file: 'v1.56.yaml', path: 'api/swagger.yaml', sha256: 'd'.repeat(64) },
      ],
    });
  });

  it('gives nothing when the commit or a hash is missing', () => {
    expect(parseSourceManifest(SOURCE.replace('commit 0123', 'revision 0123'))).toBeUndefined();
    expect(parseSourceManifest(SOURCE.replace(`${'c'.repeat(64)}  v1.10.md\n`, ''))).toBeUndefined();
  });

  it('round-trips through its text form and rejects other JSON', () => {
    const manifest = parseSourceManifest(SOURCE)!;
    expect(decodeManifest(encodeManifest(manifest))).toEqual(manifest);
    expect(() => decodeManifest('{"commit": 1}', 'm.json')).toThrow(InputError);
    expect(() => decodeManifest('nope', 'm.json')).toThrow(/m\.json: not valid JSON/);
  });
});

describe('the committed specs/manifest.json', () => {
  it('is what the upstream folder SOURCE.md says (run npm run specs:build when it changes)', async () => {
    const expected = parseSourceManifest(await readFile(path.join(SPECS_DIR, 'SOURCE.md'), 'utf8'));
    expect(expected).toBeDefined();
    expect(await readFile(path.join(REPO_ROOT, 'specs', 'manifest.json'), 'utf8')).toBe(encodeManifest(expected!));
    const manifest = await loadManifest();
    expect(manifest.files).toHaveLength(58);
    expect(manifest.files.find((f) => f.file === 'v1.56.yaml')?.path).toBe('api/swagger.yaml');
  });
});
