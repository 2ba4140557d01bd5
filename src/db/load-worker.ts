import { parentPort } from 'node:worker_threads';
import { loadMarkdownSpec } from '../loaders/markdown.js';
import { loadSwaggerSpec } from '../loaders/swagger.js';
import type { Surface } from '../model/surface.js';

/**
 * Worker thread for `loadSpecDirectory`: loads one spec file per message so a full build uses
 * every core (Swagger validation is CPU-bound). Errors travel back as name + message.
 */
export interface LoadRequest {
  id: number;
  file: string;
  format: 'markdown' | 'swagger';
  validate: boolean;
}

export type LoadReply = { id: number; surface: Surface } | { id: number; error: { name: string; message: string } };

parentPort?.on('message', (request: LoadRequest) => {
  const load = request.format === 'markdown' ? loadMarkdownSpec(request.file) : loadSwaggerSpec(request.file, { validate: request.validate });
  load.then(
    (surface) => parentPort!.postMessage({ id: request.id, surface } satisfies LoadReply),
    (error: unknown) =>
      parentPort!.postMessage({
        id: request.id,
        error: { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) },
      } satisfies LoadReply),
  );
});
