import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { evaluateString, readBodyKeys, readObjectKeys, readObjectProperty, readQueryKeys } from '../../src/analyzer/values.js';

/** Parses a snippet and returns the initializer of `const probe = ...` (the last one) with its context. */
function probe(text: string) {
  const sourceFile = ts.createSourceFile('probe.ts', text, ts.ScriptTarget.Latest, true);
  let found: ts.Expression | undefined;
  const stack: ts.Node[] = [sourceFile];
  while (stack.length) {
    const node = stack.pop()!;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === 'probe' && node.initializer) found = node.initializer;
    node.forEachChild((c) => {
      stack.push(c);
    });
  }
  if (!found) throw new Error('no probe');
  return { expr: found, context: { sourceFile, checker: undefined } };
}

const str = (text: string) => {
  const { expr, context } = probe(text);
  return evaluateString(expr, context);
};

describe('evaluateString', () => {
  it.each([
    [`const probe = '/containers/json';`, '/containers/json'],
    [`const probe = \`/containers/json\`;`, '/containers/json'],
    [`const probe = \`/containers/\${id}/json\`;`, '/containers/{}/json'],
    [`const probe = '/containers/' + id + '/json?' + 'all=1';`, '/containers/{}/json?all=1'],
    [`const V = 'v1.41'; const BASE = \`http://localhost/\${V}\`; const probe = BASE + '/info';`, 'http://localhost/v1.41/info'],
    [`const probe = new URL('/images/json', 'http://localhost:2375').toString();`, '/images/json'],
    [`const u = new URL('http://h/_ping'); const probe = u.href;`, 'http://h/_ping'],
    [`const CFG = { base: 'http://docker' }; const probe = \`\${CFG.base}/version\`;`, 'http://docker/version'],
    [`const { base } = { base: '/v1.40' }; const probe = base + '/info';`, '/v1.40/info'],
    [`const probe = '/images/json?' + new URLSearchParams({ all: '1', digests: '1' });`, '/images/json?all={}&digests={}'],
    [`const probe = \`/x?\${querystring.stringify({ a: 1 })}\`;`, '/x?a={}'],
    [`const probe = '/v1.' + 41 + '/info';`, '/v1.41/info'],
    [`let path = '/a'; path = '/b'; const probe = path;`, undefined],
    [`let path = '/a'; const probe = path;`, '/a'],
    [`const probe = id;`, undefined],
    [`const probe = a + b;`, undefined],
  ])('%s', (text, expected) => {
    expect(str(text)).toBe(expected);
  });

  it('respects scopes: a parameter shadows an outer const', () => {
    expect(str(`const p = '/info'; function f(p: string) { const probe = p; }`)).toBeUndefined();
    expect(str(`const p = '/info'; function f() { const probe = p; }`)).toBe('/info');
  });

  it('terminates on cyclic bindings and on huge concatenations', () => {
    expect(str(`const a: string = b; const b: string = a; const probe = a;`)).toBeUndefined();
    expect(str(`const a = 'x'; const probe = ${Array.from({ length: 60_000 }, () => 'a').join('+')};`)).toBeUndefined();
  });
});

describe('object helpers', () => {
  it('reads keys with shorthand, computed literals and spreads of in-file consts', () => {
    const { expr, context } = probe(`const base = { all: true, size: 1 }; const limit = 3; const probe = { ...base, limit, ['filters']: '{}', ...unknown };`);
    expect(readObjectKeys(expr, context)).toEqual(['all', 'size', 'limit', 'filters']);
    const limit = readObjectProperty(expr, 'limit', context)!;
    expect(ts.isIdentifier(limit) && limit.text).toBe('limit');
    expect(readObjectProperty(expr, 'size', context)?.getText()).toBe('1');
    expect(readObjectProperty(expr, 'missing', context)).toBeUndefined();
  });

  it('lets the last property win, as at run time', () => {
    const { expr, context } = probe(`const probe = { method: 'GET', ...{ method: 'POST' } };`);
    expect(readObjectProperty(expr, 'method', context)?.getText()).toBe("'POST'");
  });

  it('reads body keys as dotted paths through JSON.stringify, arrays and nested consts', () => {
    const { expr, context } = probe(`const host = { Binds: [], PortBindings: { '80/tcp': [{ HostPort: '8080' }] } };
const probe = JSON.stringify({ Image: 'x', HostConfig: host, Mounts: [{ Type: 'bind' }] });`);
    expect(readBodyKeys(expr, context)).toEqual([
      'Image',
      'HostConfig',
      'HostConfig.Binds',
      'HostConfig.PortBindings',
      'HostConfig.PortBindings.80/tcp',
      'HostConfig.PortBindings.80/tcp.HostPort',
      'Mounts',
      'Mounts.Type',
    ]);
  });

  it('reads query keys from objects and URLSearchParams', () => {
    const a = probe(`const probe = new URLSearchParams([['all', '1'], ['size', '0']]);`);
    expect(readQueryKeys(a.expr, a.context)).toEqual(['all', 'size']);
    const b = probe(`const probe = new URLSearchParams('a=1&b=2');`);
    expect(readQueryKeys(b.expr, b.context)).toEqual(['a', 'b']);
  });
});
