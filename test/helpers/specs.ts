import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The upstream spec files: $DOCKER_API_SPECS, else ../shared/docker-api-specs beside the repository. */
export const SPECS_DIR = process.env.DOCKER_API_SPECS ?? path.resolve(REPO_ROOT, '../shared/docker-api-specs');

export function specFile(version: string): string {
  const [, minor] = version.split('.');
  return path.join(SPECS_DIR, Number(minor) <= 24 ? `v${version}.md` : `v${version}.yaml`);
}
