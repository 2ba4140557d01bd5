import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskModuleSource } from '../../../src/analyzer/project/disk-modules.js';
import { MAX_FILE_BYTES } from '../../../src/analyzer/scan.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dac-disk-modules-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(root, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('DiskModuleSource', () => {
  it('reads UTF-8 and UTF-16 text, and tells files from folders and missing paths', () => {
    const source = new DiskModuleSource();
    expect(source.readText(write('a.ts', '\uFEFFexport const a = 1;\n'))).toBe('export const a = 1;\n');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('export {}', 'utf16le')]);
    expect(source.readText(write('b.ts', utf16))).toBe('export {}');
    expect(source.isFile(path.join(root, 'a.ts'))).toBe(true);
    expect(source.isFile(root)).toBe(false);
    expect(source.isFile(path.join(root, 'missing.ts'))).toBe(false);
    expect(source.readText(path.join(root, 'missing.ts'))).toBeUndefined();
    expect(source.readText(root)).toBeUndefined();
  });

  it('skips what a scan skips: binary, invalid UTF-8, larger than the limit', () => {
    const source = new DiskModuleSource();
    expect(source.readText(write('bin.js', 'export {}\0'))).toBeUndefined();
    expect(source.readText(write('latin1.js', Buffer.from([0x2f, 0x2f, 0xe9, 0x0a])))).toBeUndefined();
    expect(source.readText(write('huge.js', 'x'.repeat(MAX_FILE_BYTES + 1)))).toBeUndefined();
    expect(source.readText(write('limit.js', 'x'.repeat(MAX_FILE_BYTES)))).toHaveLength(MAX_FILE_BYTES);
  });

  it('sees a file again once its size or modification time changes', () => {
    const source = new DiskModuleSource();
    const file = write('c.ts', 'export const c = 1;');
    expect(source.readText(file)).toBe('export const c = 1;');
    fs.writeFileSync(file, 'export const c = 22;');
    expect(source.readText(file)).toBe('export const c = 22;');
    // Same size: only the modification time tells.
    fs.writeFileSync(file, 'export const c = 33;');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 10_000));
    expect(source.readText(file)).toBe('export const c = 33;');
    fs.rmSync(file);
    expect(source.readText(file)).toBeUndefined();
  });

  it('parses a module once for every closure reading the same text; other text is parsed apart', () => {
    const source = new DiskModuleSource();
    const file = write('d.ts', 'export const d = 1;');
    const text = source.readText(file)!;
    const first = source.parse(file, text);
    expect(first?.statements).toHaveLength(1);
    expect(source.parse(file, text)).toBe(first);
    // An editor's unsaved buffer of the same file.
    const buffer = source.parse(file, 'export const d = 2; export const e = 3;');
    expect(buffer).not.toBe(first);
    expect(buffer?.statements).toHaveLength(2);
    // Nesting too deep to parse: no module, no exception.
    expect(source.parse(file, '('.repeat(20_000))).toBeUndefined();
  });

  it('forgets the oldest files past its capacity', () => {
    const source = new DiskModuleSource(2);
    const files = ['e1.ts', 'e2.ts', 'e3.ts'].map((n) => write(n, `export const ${n.slice(0, 2)} = 1;`));
    for (const f of files) source.readText(f);
    const first = source.parse(files[0]!, fs.readFileSync(files[0]!, 'utf8'));
    // e1 was forgotten: its parse is not cached any more.
    expect(source.parse(files[0]!, fs.readFileSync(files[0]!, 'utf8'))).not.toBe(first);
    const third = source.parse(files[2]!, fs.readFileSync(files[2]!, 'utf8'));
    expect(source.parse(files[2]!, fs.readFileSync(files[2]!, 'utf8'))).toBe(third);
  });
});
