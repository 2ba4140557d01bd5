import type { CallKey } from '../model/call.js';

/** How findings name what they are about: the message subject and the short Finding.element. */

export function describeEndpoint(call: { method: string; path: string }): string {
  return `${call.method} ${call.path}`;
}

const KEY_KIND: Record<CallKey['in'], string> = {
  query: 'query parameter',
  path: 'path parameter',
  header: 'header',
  body: 'body field',
};

/** `POST /containers/create body field HostConfig.CgroupnsMode` */
export function describeKeySubject(call: { method: string; path: string }, key: CallKey): string {
  return `${describeEndpoint(call)} ${KEY_KIND[key.in]} ${key.name}`;
}

/** `POST /containers/create HostConfig.CgroupnsMode` */
export function describeKeyElement(call: { method: string; path: string }, key: CallKey): string {
  return `${describeEndpoint(call)} ${key.name}`;
}
