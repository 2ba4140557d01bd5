import type { Detector } from '../detector.js';
import { createDockerodeDetector, dockerodeDetector } from '../detectors/dockerode.js';
import { DockerodeProjectIndex } from '../dockerode/project-index.js';
import { collectImportClosure, DEFAULT_IMPORT_CLOSURE_LIMITS, type ImportClosureLimits, type ModuleSource } from './import-closure.js';
import { ProjectSources, type ProjectSourcesOptions } from './project-sources.js';

/**
 * Whether a file may import another file of the project (a relative `import`, `export ... from`,
 * `require()` or `import()`): only such files can use a client created elsewhere. Textual, errs on yes.
 */
export function mayImportProjectModule(text: string): boolean {
  return /(?:\bfrom|\brequire\s*\(|\bimport\s*\(|\bimport)\s*['"`]\.\.?[/'"`]/.test(text);
}

/**
 * The detectors for one scan of several files: the dockerode detector is replaced by one that knows
 * what the other files export (cross-file clients in syntax-only mode). `files` maps each scanned
 * file to its text; other detectors are returned as they are. Cheap: no file is parsed until a
 * receiver is imported from it.
 */
export function bindProjectDetectors(detectors: readonly Detector[], files: ReadonlyMap<string, string>, options: ProjectSourcesOptions = {}): Detector[] {
  if (!detectors.includes(dockerodeDetector)) return [...detectors];
  const index = new DockerodeProjectIndex(new ProjectSources(files, options));
  const bound = createDockerodeDetector(index);
  // No file mentions dockerode: nothing to bind, and the plain detector's triggers stay as narrow as they are.
  if (bound.triggers.length === 0) return [...detectors];
  return detectors.map((d) => (d === dockerodeDetector ? bound : d));
}

/**
 * The detectors for one file checked on its own (a linter, an editor): bindProjectDetectors over the
 * file plus the project modules it imports, transitively and within `limits`, as `source` reads them.
 * So a file that uses a client another module exports finds the same calls as in a whole-project scan.
 * `text` is the file's own text (possibly unsaved); files without relative imports cost nothing.
 */
export function bindFileDetectors(
  detectors: readonly Detector[],
  file: string,
  text: string,
  source: ModuleSource,
  limits: ImportClosureLimits = DEFAULT_IMPORT_CLOSURE_LIMITS,
): Detector[] {
  if (!detectors.includes(dockerodeDetector) || !mayImportProjectModule(text)) return [...detectors];
  const closure = collectImportClosure(file, text, source, limits);
  if (closure.size <= 1) return [...detectors];
  return bindProjectDetectors(detectors, closure, source.parse ? { parse: source.parse } : {});
}
