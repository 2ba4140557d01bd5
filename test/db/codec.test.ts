import { describe, expect, it } from 'vitest';
import { decodeDatabase, decodeDatabaseContents, encodeDatabase } from '../../src/db/codec.js';
import { InputError } from '../../src/errors.js';
import { buildSurfaceAt } from '../../src/history/query.js';
import { buildFixtureHistory } from './fixtures.js';

const SOURCE = { commit: 'b985e2313a8676e18072b442911fc8f64f17d440', files: { 'v1.9.md': 'aa', 'CHANGELOG.md': 'bb' } };

describe('encodeDatabase / decodeDatabase', () => {
  const history = buildFixtureHistory();
  const text = encodeDatabase(history, SOURCE);

  it('round-trips the history exactly, including removal, gaps, deprecation sources and null defaults', () => {
    expect(decodeDatabase(text)).toEqual(history);
    const gone = decodeDatabase(text).endpoints.find((e) => e.path === '/gone')!;
    expect(gone.present).toEqual([
      { from: '1.9', to: '1.9' },
      { from: '1.12', to: '1.12' },
    ]);
    expect(gone.removed).toBe('1.13');
  });

  it('rebuilds every version surface identically from the decoded copy', () => {
    const decoded = decodeDatabase(text);
    for (const v of history.versions) expect(buildSurfaceAt(decoded, v.version)).toEqual(buildSurfaceAt(history, v.version));
  });

  it('keeps the source facts, with file hashes sorted by name', () => {
    const { source } = decodeDatabaseContents(text);
    expect(source).toEqual(SOURCE);
    expect(Object.keys(source.files)).toEqual(['CHANGELOG.md', 'v1.9.md']);
  });

  it('is deterministic: the same history gives the same bytes, whatever the input key order', () => {
    const reordered = { files: { 'CHANGELOG.md': 'bb', 'v1.9.md': 'aa' }, commit: SOURCE.commit };
    expect(encodeDatabase(buildFixtureHistory(), reordered)).toBe(text);
  });

  it('stores versions once and presence as index ranges, one endpoint per line', () => {
    const lines = text.split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'docker-api-compat/history', schema: 1 });
    expect(lines[1]).toBe('{"versions":[["1.9","markdown",2,0],["1.10","swagger",1,1],["1.11","swagger",1,0],["1.12","swagger",3,0],["1.13","swagger",2,0]],');
    expect(lines.find((l) => l.includes('"p":"/gone"'))).toBe('{"m":"POST","p":"/gone","r":"0,3","o":[[0,"Gone"],[3,null]],"g":[[0,[]]],"q":[],"b":[],"s":[]},');
    expect(text).not.toMatch(/"removed":/);
  });

  it('detects a truncated file', () => {
    expect(() => decodeDatabase(text.slice(0, text.length - 10), 'specs/api-history.json')).toThrowError(
      new InputError('embedded database is corrupted (checksum mismatch): run specs build', 'specs/api-history.json'),
    );
  });

  it('detects a one-byte edit and a missing header', () => {
    const edited = text.replace('"/gone"', '"/gona"');
    expect(() => decodeDatabase(edited)).toThrow('embedded database is corrupted (checksum mismatch): run specs build');
    expect(() => decodeDatabase('')).toThrow(InputError);
    expect(() => decodeDatabase(text.slice(text.indexOf('\n') + 1))).toThrow('checksum mismatch');
  });

  it('refuses a different format or schema', () => {
    const [header, ...rest] = text.split('\n');
    const other = (patch: object) => `${JSON.stringify({ ...JSON.parse(header!), ...patch })}\n${rest.join('\n')}`;
    expect(() => decodeDatabase(other({ format: 'something-else' }))).toThrow('not a docker-api-compat history database');
    expect(() => decodeDatabase(other({ schema: 99 }))).toThrow('schema 99');
  });
});
