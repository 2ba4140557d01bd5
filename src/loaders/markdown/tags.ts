/** Markdown sections and paths -> the tag names v1.25's Swagger uses, so histories group the same way across the format change. */

const SECTION_TAGS: readonly (readonly [RegExp, string])[] = [
  [/^containers?\b/i, 'Container'],
  [/^images?\b/i, 'Image'],
  [/^volumes?\b/i, 'Volume'],
  [/^networks?\b/i, 'Network'],
  [/^plugins?\b/i, 'Plugin'],
  [/^nodes?\b/i, 'Node'],
  [/^swarm\b/i, 'Swarm'],
  [/^services?\b/i, 'Service'],
  [/^tasks?\b/i, 'Task'],
  [/^secrets?\b/i, 'Secret'],
  [/^exec\b/i, 'Exec'],
  [/^misc\b/i, 'System'],
];

const PATH_TAGS: Readonly<Record<string, string>> = {
  containers: 'Container',
  images: 'Image',
  build: 'Image',
  commit: 'Image',
  exec: 'Exec',
  volumes: 'Volume',
  networks: 'Network',
  plugins: 'Plugin',
  nodes: 'Node',
  swarm: 'Swarm',
  services: 'Service',
  tasks: 'Task',
  secrets: 'Secret',
};

export function tagForSection(title: string): string | undefined {
  return SECTION_TAGS.find(([pattern]) => pattern.test(title.trim()))?.[1];
}

/**
 * The path decides where it is unambiguous (v1.25 files `/containers/{id}/exec` under Exec and
 * `/build` under Image, although the markdown lists them under Containers and Misc); the
 * section is the fallback, and System the last resort, as in v1.25.
 */
export function tagForEndpoint(path: string, sectionTitle: string | undefined): string {
  const segments = path.split('/').filter((s) => s !== '');
  if (segments[0] === 'containers' && segments[2] === 'exec') return 'Exec';
  const byPath = PATH_TAGS[segments[0] ?? ''];
  if (byPath) return byPath;
  return (sectionTitle === undefined ? undefined : tagForSection(sectionTitle)) ?? 'System';
}
