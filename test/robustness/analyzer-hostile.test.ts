import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_FILE_BYTES, scanFiles, scanSource } from '../../src/analyzer/scan.js';
import { decodeSourceText } from '../../src/analyzer/source-files.js';
import { TEMPLATES } from '../analyzer/templates.js';

const scan = (text: string, fileName = 'hostile.ts') => scanSource(fileName, text, { templates: TEMPLATES });
const calls = (result: { calls: { method: string; path: string; location: { line: number; column: number } }[] }) =>
  result.calls.map((c) => `${c.method} ${c.path} @${c.location.line}:${c.location.column}`);

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dac-hostile-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('10,000-deep nesting', () => {
  const N = 10_000;
  const shapes: Array<[string, string]> = [
    ['parentheses', `${'('.repeat(N)}1${')'.repeat(N)}`],
    ['calls', `${'f('.repeat(N)}1${')'.repeat(N)}`],
    ['arrays', `${'['.repeat(N)}1${']'.repeat(N)}`],
    ['objects', `${'{a:'.repeat(N)}1${'}'.repeat(N)}`],
    ['conditionals', `${'a?b:'.repeat(N)}c`],
    ['arrow functions', `${'()=>'.repeat(N)}1`],
    ['templates', `${'`${'.repeat(N)}1${'}`'.repeat(N)}`],
    ['unary operators', `${'!'.repeat(N)}1`],
  ];
  it.each(shapes)('%s: a parse-error notice or an answer, never a crash', (_shape, expression) => {
    const result = scan(`fetch('/containers/json');\nconst x = ${expression};\n`);
    const kinds = result.notices.map((n) => n.kind);
    expect(kinds.every((k) => k === 'parse-error')).toBe(true);
    if (kinds.length === 0) expect(calls(result)).toEqual(['GET /containers/json @1:1']);
  });

  it('member chains and call chains 10,000 long are walked, and the calls around them found', () => {
    const result = scan(`fetch('/containers/json');\nconst x = a${'.b'.repeat(N)}${'()'.repeat(N)};\nfetch('/images/json');\n`);
    expect(calls(result)).toEqual(['GET /containers/json @1:1', 'GET /images/json @3:1']);
    expect(result.notices).toEqual([]);
  });

  it('100,000 operands joined by && and by commas are walked', () => {
    const operands = Array.from({ length: 100_000 }, () => 'a');
    const result = scan(`const x = ${operands.join('&&')};\nconst y = (${operands.join(',')});\nfetch('/_ping');\n`);
    expect(calls(result)).toEqual(['GET /_ping @3:1']);
  });
});

describe('a 5 MB single-line minified file', () => {
  // Reassignable `let`s feeding calls made name resolution quadratic: this took hours before the fix.
  const parts: string[] = [];
  for (let i = 0, size = 0; size < 5_000_000; i++) {
    const part =
      i % 10 === 0
        ? `function f${i}(a){let u${i}="/containers/"+a+"/json";return fetch(u${i},{method:"GET"}).then(function(r){return r.json()})}`
        : `var v${i}={id:${i},name:"n${i}",items:[${i},"x${i}"],run:function(t){return t&&t.x${i}?t.y:null}}`;
    parts.push(part);
    size += part.length + 1;
  }
  const text = parts.join(';');

  it('is analyzed by scanSource, every call found on line 1', () => {
    expect(text.length).toBeGreaterThanOrEqual(5_000_000);
    expect(text).not.toContain('\n');
    const result = scan(text, 'bundle.min.js');
    expect(result.calls).toHaveLength(Math.ceil(parts.length / 10));
    expect(result.calls.every((c) => c.path === '/containers/{id}/json' && c.location.line === 1)).toBe(true);
    expect(result.notices).toEqual([]);
  });

  it('is skipped by scanFiles with a too-large notice', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'bundle.min.js'), text);
    fs.writeFileSync(path.join(dir, 'app.ts'), "fetch('/_ping');\n");
    const result = await scanFiles({ paths: ['.'], cwd: dir, templates: TEMPLATES });
    expect(result.notices).toEqual([
      { file: path.join(dir, 'bundle.min.js'), kind: 'too-large', message: `not analyzed: ${text.length} bytes is over the ${MAX_FILE_BYTES}-byte limit` },
    ]);
    expect(calls(result)).toEqual(['GET /_ping @1:1']);
  });
});

describe('file encodings', () => {
  const fetchLine = "fetch('/containers/json');\n";

  it('decodeSourceText: UTF-8 (BOM dropped), UTF-16 LE and BE with a BOM decoded', () => {
    expect(decodeSourceText(Buffer.from(`\uFEFF${fetchLine}`, 'utf8'))).toEqual({ text: fetchLine });
    expect(decodeSourceText(Buffer.from(`\uFEFF${fetchLine}`, 'utf16le'))).toEqual({ text: fetchLine });
    const be = Buffer.from(`\uFEFF${fetchLine}`, 'utf16le').swap16();
    expect(decodeSourceText(be)).toEqual({ text: fetchLine });
  });

  it('decodeSourceText: NUL bytes are binary, invalid UTF-8 and broken UTF-16 are refused', () => {
    expect(decodeSourceText(Buffer.from([0x66, 0x00, 0x01, 0x02]))).toEqual({ notice: { kind: 'binary-file', message: 'not analyzed: binary content' } });
    const latin1 = Buffer.from("fetch('/containers/json'); // caf\xe9\n", 'latin1');
    expect(decodeSourceText(latin1)).toEqual({ notice: { kind: 'unreadable', message: 'not analyzed: not valid UTF-8 text (save it as UTF-8)' } });
    // An unpaired surrogate in UTF-16.
    expect(decodeSourceText(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]))).toMatchObject({ notice: { kind: 'unreadable' } });
  });

  it('scanFiles skips a binary file with a notice and goes on', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'blob.js'), Buffer.concat([Buffer.from("fetch('/_ping');"), Buffer.from([0, 1, 2, 255, 0])]));
    fs.writeFileSync(path.join(dir, 'app.ts'), fetchLine);
    const result = await scanFiles({ paths: ['.'], cwd: dir, templates: TEMPLATES });
    expect(result.notices).toEqual([{ file: path.join(dir, 'blob.js'), kind: 'binary-file', message: 'not analyzed: binary content' }]);
    expect(calls(result)).toEqual(['GET /containers/json @1:1']);
  });

  it('scanFiles decodes UTF-16 with a BOM', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'wide.ts'), Buffer.from(`\uFEFF${fetchLine}`, 'utf16le'));
    const result = await scanFiles({ paths: ['.'], cwd: dir, templates: TEMPLATES });
    expect(result.notices).toEqual([]);
    expect(calls(result)).toEqual(['GET /containers/json @1:1']);
  });

  it('scanFiles skips invalid UTF-8 with a notice', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'latin1.ts'), Buffer.from("fetch('/containers/json'); // caf\xe9\n", 'latin1'));
    const result = await scanFiles({ paths: ['.'], cwd: dir, templates: TEMPLATES });
    expect(result.notices).toEqual([{ file: path.join(dir, 'latin1.ts'), kind: 'unreadable', message: 'not analyzed: not valid UTF-8 text (save it as UTF-8)' }]);
  });
});

describe('files that cannot be read (tests run as root, so chmod 000 proves nothing: links, FIFOs and deletion stand in)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reports dangling links, link loops and FIFOs, skips them, and scans the rest', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'ok.ts'), "fetch('/_ping');\n");
    fs.symlinkSync(path.join(dir, 'nowhere.ts'), path.join(dir, 'dangling.ts'));
    fs.symlinkSync(path.join(dir, 'loop-b.ts'), path.join(dir, 'loop-a.ts'));
    fs.symlinkSync(path.join(dir, 'loop-a.ts'), path.join(dir, 'loop-b.ts'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.ts')]);
    // Reading a FIFO blocks until a writer appears: before the fix this scan never returned.
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    fs.symlinkSync(path.join(dir, 'pipe'), path.join(dir, 'to-pipe.ts'));
    const result = await scanFiles({ paths: ['.'], cwd: dir, templates: TEMPLATES });
    expect(result.files).toEqual([path.join(dir, 'ok.ts')]);
    expect(calls(result)).toEqual(['GET /_ping @1:1']);
    expect(result.notices.map((n) => [path.basename(n.file), n.kind, n.message])).toEqual([
      ['dangling.ts', 'unreadable', 'not analyzed: dangling symbolic link'],
      ['loop-a.ts', 'symlink-loop', 'not analyzed: symbolic link loop'],
      ['loop-b.ts', 'symlink-loop', 'not analyzed: symbolic link loop'],
      ['pipe.ts', 'unreadable', 'not analyzed: not a regular file (a FIFO, socket or device)'],
      ['to-pipe.ts', 'unreadable', 'not analyzed: not a regular file (a FIFO, socket or device)'],
    ]);
  });

  it('scans a file reached again through a directory link that loops back only once', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'ok.ts'), "fetch('/_ping');\n");
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.symlinkSync(dir, path.join(dir, 'sub', 'up'));
    const result = await scanFiles({ paths: ['.'], cwd: dir, templates: TEMPLATES });
    expect(result.files).toEqual([path.join(dir, 'ok.ts')]);
    expect(calls(result)).toEqual(['GET /_ping @1:1']);
  });

  it('reports a file that vanishes between listing and reading, and scans the rest', async () => {
    const dir = tempDir();
    const doomed = path.join(dir, 'doomed.ts');
    fs.writeFileSync(doomed, "fetch('/containers/json');\n");
    fs.writeFileSync(path.join(dir, 'ok.ts'), "fetch('/_ping');\n");
    const readFileSync = fs.readFileSync;
    vi.spyOn(fs, 'readFileSync').mockImplementation(((file: fs.PathOrFileDescriptor, options?: unknown) => {
      if (file === doomed && fs.existsSync(doomed)) fs.unlinkSync(doomed);
      return (readFileSync as (f: fs.PathOrFileDescriptor, o?: unknown) => unknown)(file, options);
    }) as typeof fs.readFileSync);
    const result = await scanFiles({ paths: ['.'], cwd: dir, templates: TEMPLATES });
    expect(result.notices.map((n) => [n.file, n.kind])).toEqual([[doomed, 'vanished']]);
    expect(calls(result)).toEqual(['GET /_ping @1:1']);
  });

  it('keeps the calls the parser recovered from a file with syntax errors, plus a parse-error notice', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'broken.ts'), "fetch('/containers/json');\nconst = = ;\nif (a {\nfetch('/_ping');\n");
    const result = await scanFiles({ paths: ['.'], cwd: dir, templates: TEMPLATES });
    expect(calls(result)).toEqual(['GET /containers/json @1:1', 'GET /_ping @4:1']);
    expect(result.notices).toHaveLength(1);
    expect(result.notices[0]).toMatchObject({ file: path.join(dir, 'broken.ts'), kind: 'parse-error', line: 2 });
  });
});
