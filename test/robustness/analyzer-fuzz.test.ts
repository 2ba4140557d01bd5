import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanSource, type ScanOutcome } from '../../src/analyzer/scan.js';
import { TEMPLATES } from '../analyzer/templates.js';

/**
 * Property-based: whatever the text, scanSource returns (never throws) and reports nothing but
 * sane records. Inputs stay small so the 10,000-input run takes seconds, syntax only.
 */
const scan = (text: string, fileName = 'fuzz.ts'): ScanOutcome => scanSource(fileName, text, { templates: TEMPLATES });

/** Real call styles of every detector: the starting points of the mutations. */
const SNIPPETS: readonly string[] = [
  "fetch('/containers/json?all=1');",
  "await fetch(`http://localhost/v1.41/containers/${id}/json`, { method: 'GET' });",
  "import axios from 'axios';\nconst api = axios.create({ baseURL: 'http://docker/v1.41' });\napi.post('/containers/create', { Image: 'x', HostConfig: { Binds: [] } }, { params: { name: 'a' } });",
  "import got from 'got';\ngot.post('http://x/containers/create', { json: { Image: 'a' }, searchParams: { name: 'n' } });",
  "import http from 'node:http';\nhttp.request({ socketPath: '/var/run/docker.sock', path: '/images/json?all=true', method: 'GET' });",
  "import Docker from 'dockerode';\nconst docker = new Docker({ version: 'v1.41' });\nawait docker.getContainer(id).logs({ stdout: true, tail: 10 });\ndocker.listContainers({ all: true });",
  "import Modem from 'docker-modem';\nconst modem = new Modem();\nmodem.dial({ path: '/containers/create?', method: 'POST', options: { Image: 'x', name: 'n' }, statusCodes: { 201: true } }, cb);",
  "const base = 'http://localhost';\nlet p = base + '/containers/' + id + '/stop';\nfetch(new URL(p, base).href, { method: 'post' });",
  "class C { constructor(private d = new Docker()) {} go() { return this.d.pruneImages({ filters: { dangling: ['true'] } }); } }",
];

const TOKENS: readonly string[] = [
  '(', ')', '{', '}', '[', ']', "'", '"', '`', '${', '/*', '*/', '//', '\n', '=>', '...', '?.', ',', ';', ':', '=', '+',
  'new ', 'await ', 'fetch(', 'axios.get(', 'docker.', 'import ', 'require(', 'as ', '<T>', '\\', '#!', '\u2028', '\uFEFF', '\uD800', '/containers/{id}/json',
];

type Mutation = { kind: 'delete' | 'duplicate'; at: number; length: number } | { kind: 'insert'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'binary', maxLength: 4 })) }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % (out.length + 1);
    if (m.kind === 'insert') out = out.slice(0, at) + m.text + out.slice(at);
    else if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + m.length);
    else out = out.slice(0, at) + out.slice(at, at + m.length) + out.slice(at);
  }
  return out;
}

const mutatedSnippet = fc.tuple(fc.constantFrom(...SNIPPETS), fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([s, ms]) => mutate(s, ms));
const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((t) => t.join(''));
const randomText = fc.string({ unit: 'binary', maxLength: 60 }).map((s) => `fetch(${s}`);

/** What every outcome must look like, however broken the input. */
function expectSane(result: ScanOutcome, text: string): void {
  const lineCount = text.split(/\r\n|[\n\r\u2028\u2029]/).length;
  for (const record of [...result.calls, ...result.unknown]) {
    expect(record.location.line).toBeGreaterThanOrEqual(1);
    expect(record.location.endLine).toBeLessThanOrEqual(lineCount);
    expect(record.location.column).toBeGreaterThanOrEqual(1);
  }
  // A detector that throws becomes an `internal` notice: that is a bug, not bad input.
  expect(result.notices.filter((n) => n.kind === 'internal')).toEqual([]);
}

describe('scanSource under generated input (fast-check, seeded)', () => {
  it('never throws on 10,000 mutated snippets, token soups and random strings', () => {
    let calls = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 6, arbitrary: mutatedSnippet }, { weight: 2, arbitrary: tokenSoup }, { weight: 2, arbitrary: randomText }), fc.constantFrom('a.ts', 'b.js', 'c.tsx', 'd.mjs'), (text, fileName) => {
        const result = scan(text, fileName);
        calls += result.calls.length;
        expectSane(result, text);
      }),
      { seed: 20_260_412, numRuns: 10_000 },
    );
    // The mutations keep most snippets recognisable: the run exercised the detectors, not just the parser.
    expect(calls).toBeGreaterThan(500);
  });

  it('finds the same call whatever junk follows it on later lines', () => {
    fc.assert(
      // `import fetch ...` would legitimately shadow the global, so no declaring tokens here.
      fc.property(fc.array(fc.constantFrom(...TOKENS.filter((t) => t !== 'import ' && t !== 'require(')), { maxLength: 40 }), (junk) => {
        const result = scan(`fetch('/containers/json');\n${junk.join('')}`);
        expect(result.calls[0]).toMatchObject({ method: 'GET', path: '/containers/json', location: { line: 1, column: 1 } });
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
