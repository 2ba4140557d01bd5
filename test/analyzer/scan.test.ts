import { describe, expect, it } from 'vitest';
import { scanSource } from '../../src/analyzer/scan.js';
import { TEMPLATES } from './templates.js';

const scan = (text: string, fileName = 'big.ts') => scanSource(fileName, text, { templates: TEMPLATES });

describe('scanSource on hostile input', () => {
  it('survives a 60,000-term a+a+... expression and still finds the calls around it', () => {
    const text = `const a = 'x';\nconst s = ${Array.from({ length: 60_000 }, () => 'a').join('+')};\nfetch('/containers/json');\nfetch(${Array.from({ length: 60_000 }, () => 'a').join('+')});\n`;
    const result = scan(text);
    expect(result.calls.map((c) => `${c.method} ${c.path} @${c.location.line}:${c.location.column}`)).toEqual(['GET /containers/json @3:1']);
    expect(result.notices.filter((n) => n.kind === 'internal')).toEqual([]);
  });

  it('turns 2,000-deep parentheses into a notice instead of a crash', () => {
    const text = `fetch('/containers/json');\nconst x = ${'('.repeat(2000)}1${')'.repeat(2000)};\n`;
    const result = scan(text, 'deep.ts');
    // The TypeScript parser itself overflows here; the file becomes a notice and the scan goes on.
    expect(result.notices).toEqual([{ file: 'deep.ts', kind: 'parse-error', message: 'not analyzed: expressions nest too deeply to parse' }]);
    expect(result.calls).toEqual([]);
  });

  it('survives deeply nested calls and objects', () => {
    const text = `fetch('/images/json');\nconst y = ${'f('.repeat(3000)}0${')'.repeat(3000)};\nconst z = ${'{a:'.repeat(3000)}1${'}'.repeat(3000)};\n`;
    const result = scan(text, 'nested.ts');
    expect(result.notices.map((n) => [n.file, n.kind])).toEqual([['nested.ts', 'parse-error']]);
  });

  it('reports the calls it recovers from a file with syntax errors, and a parse-error notice', () => {
    const text = `fetch('/containers/json');\nfunction broken( {\n  return 1 +;\n}\nfetch('/images/json', { method: 'GET' });\n`;
    const result = scan(text, 'broken.ts');
    expect(result.calls.map((c) => `${c.path} @${c.location.line}:${c.location.column}`)).toEqual(['/containers/json @1:1', '/images/json @5:1']);
    expect(result.notices).toHaveLength(1);
    expect(result.notices[0]).toMatchObject({ file: 'broken.ts', kind: 'parse-error', line: 3, column: 10 });
  });

  it('does not parse a file that mentions none of the trigger words', () => {
    const result = scan(`const s = '/containers/json';\n${'('.repeat(5000)}`);
    expect(result).toEqual({ files: ['big.ts'], calls: [], unknown: [], notices: [], typed: false });
  });
});

describe('detector context', () => {
  it('hands detectors the operationId index derived from the history', async () => {
    const { buildHistory } = await import('../../src/history/build.js');
    const history = buildHistory([
      { version: '1.40', format: 'swagger', unparsed: [], endpoints: [{ method: 'GET', path: '/info', operationId: 'SystemInfo', tags: [], parameters: [], requestBody: [], response: [] }] },
      { version: '1.41', format: 'swagger', unparsed: [], endpoints: [{ method: 'GET', path: '/info', operationId: 'SystemInfoV2', tags: [], parameters: [], requestBody: [], response: [] }] },
    ]);
    const seen: Array<[string, string]> = [];
    const recorder = {
      via: 'docker-sdk' as const,
      triggers: ['probe'],
      detect(context: { operationIds?: ReadonlyMap<string, { method: string; path: string }> }) {
        for (const [id, e] of context.operationIds ?? []) seen.push([id, `${e.method} ${e.path}`]);
        return [];
      },
    };
    scanSource('a.ts', 'probe()', { history, detectors: [recorder] });
    expect(seen).toEqual([
      ['SystemInfo', 'GET /info'],
      ['SystemInfoV2', 'GET /info'],
    ]);
  });
});
