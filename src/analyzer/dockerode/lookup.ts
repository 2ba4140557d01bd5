import { DOCKERODE_TABLE } from './table.js';
import type { DockerodeClassName, DockerodeMethodEntry, DockerodeRequestMethod } from './table-entry.js';

const BY_KEY: ReadonlyMap<string, DockerodeMethodEntry> = new Map(DOCKERODE_TABLE.map((e) => [`${e.className}.${e.name}`, e]));

/** The table entry for `className.prototype[name]`, if dockerode has such a public method. */
export function findDockerodeMethod(className: DockerodeClassName, name: string): DockerodeMethodEntry | undefined {
  // Own-property lookup only: user code may call `toString` or `constructor` on a receiver.
  return BY_KEY.get(`${className}.${name}`);
}

/** The requests a method ends up sending: itself, or the methods it delegates to (`pull` -> `createImage`). */
export function findDockerodeRequests(className: DockerodeClassName, name: string): DockerodeRequestMethod[] {
  const entry = findDockerodeMethod(className, name);
  if (!entry) return [];
  if (entry.kind === 'request') return [entry];
  if (entry.kind !== 'delegate') return [];
  const requests: DockerodeRequestMethod[] = [];
  for (const target of entry.delegatesTo) {
    const t = findDockerodeMethod(className, target);
    if (t?.kind === 'request') requests.push(t);
  }
  return requests;
}
