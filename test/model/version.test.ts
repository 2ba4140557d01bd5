import { describe, expect, it } from 'vitest';
import { compareVersions, normalizeVersion, parseVersion, sortVersions } from '../../src/model/version.js';
import { findApiVersionForDocker, findDefaultMinApiVersion, findDockerRelease, findVersionStatus } from '../../src/model/release-info.js';

describe('version model', () => {
  it('parses 1.41 and v1.41 alike', () => {
    expect(parseVersion('1.41')).toEqual({ major: 1, minor: 41 });
    expect(normalizeVersion('v1.41')).toBe('1.41');
    expect(normalizeVersion('1.4.1')).toBeUndefined();
    expect(normalizeVersion('latest')).toBeUndefined();
  });

  it('orders numerically, not as text', () => {
    expect(sortVersions(['1.25', '1.10', '1.9', '1.24', '1.0'])).toEqual(['1.0', '1.9', '1.10', '1.24', '1.25']);
    expect(compareVersions('1.9', '1.10')).toBeLessThan(0);
  });

  it('maps Docker releases to API versions and back', () => {
    expect(findDockerRelease('1.41')).toBe('20.10');
    expect(findDockerRelease('1.47')).toBe('27.2');
    expect(findDockerRelease('1.26')).toBe('1.13.1');
    expect(findDockerRelease('1.10')).toBeUndefined();
    expect(findDockerRelease('1.55')).toBeUndefined();
    expect(findApiVersionForDocker('20.10')).toBe('1.41');
    expect(findApiVersionForDocker('20.10.7')).toBe('1.41');
    expect(findApiVersionForDocker('17.03.1')).toBe('1.27');
    expect(findApiVersionForDocker('99.0')).toBeUndefined();
  });

  it('knows statuses and the default minimum API version', () => {
    expect(findVersionStatus('1.56')).toBe('in-development');
    expect(findVersionStatus('1.43')).toBe('deprecated');
    expect(findVersionStatus('1.44')).toBe('released');
    expect(findDefaultMinApiVersion('1.52')).toBe('1.44');
    expect(findDefaultMinApiVersion('1.53')).toBe('1.40');
    expect(findDefaultMinApiVersion('1.41')).toBeUndefined();
  });
});
