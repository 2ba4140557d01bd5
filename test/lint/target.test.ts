import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseTarget, resolveTarget } from '../../src/lint/target.js';

const VERSIONS = ['1.24', '1.38', '1.39', '1.40', '1.41', '1.42', '1.43', '1.44', '1.52', '1.53', '1.55', '1.56'];

describe('parseTarget', () => {
  it('reads one version as that version up to the newest released one (the in-development 1.56 left out)', () => {
    expect(parseTarget('1.41', VERSIONS)).toEqual({
      from: '1.41',
      to: '1.55',
      versions: ['1.41', '1.42', '1.43', '1.44', '1.52', '1.53', '1.55'],
      label: '1.41..1.55',
    });
    expect(parseTarget('v1.55', VERSIONS).label).toBe('1.55');
  });

  it('reads explicit ranges, including the in-development version when named', () => {
    expect(parseTarget('1.41..1.43', VERSIONS).versions).toEqual(['1.41', '1.42', '1.43']);
    expect(parseTarget('1.55..1.56', VERSIONS).versions).toEqual(['1.55', '1.56']);
    expect(parseTarget('1.56', VERSIONS).label).toBe('1.56');
  });

  it('maps Docker Engine releases to their API version', () => {
    expect(parseTarget('docker@20.10', VERSIONS).label).toBe('1.41..1.55');
    expect(parseTarget('docker@20.10.7', VERSIONS).from).toBe('1.41');
    expect(parseTarget('docker@19.03..docker@23.0', VERSIONS).label).toBe('1.40..1.42');
  });

  it.each([
    ['1.99', /unknown API version 1.99 .*valid versions: 1.24, 1.38, .*1.56/],
    ['latest', /not a target range: "latest".*valid versions: 1.24/],
    ['1.41..', /not a target range/],
    ['1.41..1.42..1.43', /not a target range/],
    ['1.43..1.41', /empty: 1.43 is newer than 1.41/],
    ['docker@9.9', /unknown Docker Engine release "9.9".*known releases: 1.12, /],
    ['1.25', /unknown API version 1.25/],
  ])('rejects %s with a usage error', (text, message) => {
    expect(() => parseTarget(text, VERSIONS)).toThrow(UsageError);
    expect(() => parseTarget(text, VERSIONS)).toThrow(message);
  });
});

describe('resolveTarget', () => {
  it('prefers --docker/--target, then the config, then DOCKER_API_VERSION, else 1.40', () => {
    const env = { DOCKER_API_VERSION: '1.43' };
    expect(resolveTarget({ docker: '23.0', configTarget: '1.44', env }, VERSIONS).from).toBe('1.42');
    expect(resolveTarget({ target: '1.41', configTarget: '1.44', env }, VERSIONS).from).toBe('1.41');
    expect(resolveTarget({ configTarget: '1.44', env }, VERSIONS).from).toBe('1.44');
    expect(resolveTarget({ env }, VERSIONS).from).toBe('1.43');
    expect(resolveTarget({ env: { DOCKER_API_VERSION: ' ' } }, VERSIONS).label).toBe('1.40..1.55');
    expect(resolveTarget({}, VERSIONS).label).toBe('1.40..1.55');
  });

  it('refuses --target together with --docker', () => {
    expect(() => resolveTarget({ target: '1.41', docker: '20.10' }, VERSIONS)).toThrow(/either --target or --docker/);
  });
});
