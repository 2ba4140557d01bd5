/**
 * docker-api-compat as a library: the same functions the CLI calls.
 * Data first (loaders -> surfaces -> history), then questions about it (since, diff, changelog),
 * then user code (scan) and judgement (lint, rules, formatters).
 */
export type * from './model/surface.js';
export type * from './model/history.js';
export type * from './model/call.js';
export type * from './model/finding.js';
export { compareVersions, normalizeVersion, parseVersion, sortVersions } from './model/version.js';
export { findApiVersionForDocker, findDefaultMinApiVersion, findDockerRelease, findVersionStatus } from './model/release-info.js';
export { InputError, UsageError } from './errors.js';

export { loadSwaggerSpec, parseSwaggerSpec } from './loaders/swagger.js';
export { alignPathParameterNames, loadMarkdownSpec, parseMarkdownSpec } from './loaders/markdown.js';
export { parseChangelog } from './loaders/changelog.js';
export { listSpecFiles, loadHistoryFromSpecs, loadSpecDirectory } from './loaders/index.js';

export { buildHistory } from './history/build.js';
export { buildSurfaceAt, findEndpoint, isDeprecatedIn, isPresentIn } from './history/query.js';
export { decodeDatabase, encodeDatabase } from './db/codec.js';
export { loadEmbeddedHistory } from './db/embedded.js';
export { loadHistory } from './db/load-history.js';

export { diffSurfaces } from './diff/diff-surfaces.js';
export { classifyChange, classifyChanges, isBreaking } from './checker/classify.js';
export { formatSinceText, querySince, toSinceJson } from './query/since.js';
export { formatDiff, queryDiff, toDiffJson } from './query/diff.js';
export { formatChangelogMarkdown, queryChangelog, toChangelogJson } from './query/changelog.js';

export { indexOperationIds, scanFiles, scanSource } from './analyzer/scan.js';
export { findMinimumVersion } from './analyzer/minimum-version.js';
export { lintCalls } from './lint/engine.js';
export { lintFiles } from './lint/lint-files.js';
export { parseTarget, resolveTarget } from './lint/target.js';
export { FORMATTERS, isFormatterId } from './formatters/index.js';
export { buildMatrixData } from './matrix/data.js';
export { writeMatrixSite } from './matrix/site.js';
export { renderCodebaseReport } from './report/html.js';
