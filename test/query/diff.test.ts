import { describe, expect, it } from 'vitest';
import { buildHistory } from '../../src/history/build.js';
import type { Endpoint, Surface } from '../../src/model/surface.js';
import { formatChangelogMarkdown, queryChangelog } from '../../src/query/changelog.js';
import { describeChange } from '../../src/query/describe-change.js';
import { formatDiff, queryDiff, toDiffJson } from '../../src/query/diff.js';

function endpoint(partial: Partial<Endpoint> & Pick<Endpoint, 'method' | 'path'>): Endpoint {
  return { tags: [], parameters: [], requestBody: [], response: [], ...partial };
}
function surface(version: string, endpoints: Endpoint[]): Surface {
  return { version, format: 'swagger', endpoints, unparsed: [] };
}

const inspect = (response: Endpoint['response']) => endpoint({ method: 'GET', path: '/images/{name}/json', response });
const history = buildHistory([
  surface('1.44', [inspect([{ path: 'Id', type: 'string' }, { path: 'ContainerConfig', type: 'object' }, { path: 'ContainerConfig.Cmd', type: 'array<string>' }, { path: 'ContainerConfig.Env', type: 'array<string>' }])]),
  surface('1.45', [inspect([{ path: 'Id', type: 'string' }]), endpoint({ method: 'GET', path: '/new', parameters: [{ in: 'query', name: 'q', type: 'string', required: true }] })]),
  surface('1.46', [inspect([{ path: 'Id', type: 'string' }, { path: 'Size', type: 'integer' }]), endpoint({ method: 'GET', path: '/new', parameters: [{ in: 'query', name: 'q', type: 'string', required: true }, { in: 'query', name: 'r', type: 'string', required: true }] })]),
]);

describe('queryDiff', () => {
  it('folds a removed subtree into one line and marks breaking changes', () => {
    const report = queryDiff(history, '1.44', '1.46');
    expect(report).toMatchObject({ from: '1.44', to: '1.46', total: 5, breaking: 3 });
    expect(formatDiff(report, 'text')).toBe(
      [
        'API 1.44 (Docker 25.0) -> 1.46 (Docker 27.0): 5 changes, 3 breaking',
        '',
        'GET /images/{name}/json',
        '  BREAKING response field ContainerConfig removed (with 2 nested fields)',
        '  response field Size added',
        '',
        'GET /new',
        '  endpoint added',
        '',
      ].join('\n'),
    );
    const json = toDiffJson(report) as { endpoints: { changes: { nested?: string[] }[] }[] };
    expect(json.endpoints[0]!.changes[0]!.nested).toEqual(['ContainerConfig.Cmd', 'ContainerConfig.Env']);
  });

  it('filters to breaking changes, and a new required parameter is one', () => {
    const report = queryDiff(history, '1.45', '1.46', { breakingOnly: true });
    expect(formatDiff(report, 'md')).toBe(
      ['# API 1.45 (Docker 26.0) → 1.46 (Docker 27.0)', '', '2 changes, 1 breaking (showing breaking only)', '', '## `GET /new`', '', '- **breaking**: query parameter `r` added (required)', ''].join('\n'),
    );
  });

  it('rejects versions the history does not have', () => {
    expect(() => queryDiff(history, '1.44', '1.47')).toThrow(/unknown API version \(to\) "1.47"; valid versions: 1.44, 1.45, 1.46/);
  });
});

describe('queryChangelog', () => {
  it('lists each version against the previous one, newest first', () => {
    const report = queryChangelog(history);
    expect(report.versions.map((v) => [v.version, v.previous, v.total, v.breaking])).toEqual([
      ['1.46', '1.45', 2, 1],
      ['1.45', '1.44', 4, 3],
    ]);
    expect(queryChangelog(history, { from: '1.46' }).versions.map((v) => v.version)).toEqual(['1.46']);
    expect(formatChangelogMarkdown(queryChangelog(history, { to: '1.45' }))).toContain('## API 1.45 (Docker 26.0)\n\nCompared with 1.44: 4 changes, 3 breaking.\n');
  });
});

describe('describeChange', () => {
  it('phrases each kind', () => {
    const base = { method: 'GET', path: '/x', from: '1.0', to: '1.1' } as const;
    expect(describeChange({ ...base, kind: 'parameter-type-changed', location: 'query', name: 'n', before: 'string', after: 'integer' })).toBe('query parameter n: type string -> integer');
    expect(describeChange({ ...base, kind: 'request-field-enum-value-removed', location: 'body', name: 'A.B', value: 'v' }, 'md')).toBe('body field `A.B`: value `v` removed');
    expect(describeChange({ ...base, kind: 'parameter-required-changed', location: 'header', name: 'h', before: 'true', after: 'false' })).toBe('header h: now optional');
    expect(describeChange({ ...base, kind: 'endpoint-deprecated', location: 'endpoint' })).toBe('endpoint deprecated');
  });
});
