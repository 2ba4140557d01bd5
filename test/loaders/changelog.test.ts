import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeChangelogPath, parseChangelog, parseChangelogBullets, resolveChangelogNames, resolveName } from '../../src/loaders/changelog.js';
import type { Surface } from '../../src/model/surface.js';
import { SPECS_DIR } from '../helpers/specs.js';

const SAMPLE = [
  '## v1.55 API changes',
  '',
  '* `GET /images/{name}/attestations` is a new endpoint. The `platform` query parameter',
  '  selects a variant.',
  '* `POST /containers/(id)/update` now supports the `BlkioWeightDevice` field.',
  '',
  '## v1.53 API changes',
  '',
  '* Deprecated: The `POST /grpc` and `POST /session` endpoints are deprecated and',
  '  will be removed in a future version.',
  '',
  '## V1.48 API changes',
  '',
  '* Deprecated: The `POST /build/prune` `keep-storage` query parameter has been',
  '  renamed to `reserved-space`. `keep-storage` support will be removed in API v1.52.',
  '* A new field `MacAddress` has been added to `EndpointSettings` on `POST /containers/create`.',
  '  The container-wide `MacAddress` field in `Config` is now deprecated.',
  '* GET `/images/json` now accepts an `until` filter.',
  '* `GET /containers/{name:.*}/json` no longer returns `Bridge`.',
  '',
  '### v1.14 API changes',
  '',
  '- `GET /containers/(id or name)/logs` now takes `tail`, `true` and `v1.2`.',
  '- The `HostConfig` field now includes `NanoCpus`.',
].join('\n');

describe('parseChangelogBullets', () => {
  const bullets = parseChangelogBullets(SAMPLE);

  it('reads every bullet naming an endpoint, with its version and line', () => {
    expect(bullets.map((b) => [b.version, b.line])).toEqual([
      ['1.55', 3],
      ['1.55', 5],
      ['1.53', 9],
      ['1.48', 14],
      ['1.48', 16],
      ['1.48', 18],
      ['1.48', 19],
      ['1.14', 23],
    ]);
  });

  it('normalizes paths and reads the method outside backticks', () => {
    expect(bullets[1]!.endpoints).toEqual([{ method: 'POST', path: '/containers/{id}/update' }]);
    expect(bullets[5]!.endpoints).toEqual([{ method: 'GET', path: '/images/json' }]);
    expect(bullets[6]!.endpoints).toEqual([{ method: 'GET', path: '/containers/{id}/json' }]);
    expect(bullets[7]!.endpoints).toEqual([{ method: 'GET', path: '/containers/{id}/logs' }]);
  });

  it('classifies each sentence: added, deprecated, removed, replacement names skipped', () => {
    expect(bullets[0]).toMatchObject({ change: 'added', addsEndpoints: true, names: [{ name: 'platform', change: 'added' }] });
    expect(bullets[2]).toMatchObject({ change: 'deprecated', deprecatesEndpoints: true, names: [] });
    expect(bullets[3]).toMatchObject({ change: 'deprecated', deprecatesEndpoints: false, names: [{ name: 'keep-storage', change: 'deprecated' }] });
    expect(bullets[4]!.names).toEqual([
      { name: 'MacAddress', change: 'added', role: 'element' },
      { name: 'EndpointSettings', change: 'added', role: 'element' },
      { name: 'MacAddress', change: 'deprecated', role: 'element' },
    ]);
    expect(bullets[6]).toMatchObject({ change: 'removed', names: [{ name: 'Bridge', change: 'removed' }] });
  });

  it('ignores plain values (true, versions) and bullets without an endpoint', () => {
    expect(bullets[7]!.names.map((n) => n.name)).toEqual(['tail']);
  });
});

describe('what a bullet names', () => {
  const bullets = parseChangelogBullets(
    [
      '## v1.44 API changes',
      '',
      '* `GET /networks` now supports a `dangling` filter type.', // 3
      '* `GET /networks/{id}` now takes an optional query parameter `scope` that will filter the network.', // 4
      '* `GET /events` now supports a `reload` event that is emitted when the daemon configuration is reloaded.', // 5
      '* `GET /_ping` now returns a `Swarm` header. `HEAD /_ping` sets `Cache-Control`.', // 6
      '* `POST /images/load` now returns a JSON stream, and has a `quiet` query parameter.', // 7
      '* Deprecated: The "error" and "progress" fields in streaming responses of `POST /build` are deprecated.', // 8
      '* `POST /containers/create` field `DriverOpts` now supports label `com.example.sysctls`.', // 9
      '* `POST /containers/create` can be changed back to `shareable` by using the `DefaultIpcMode` daemon configuration.', // 10
      '* `POST /networks/create` now returns a 400 if the `IPAMConfig` is invalid. This change is not versioned.', // 11
      '* `POST /build` accepts the `cpuperiod` option.', // 12
    ].join('\n'),
  );
  const roles = (i: number) => Object.fromEntries(bullets[i]!.names.map((n) => [n.name, n.role]));

  it('tells filter keys, events, headers, stream fields and options from parameters and fields', () => {
    expect(roles(0)).toEqual({ dangling: 'filter' });
    expect(roles(1)).toEqual({ scope: 'element' });
    expect(roles(2)).toEqual({ reload: 'event' });
    expect(roles(3)).toEqual({ Swarm: 'header', 'Cache-Control': 'header' });
    expect(roles(4)).toEqual({ quiet: 'element' });
    expect(roles(5)).toEqual({ error: 'stream', progress: 'stream' });
    expect(roles(6)).toEqual({ DriverOpts: 'element', 'com.example.sysctls': 'option' });
    expect(roles(7)).toEqual({ shareable: 'option', DefaultIpcMode: 'option' });
    expect(roles(9)).toEqual({ cpuperiod: 'element' });
  });

  it('flags unversioned bullets and does not call status codes additions', () => {
    expect(bullets.map((b) => b.unversioned)).toEqual([false, false, false, false, false, false, false, false, true, false]);
    expect(bullets[8]).toMatchObject({ change: 'changed', names: [{ name: 'IPAMConfig', change: 'changed', role: 'element' }] });
  });

  it('records only parameters and fields as facts; a bullet naming only values changes the endpoint', () => {
    const facts = parseChangelog(['## v1.40 API changes', '', '* `GET /networks` now supports a `dangling` filter type.'].join('\n'));
    expect(facts.mentions).toEqual([{ version: '1.40', method: 'GET', path: '/networks', change: 'changed' }]);
  });

  it('reads "was previously ignored", "added in API v1.44" and containers as behaviour, not additions', () => {
    const [ignored, elsewhere, container] = parseChangelogBullets(
      [
        '## v1.55 API changes',
        '',
        '* `POST /containers/{id}/update` now supports the `BlkioWeightDevice` field. These fields were previously present but were ignored.',
        '* `POST /networks/{id}/connect` now applies `MacAddress`. This field was added in API v1.44.',
        '* `GET /images/json` no longer includes `<none>:<none>` in `RepoTags` and`RepoDigests`.',
      ].join('\n'),
    );
    expect(ignored!.names).toEqual([{ name: 'BlkioWeightDevice', change: 'changed', role: 'element' }]);
    expect(elsewhere!.change).toBe('changed');
    expect(container!.names.map((n) => [n.name, n.change])).toEqual([
      ['RepoTags', 'changed'],
      ['RepoDigests', 'changed'],
    ]);
  });
});

describe('parseChangelog', () => {
  const facts = parseChangelog(SAMPLE);

  it('turns deprecation bullets into deprecations of endpoints and of named elements', () => {
    expect(facts.deprecations).toEqual([
      { version: '1.53', method: 'POST', path: '/grpc' },
      { version: '1.53', method: 'POST', path: '/session' },
      { version: '1.48', method: 'POST', path: '/build/prune', name: 'keep-storage' },
      { version: '1.48', method: 'POST', path: '/containers/create', name: 'MacAddress' },
    ]);
  });

  it('records an endpoint mention for new endpoints and one mention per named element', () => {
    const attestations = facts.mentions.filter((m) => m.path === '/images/{name}/attestations');
    expect(attestations).toEqual([
      { version: '1.55', method: 'GET', path: '/images/{name}/attestations', change: 'added' },
      { version: '1.55', method: 'GET', path: '/images/{name}/attestations', name: 'platform', change: 'added' },
    ]);
  });
});

describe('normalizeChangelogPath', () => {
  it.each([
    ['/containers/(id)/json', '/containers/{id}/json'],
    ['/containers/(id or name)/json', '/containers/{id}/json'],
    ['/containers/{name:.*}/json', '/containers/{id}/json'],
    ['/images/(name)/json', '/images/{name}/json'],
    ['/networks/<network-id>', '/networks/{id}'],
    ['/volumes{name}', '/volumes/{name}'],
    ['/volumes/', '/volumes'],
    ['/service/create', '/services/create'],
    ['/containers/(name)/wait?condition=removed', '/containers/{id}/wait'],
    ['/plugins/(plugin name)/upgrade', '/plugins/{name}/upgrade'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeChangelogPath(raw)).toBe(expected);
  });
});

describe('resolveChangelogNames', () => {
  it('maps a last segment or partial path to the one full element of that endpoint', () => {
    expect(resolveName('CgroupnsMode', ['HostConfig.CgroupnsMode', 'Image'])).toBe('HostConfig.CgroupnsMode');
    expect(resolveName('BindOptions.NonRecursive', ['HostConfig.Mounts.BindOptions.NonRecursive'])).toBe(
      'HostConfig.Mounts.BindOptions.NonRecursive',
    );
    expect(resolveName('Driver', ['A.Driver', 'B.Driver'])).toBeUndefined();
    expect(resolveName('Labels', ['Labels', 'Config.Labels'])).toBe('Labels');
  });

  it('looks at the version before a removal', () => {
    const surfaces: Surface[] = [
      { version: '1.40', format: 'swagger', unparsed: [], endpoints: [{ method: 'GET', path: '/info', tags: [], parameters: [], requestBody: [], response: [{ path: 'Plugins.Old', type: 'string' }] }] },
      { version: '1.41', format: 'swagger', unparsed: [], endpoints: [{ method: 'GET', path: '/info', tags: [], parameters: [], requestBody: [], response: [] }] },
    ];
    const resolved = resolveChangelogNames(
      { deprecations: [], mentions: [{ version: '1.41', method: 'GET', path: '/info', name: 'Old', change: 'removed' }] },
      surfaces,
    );
    expect(resolved.mentions[0]!.name).toBe('Plugins.Old');
  });
});

describe.runIf(existsSync(path.join(SPECS_DIR, 'CHANGELOG.md')))('the upstream CHANGELOG.md', () => {
  const facts = parseChangelog(readFileSync(path.join(SPECS_DIR, 'CHANGELOG.md'), 'utf8'));

  it('knows the v1.53 endpoint deprecations and the keep-storage parameter deprecation', () => {
    expect(facts.deprecations).toContainEqual({ version: '1.53', method: 'POST', path: '/grpc' });
    expect(facts.deprecations).toContainEqual({ version: '1.53', method: 'POST', path: '/session' });
    expect(facts.deprecations).toContainEqual({ version: '1.48', method: 'POST', path: '/build/prune', name: 'keep-storage' });
    expect(facts.deprecations).not.toContainEqual(expect.objectContaining({ name: 'reserved-space' }));
  });

  it('knows v1.54 added the identity query parameter of GET /images/json', () => {
    expect(facts.mentions).toContainEqual({ version: '1.54', method: 'GET', path: '/images/json', name: 'identity', change: 'added' });
  });
});
