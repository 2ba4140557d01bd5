import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/formatters/github.js';
import type { FileResult } from '../../src/model/finding.js';
import { CONTEXT, CWD, RESULTS } from './fixtures.js';

/** Reads a workflow command back the way the Actions runner does (split, then unescape). */
function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::(\w+) ([^:]*)::(.*)$/su.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescape = (value: string) =>
    value.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%3A', ':').replaceAll('%2C', ',').replaceAll('%25', '%');
  const properties: Record<string, string> = {};
  for (const pair of match[2]!.split(',')) {
    const index = pair.indexOf('=');
    properties[pair.slice(0, index)] = unescape(pair.slice(index + 1));
  }
  return { command: match[1]!, properties, message: unescape(match[3]!) };
}

describe('github', () => {
  it('prints one workflow command per problem', () => {
    expect(formatGithub(RESULTS, CONTEXT)).toMatchSnapshot();
  });

  it('prints nothing without problems', () => {
    expect(formatGithub([], CONTEXT)).toBe('');
    expect(formatGithub([{ filePath: `${CWD}/a.ts`, findings: [], unusedDirectives: [] }], CONTEXT)).toBe('');
  });

  it('writes the position, rule and relative path of each problem', () => {
    const lines = formatGithub(RESULTS, CONTEXT).trimEnd().split('\n');
    expect(lines[0]).toBe('::error file=src/client.ts,line=3,col=17,endLine=4,endColumn=2,title=no-removed-endpoint::POST /containers/create is not in 1.24.');
    expect(lines[1]).toBe('::warning file=src/client.ts,line=7,col=1,endLine=7,endColumn=40,title=unused-disable-directive::Unused docker-api-compat-disable directive');
  });

  it('escapes messages and properties as the runner expects', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('src/a:b,c%.ts\n')).toBe('src/a%3Ab%2Cc%25.ts%0A');
    // Already-escaped-looking text must survive a round trip, not be decoded by the runner.
    expect(escapeData('%0A')).toBe('%250A');
    const odd = formatGithub(RESULTS, CONTEXT).trimEnd().split('\n').at(-1)!;
    expect(odd).toBe(
      '::warning file=src/odd name%2C with%3A chars%25.ts,line=1,col=1,endLine=1,endColumn=11,title=no-unknown-rule::Weird: 100%25 <tags> & "quotes", it\'s%0D%0Amultiline ]]> end',
    );
  });

  it('round-trips any message and file name through the runner parsing, on one line', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }).filter((s) => !s.includes('/') && s !== '.' && s !== '..'), (message, name) => {
        const result: FileResult = {
          filePath: `${CWD}/${name}`,
          findings: [{ ruleId: 'r', severity: 'error', message, element: 'GET /x', versions: [], location: { file: name, line: 2, column: 3, endLine: 2, endColumn: 4 } }],
          unusedDirectives: [],
        };
        const text = formatGithub([result], CONTEXT);
        expect(text.endsWith('\n')).toBe(true);
        expect(text.slice(0, -1)).not.toMatch(/[\r\n]/u);
        const parsed = parseCommand(text.slice(0, -1));
        expect(parsed).toEqual({ command: 'error', properties: { file: name, line: '2', col: '3', endLine: '2', endColumn: '4', title: 'r' }, message });
      }),
    );
  });

  it('leaves out positions it does not know', () => {
    const unknown: FileResult[] = [{ filePath: `${CWD}/a.ts`, findings: [], unusedDirectives: [{ file: 'a.ts', line: 0, column: 0, endLine: 0, endColumn: 0 }] }];
    expect(formatGithub(unknown, CONTEXT)).toBe('::warning file=a.ts,title=unused-disable-directive::Unused docker-api-compat-disable directive\n');
  });
});
