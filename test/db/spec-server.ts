import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SPECS_DIR } from '../helpers/specs.js';

export interface SpecServer {
  baseUrl: string;
  /** Request paths seen, in order. */
  requests: string[];
  close(): Promise<void>;
}

export interface SpecServerOptions {
  /** Upstream paths whose body gets one extra byte. */
  tamper?: string[];
  /** Upstream paths answered with 404. */
  missing?: string[];
}

/**
 * Serves the local copy of the upstream files at their moby paths, for any ref:
 * `/<ref>/api/docs/v1.41.yaml`, `/<ref>/api/swagger.yaml` (the in-development v1.56), on 127.0.0.1 only.
 */
export async function startSpecServer(options: SpecServerOptions = {}): Promise<SpecServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push(url);
    const upstream = url.split('/').slice(2).join('/');
    const local = toLocalFile(upstream);
    if (!local || options.missing?.includes(upstream)) {
      res.writeHead(404).end('not found');
      return;
    }
    readFile(path.join(SPECS_DIR, local)).then(
      (data) => {
        res.writeHead(200, { 'content-type': 'text/plain' }).end(options.tamper?.includes(upstream) ? Buffer.concat([data, Buffer.from('\n')]) : data);
      },
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function toLocalFile(upstream: string): string | undefined {
  if (upstream === 'api/swagger.yaml') return 'v1.56.yaml';
  const match = /^api\/docs\/(CHANGELOG\.md|v\d+\.\d+\.(?:md|yaml))$/.exec(upstream);
  return match?.[1];
}
