import type { HttpMethod } from '../../model/surface.js';

/** The dockerode classes whose methods reach the Engine API. `Docker` is the client (`new Docker()`). */
export type DockerodeClassName =
  | 'Docker'
  | 'Container'
  | 'Image'
  | 'Volume'
  | 'Network'
  | 'Service'
  | 'Task'
  | 'Node'
  | 'Plugin'
  | 'Secret'
  | 'Config'
  | 'Exec';

/** A method that dials the daemon itself: `container.logs(opts)` -> GET /containers/{id}/logs. */
export interface DockerodeRequestMethod {
  kind: 'request';
  className: DockerodeClassName;
  name: string;
  http: HttpMethod;
  /** Spec template: dockerode's `this.id` / `this.name` become `{id}` / `{name}`. */
  path: string;
  /** docker-modem sends the options (or their `_query`) as the query string: the path literal has a `?`. */
  optionsInQuery: boolean;
  /** docker-modem sends the options (or their `_body`) as the JSON body: a POST without a file upload. */
  optionsInBody: boolean;
  /** Which argument of the user's call carries the options; null when the method forwards none. */
  optionsArg: number | null;
  /** Position of a separate auth argument; when the options position is empty the first argument is the options. */
  authArg: number | null;
  /** Keys dockerode itself puts on the forwarded options (`commit` sets `container`). */
  addedKeys: string[];
  /** Keys removed before the request is built (credentials, abort signals). */
  strippedKeys: string[];
  /** Class of the object the call resolves to (`createContainer` -> Container), for receiver tracking. */
  resolves: DockerodeClassName | null;
}

/** A method that only builds another object: `docker.getContainer(id)` sends nothing. */
export interface DockerodeFactoryMethod {
  kind: 'factory';
  className: DockerodeClassName;
  name: string;
  returns: DockerodeClassName;
}

/** A method that sends its request through other methods of the same class (`pull` -> `createImage`). */
export interface DockerodeDelegateMethod {
  kind: 'delegate';
  className: DockerodeClassName;
  name: string;
  delegatesTo: string[];
  optionsArg: number | null;
  addedKeys: string[];
}

/** A public method that talks to no endpoint (`followProgress`). */
export interface DockerodeLocalMethod {
  kind: 'local';
  className: DockerodeClassName;
  name: string;
}

export type DockerodeMethodEntry = DockerodeRequestMethod | DockerodeFactoryMethod | DockerodeDelegateMethod | DockerodeLocalMethod;
