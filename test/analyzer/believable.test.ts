import { describe, expect, it } from 'vitest';
import { scanSnippet } from './scan-snippet.js';

const at = (text: string) => scanSnippet(text).calls.map((c) => `${c.call} @${c.at}`);

describe('generic HTTP calls need some sign of Docker', () => {
  it('drops generic one-segment paths in a web app that never mentions Docker', () => {
    expect(
      at(`import axios from 'axios';
export async function load(base: string, id: string) {
  await fetch(\`\${base}/info\`);
  await axios.get('/version');
  await fetch('/auth', { method: 'POST' });
  await axios.get(\`/services/\${id}\`);
  await fetch('http://localhost:3000/events');
}
`),
    ).toEqual([]);
  });

  it('keeps specific Engine paths, pinned paths and daemon URLs in the same web app', () => {
    expect(
      at(`import axios from 'axios';
export async function load(base: string, id: string) {
  await fetch(\`\${base}/containers/json\`);
  await axios.delete(\`/containers/\${id}\`);
  await fetch('/v1.41/info');
  await fetch('http://localhost/version');
  await fetch('http://build-host:2376/info');
  await fetch('/_ping');
}
`),
    ).toEqual([
      'GET /containers/json @3:9',
      'DELETE /containers/{id} @4:9',
      'GET /info @5:9',
      'GET /version @6:9',
      'GET /info @7:9',
      'GET /_ping @8:9',
    ]);
  });

  it('keeps generic paths when the file talks to Docker elsewhere', () => {
    expect(
      at(`import axios from 'axios';
const engine = axios.create({ socketPath: '/var/run/docker.sock' });
export const info = () => engine.get('/info');
export const version = (base: string) => fetch(\`\${base}/version\`);
`),
    ).toEqual(['GET /info @3:27', 'GET /version @4:42']);
  });
});
