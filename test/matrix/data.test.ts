import { describe, expect, it } from 'vitest';
import { listCellStates } from '../../src/matrix/cells.js';
import { buildMatrixData } from '../../src/matrix/data.js';
import { renderMatrixPage } from '../../src/matrix/page.js';
import { buildFixtureHistory } from './fixture.js';

describe('matrix data', () => {
  const data = buildMatrixData(buildFixtureHistory());

  it('lists versions with their Docker releases and groups endpoints by tag', () => {
    expect(data.versions.map((v) => [v.version, v.docker])).toEqual([
      ['1.40', '19.03'],
      ['1.41', '20.10'],
      ['1.42', '23.0'],
      ['1.43', '24.0'],
      ['1.44', '25.0'],
    ]);
    expect(data.endpoints.map((e) => `${e.tag} ${e.method} ${e.path}`)).toEqual([
      'Container POST /containers/create',
      'Image POST /build/prune',
      'Image GET /images/json',
    ]);
  });

  it('gives every cell a state: added, available, deprecated, removed, absent', () => {
    const prune = data.endpoints.find((e) => e.path === '/build/prune')!;
    expect(listCellStates(prune, 5)).toEqual(['added', 'present', 'deprecated', 'removed', 'absent']);
    const sharedSize = data.endpoints.find((e) => e.path === '/images/json')!.parameters[0]!;
    expect(listCellStates(sharedSize, 5)).toEqual(['absent', 'absent', 'added', 'present', 'present']);
  });

  it('renders real table markup with text labels and escaped embedded data', () => {
    const html = renderMatrixPage(data);
    expect(html).toContain('<table id="matrix">');
    expect(html).toContain('<th scope="col" data-col="1" class="v v-deprecated"><span class="api">1.41</span><span class="docker">20.10</span></th>');
    expect(html).toMatch(/<td class="s-removed" data-col="3" title="API 1.43: removed">×<\/td>/);
    expect(html).not.toMatch(/<script[^>]*src=/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    const embedded = /<script id="matrix-data" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!;
    expect(JSON.parse(embedded)).toEqual(data);
  });
});
