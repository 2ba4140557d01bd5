import type { CallKey } from '../model/call.js';
import type { ElementHistory, EndpointHistory, ParameterHistory } from '../model/history.js';

/**
 * Finds the history of a query, path or header key a call sends. Returns undefined when the key
 * cannot be judged: a header no version documents (Content-Type, Authorization: plain HTTP, not API)
 * or a path segment the matched template already names.
 */
export function findParameterElement(endpoint: EndpointHistory, key: CallKey): ElementHistory | undefined {
  if (key.in === 'body') return undefined;
  const parameter = findParameterHistory(endpoint, key);
  if (key.in === 'query') return parameter ?? { present: [] };
  if (key.in === 'path' && endpoint.path.includes(`{${key.name}}`)) return endpoint;
  return parameter;
}

export function findParameterHistory(endpoint: EndpointHistory, key: CallKey): ParameterHistory | undefined {
  if (key.in === 'header') {
    const name = key.name.toLowerCase();
    return endpoint.parameters.find((p) => p.in === 'header' && p.name.toLowerCase() === name);
  }
  return endpoint.parameters.find((p) => p.in === key.in && p.name === key.name);
}
