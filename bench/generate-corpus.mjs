// Generates a synthetic but realistic TypeScript codebase for the benchmarks:
// a tsconfig, modules importing each other, classes holding a dockerode client, fetch and axios
// calls on the Docker socket, and a majority of unrelated code. Deterministic from a seed.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: a tiny seeded PRNG, so the same seed always writes the same tree. */
function createRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RAW_CALLS = [
  (v) => `const res = await fetch(\`http://localhost/v1.41/containers/\${${v}}/json?size=true\`);`,
  (v) => `const res = await axios.get(\`/containers/\${${v}}/logs\`, { socketPath: '/var/run/docker.sock', params: { stdout: true, tail: 10 } });`,
  () => `const res = await axios.post('/images/create', null, { socketPath: '/var/run/docker.sock', params: { fromImage: 'alpine', platform: 'linux/amd64' } });`,
  () => `const res = await fetch('http://localhost/images/json?shared-size=1&manifests=true');`,
  () => `const res = await fetch('http://localhost/system/df?type=volume', { method: 'GET' });`,
];

const DOCKERODE_CALLS = [
  (v) => `await this.docker.getContainer(${v}).inspect();`,
  () => `await this.docker.listContainers({ all: true, filters: { status: ['running'] } });`,
  () => `await this.docker.createContainer({ Image: 'alpine', HostConfig: { Memory: 1024, NetworkMode: 'bridge' } });`,
  (v) => `await this.docker.getImage(${v}).inspect();`,
  () => `await this.docker.pruneBuilder();`,
  (v) => `await this.docker.getContainer(${v}).logs({ stdout: true, follow: false, since: 0 });`,
];

function unrelatedModule(random, index, imports) {
  const lines = imports.map((i) => `import { compute${i} } from './module${i}.js';`);
  lines.push(`export interface Record${index} { id: number; name: string; tags: string[]; }`);
  const functions = 3 + Math.floor(random() * 5);
  for (let f = 0; f < functions; f++) {
    lines.push(
      `export function helper${index}_${f}(items: Record${index}[], limit = ${f + 2}): string[] {`,
      `  const out: string[] = [];`,
      `  for (const item of items.slice(0, limit)) {`,
      `    if (item.tags.includes('x${f}')) out.push(item.name.toUpperCase());`,
      `    else out.push(\`\${item.id}:\${item.name}\`);`,
      `  }`,
      `  console.log('processed', out.length, 'items of /containers/json style names');`,
      `  return out.sort();`,
      `}`,
    );
  }
  lines.push(
    `export function compute${index}(n: number): number {`,
    `  let acc = ${index};`,
    ...imports.map((i) => `  acc += compute${i}(n - 1 > 0 ? 0 : n);`),
    `  return acc * n;`,
    `}`,
  );
  return lines.join('\n') + '\n';
}

function dockerModule(random, index, imports) {
  const lines = [`import Docker from 'dockerode';`, `import axios from 'axios';`];
  lines.push(...imports.map((i) => `import { compute${i} } from './module${i}.js';`));
  lines.push(`export class Service${index} {`, `  private docker = new Docker({ socketPath: '/var/run/docker.sock' });`);
  const methods = 2 + Math.floor(random() * 3);
  for (let m = 0; m < methods; m++) {
    const call = random() < 0.5 ? DOCKERODE_CALLS[Math.floor(random() * DOCKERODE_CALLS.length)] : RAW_CALLS[Math.floor(random() * RAW_CALLS.length)];
    lines.push(`  async run${m}(id: string): Promise<unknown> {`, `    ${call('id').replace(/\n/g, '\n    ')}`);
    lines.push(call('id').startsWith('const res') ? `    return res;` : `    return ${imports.length ? `compute${imports[0]}(1)` : '0'};`, `  }`);
  }
  lines.push(`}`);
  lines.push(`export function compute${index}(n: number): number {`, `  return n + ${index};`, `}`);
  return lines.join('\n') + '\n';
}

export function generateCorpus(outDir, fileCount, seed = 42) {
  const random = createRandom(seed * 100_003 + fileCount);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(path.join(outDir, 'src'), { recursive: true });
  writeFileSync(
    path.join(outDir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true, types: [] }, include: ['src'] }, null, 2),
  );
  // axios is not a dependency of this project; a one-line declaration keeps tsc honest about the corpus.
  writeFileSync(path.join(outDir, 'src', 'axios.d.ts'), `declare module 'axios' { const axios: any; export default axios; }\n`);
  for (let i = 0; i < fileCount; i++) {
    const imports = [];
    for (let k = 0; k < 2; k++) if (i > 0 && random() < 0.7) imports.push(Math.floor(random() * i));
    const unique = [...new Set(imports)];
    const content = random() < 0.2 ? dockerModule(random, i, unique) : unrelatedModule(random, i, unique);
    writeFileSync(path.join(outDir, 'src', `module${i}.ts`), content);
  }
  return outDir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out = 'bench/corpus/100', count = '100', seed = '42'] = process.argv.slice(2);
  generateCorpus(out, Number(count), Number(seed));
  console.log(`wrote ${count} files to ${out}`);
}
