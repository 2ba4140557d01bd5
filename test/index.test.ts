import { describe, expect, it } from 'vitest';
import * as library from '../src/index.js';

describe('library entry point', () => {
  it('answers a since query from the embedded database without the CLI', () => {
    const history = library.loadEmbeddedHistory();
    const result = library.querySince(history, 'POST /containers/create HostConfig.CgroupnsMode');
    expect(library.toSinceJson(result)).toMatchObject({
      matches: [{ kind: 'body', method: 'POST', path: '/containers/create', name: 'HostConfig.CgroupnsMode', added: '1.41' }],
    });
  });

  it('scans a snippet and lints it against a target range', () => {
    const history = library.loadEmbeddedHistory();
    const templates = history.endpoints.map((e) => ({ method: e.method, path: e.path }));
    const scan = library.scanSource('/src/a.ts', "await fetch('http://localhost/images/json?shared-size=1');\n", { templates, history });
    expect(scan.calls.map((c) => [c.method, c.path, c.keys.map((k) => k.name)])).toEqual([['GET', '/images/json', ['shared-size']]]);
    const versions = history.versions.map((v) => v.version);
    const results = library.lintCalls(scan, history, { target: library.parseTarget('1.41..1.47', versions) });
    expect(results.flatMap((r) => r.findings.map((f) => [f.ruleId, f.versions]))).toEqual([['parameter-unavailable', ['1.41']]]);
  });
});
