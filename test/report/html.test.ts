import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../src/model/call.js';
import { renderCodebaseReport } from '../../src/report/html.js';

const at = (file: string, line: number) => ({ file, line, column: 3, endLine: line, endColumn: 20 });
const calls: CallRecord[] = [
  { location: at('src/a.ts', 4), method: 'POST', path: '/containers/create', via: 'dockerode', keys: [{ name: 'HostConfig.CgroupnsMode', in: 'body' }], pinnedVersion: null },
  { location: at('src/b.ts', 9), method: 'POST', path: '/containers/create', via: 'fetch', keys: [], pinnedVersion: '1.41' },
  { location: at('src/b.ts', 12), method: 'GET', path: '/images/json', via: 'axios', keys: [{ name: 'shared-size', in: 'query' }], pinnedVersion: null },
];

describe('codebase HTML report', () => {
  const html = renderCodebaseReport({
    cwd: '/repo',
    calls,
    unknown: [{ location: at('src/c.ts', 2), method: 'GET', path: '/containers/jsn', via: 'fetch', pinnedVersion: null, nearest: { method: 'GET', path: '/containers/json' } }],
    minimumVersion: { version: '1.42', docker: '23.0', because: [{ file: 'src/b.ts', line: 12, element: 'GET /images/json shared-size' }] },
    results: [
      {
        filePath: '/repo/src/a.ts',
        unusedDirectives: [],
        findings: [
          {
            ruleId: 'parameter-unavailable',
            severity: 'error',
            message: 'POST /containers/create body field HostConfig.CgroupnsMode is not available in API 1.40 <added in 1.41>',
            element: 'POST /containers/create HostConfig.CgroupnsMode',
            versions: ['1.40'],
            location: at('src/a.ts', 4),
          },
        ],
      },
    ],
    targetLabel: '1.40..1.55',
    toolVersion: '0.1.0',
  });

  it('groups calls by endpoint with counts, keys and file links', () => {
    expect(html).toMatch(/<td><code>POST \/containers\/create<\/code><\/td><td>2<\/td><td>dockerode, fetch<\/td>/);
    expect(html).toContain('<a href="file:///repo/src/b.ts">src/b.ts:9:3</a> pinned 1.41');
    expect(html).toContain('<code>shared-size (query)</code>');
  });

  it('states the minimum version with its reasons and the findings for the target, escaped', () => {
    expect(html).toContain('<div class="big" id="minimum">API 1.42 (Docker 23.0)</div>');
    expect(html).toContain('<li><code>GET /images/json shared-size</code> at <a href="file:///repo/src/b.ts">src/b.ts:12</a></li>');
    expect(html).toContain('1 errors, 0 warnings');
    expect(html).toContain('&#60;added in 1.41&#62;');
    expect(html).toContain('<code>GET /containers/json</code>');
    expect(html).not.toMatch(/<script/);
  });
});
