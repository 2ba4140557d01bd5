import { scanSource } from '../../src/analyzer/scan.js';
import type { Detector } from '../../src/analyzer/detector.js';
import { TEMPLATES } from './templates.js';

/** Compact view of a snippet's calls: `GET /containers/json @3:1 [query:all]`. */
export function scanSnippet(text: string, detectors?: Detector[], fileName = 'snippet.ts') {
  const result = scanSource(fileName, text, { templates: TEMPLATES, ...(detectors ? { detectors } : {}) });
  return {
    calls: result.calls.map((c) => ({
      call: `${c.method} ${c.path}`,
      at: `${c.location.line}:${c.location.column}`,
      via: c.via,
      keys: c.keys.map((k) => `${k.in}:${k.name}`),
      pinned: c.pinnedVersion,
    })),
    unknown: result.unknown,
    notices: result.notices,
  };
}
