import ts from 'typescript';
import type { DetectedCall, Detector, DetectorContext } from '../detector.js';
import { findOptionsArgument, readDockerodeKeys } from '../dockerode/keys.js';
import { findDockerodeMethod, findDockerodeRequests } from '../dockerode/lookup.js';
import type { DockerodeProjectIndex } from '../dockerode/project-index.js';
import { DockerodeReceiverResolver, type DockerodeProjectLookup } from '../dockerode/receiver.js';
import { DOCKERODE_TABLE } from '../dockerode/table.js';
import { skipValueWrappers } from '../scope.js';

/**
 * Calls through dockerode: receivers are resolved by type (typed mode) or by tracking the client
 * from its `dockerode` import through factories and awaited results; each method maps through the
 * table generated from dockerode's own source to the request it sends.
 */
export const dockerodeDetector: Detector = createDockerodeDetector();

/**
 * The detector, optionally with the other files of the scan: receivers imported from them
 * (`import { docker } from './docker'`) then resolve without types too, and files that import
 * such a module run the detector even when they never mention `dockerode`.
 */
export function createDockerodeDetector(project?: DockerodeProjectIndex): Detector {
  return {
    via: 'dockerode',
    triggers: project ? project.findTriggerWords() : ['dockerode'],
    detect: (context) => detectDockerodeCalls(context, project),
  };
}

/** Every method name of any dockerode class: other calls never need their receiver resolved. */
const METHOD_NAMES: ReadonlySet<string> = new Set(DOCKERODE_TABLE.map((e) => e.name));

export function detectDockerodeCalls(context: DetectorContext, project?: DockerodeProjectLookup): DetectedCall[] {
  const resolver = new DockerodeReceiverResolver({ sourceFile: context.sourceFile, checker: context.checker }, project);
  const found: DetectedCall[] = [];
  for (const call of context.calls) {
    if (!ts.isCallExpression(call)) continue;
    const callee = skipValueWrappers(call.expression);
    let receiver: ts.Expression;
    let name: string;
    if (ts.isPropertyAccessExpression(callee)) {
      receiver = callee.expression;
      name = callee.name.text;
    } else if (ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)) {
      receiver = callee.expression;
      name = callee.argumentExpression.text;
    } else {
      continue;
    }
    if (!METHOD_NAMES.has(name)) continue;
    const owner = resolver.resolve(receiver);
    if (!owner) continue;
    const entry = findDockerodeMethod(owner.className, name);
    if (!entry || entry.kind === 'factory' || entry.kind === 'local') continue;
    const optionsArg = entry.optionsArg;
    const authArg = entry.kind === 'request' ? entry.authArg : null;
    const options = findOptionsArgument(call.arguments, optionsArg, authArg);
    for (const request of findDockerodeRequests(owner.className, name)) {
      const added = entry.kind === 'delegate' ? [...request.addedKeys, ...entry.addedKeys] : request.addedKeys;
      const { keys, sharedKeys } = readDockerodeKeys(request, options, [...new Set(added)], context);
      const detected: DetectedCall = {
        node: call,
        method: request.http,
        path: request.path,
        isTemplate: true,
        via: 'dockerode',
        keys,
        pinnedVersion: owner.pinnedVersion,
      };
      if (sharedKeys.length > 0) detected.sharedKeys = sharedKeys;
      found.push(detected);
    }
  }
  return found;
}
