import type { ClassifiedChange } from '../checker/classify.js';
import type { HttpMethod } from '../model/surface.js';

/** A change as listed: an added or removed field carries its added or removed sub-fields along. */
export interface ListedChange extends ClassifiedChange {
  /** Dotted paths of sub-fields added or removed together with this field. */
  nested?: string[];
}

export interface EndpointChanges {
  method: HttpMethod;
  path: string;
  changes: ListedChange[];
}

/**
 * Groups already-sorted changes by endpoint, keeping their order. A field added or removed with
 * its whole subtree is listed once, its sub-fields folded into `nested`: a removed `ContainerConfig`
 * is one line, not thirty.
 */
export function groupByEndpoint(changes: readonly ClassifiedChange[]): EndpointChanges[] {
  const groups: EndpointChanges[] = [];
  const roots = new Map<string, ListedChange>();
  for (const change of changes) {
    if (change.name !== undefined && /-field-(added|removed)$/.test(change.kind)) {
      const segments = change.name.split('.');
      const ancestor = segments
        .slice(0, -1)
        .map((_, i) => roots.get(foldKey(change, segments.slice(0, i + 1).join('.'))))
        .find((r) => r !== undefined);
      if (ancestor) {
        (ancestor.nested ??= []).push(change.name);
        continue;
      }
      const listed: ListedChange = { ...change };
      roots.set(foldKey(change, change.name), listed);
      pushGrouped(groups, listed);
      continue;
    }
    pushGrouped(groups, change);
  }
  return groups;
}

function foldKey(change: ClassifiedChange, name: string): string {
  return JSON.stringify([change.method, change.path, change.location, change.kind, name]);
}

function pushGrouped(groups: EndpointChanges[], change: ListedChange): void {
  const last = groups.at(-1);
  if (last && last.method === change.method && last.path === change.path) last.changes.push(change);
  else groups.push({ method: change.method, path: change.path, changes: [change] });
}

/** The JSON form of one change: facts plus the verdict, no empty keys. */
export function toChangeJson(change: ListedChange): Record<string, unknown> {
  const { kind, location, name, value, before, after, required, severity, check, nested } = change;
  return {
    kind,
    location,
    ...(name === undefined ? {} : { name }),
    ...(value === undefined ? {} : { value }),
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
    ...(required === undefined ? {} : { required }),
    breaking: severity === 'breaking',
    check,
    ...(nested === undefined ? {} : { nested }),
  };
}
