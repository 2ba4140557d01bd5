import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MinimumVersion } from '../analyzer/minimum-version.js';
import type { CallRecord, UnknownCall } from '../model/call.js';
import type { FileResult } from '../model/finding.js';
import { escapeHtml } from '../matrix/page.js';

/** Everything the codebase report shows: what the code calls, what it needs, and what breaks in the target range. */
export interface CodebaseReport {
  cwd: string;
  calls: readonly CallRecord[];
  unknown: readonly UnknownCall[];
  minimumVersion: MinimumVersion | null;
  results: readonly FileResult[];
  /** `1.40..1.55`; absent for a scan without a target. */
  targetLabel?: string;
  toolVersion: string;
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:1rem 2rem;color:#1f2328}h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem}
table{border-collapse:collapse;font-size:.85rem}th,td{border:1px solid #d0d7de;padding:2px 8px;text-align:left;vertical-align:top}
.summary{display:flex;gap:2rem;flex-wrap:wrap}.card{border:1px solid #d0d7de;border-radius:6px;padding:.5rem 1rem}.big{font-size:1.6rem;font-weight:700}
.sev-error{color:#82071e;font-weight:700}.sev-warning{color:#6e4a00;font-weight:700}code{background:#f6f8fa;padding:0 3px}
ul.sites{margin:0;padding-left:1.2rem}`;

/** A single self-contained HTML page (no scripts, no external assets) for a CI artifact. */
export function renderCodebaseReport(report: CodebaseReport): string {
  const relative = (file: string) => path.relative(report.cwd, path.resolve(report.cwd, file)).split(path.sep).join('/');
  const link = (file: string, line: number, column?: number) =>
    `<a href="${escapeHtml(pathToFileURL(path.resolve(report.cwd, file)).href)}">${escapeHtml(relative(file))}:${line}${column ? `:${column}` : ''}</a>`;

  const byEndpoint = new Map<string, CallRecord[]>();
  for (const call of report.calls) {
    const key = `${call.method} ${call.path}`;
    byEndpoint.set(key, [...(byEndpoint.get(key) ?? []), call]);
  }
  const endpointRows = [...byEndpoint.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([endpoint, calls]) => {
      const keys = [...new Set(calls.flatMap((c) => c.keys.map((k) => `${k.name} (${k.in})`)))].sort();
      const via = [...new Set(calls.map((c) => c.via))].sort().join(', ');
      const sites = calls.map((c) => `<li>${link(c.location.file, c.location.line, c.location.column)}${c.pinnedVersion ? ` pinned ${escapeHtml(c.pinnedVersion)}` : ''}</li>`).join('');
      return `<tr><td><code>${escapeHtml(endpoint)}</code></td><td>${calls.length}</td><td>${escapeHtml(via)}</td><td>${keys.map((k) => `<code>${escapeHtml(k)}</code>`).join(' ')}</td><td><ul class="sites">${sites}</ul></td></tr>`;
    })
    .join('\n');

  const findings = report.results.flatMap((r) => r.findings);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const findingRows = findings
    .map(
      (f) =>
        `<tr><td class="sev-${f.severity}">${f.severity}</td><td><code>${escapeHtml(f.ruleId)}</code></td><td>${escapeHtml(f.message)}</td><td>${link(f.location.file, f.location.line, f.location.column)}</td></tr>`,
    )
    .join('\n');
  const unknownRows = report.unknown
    .map(
      (u) =>
        `<tr><td><code>${escapeHtml(`${u.method} ${u.path}`)}</code></td><td>${u.nearest ? `<code>${escapeHtml(`${u.nearest.method} ${u.nearest.path}`)}</code>` : ''}</td><td>${link(u.location.file, u.location.line, u.location.column)}</td></tr>`,
    )
    .join('\n');
  const minimum = report.minimumVersion;
  const minimumText = minimum ? `API ${minimum.version}${minimum.docker ? ` (Docker ${minimum.docker})` : ''}` : 'no Engine API calls found';
  const reasons = minimum
    ? minimum.because.map((b) => `<li><code>${escapeHtml(b.element)}</code> at ${link(b.file, b.line)}</li>`).join('')
    : '';

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Docker Engine API report</title><style>${STYLE}</style></head>
<body>
<h1>Docker Engine API report</h1>
<div class="summary">
<div class="card"><div>Oldest Docker Engine this code can talk to</div><div class="big" id="minimum">${escapeHtml(minimumText)}</div></div>
<div class="card"><div>Endpoints called</div><div class="big">${byEndpoint.size}</div><div>${report.calls.length} call sites</div></div>
${report.targetLabel ? `<div class="card"><div>Findings for API ${escapeHtml(report.targetLabel)}</div><div class="big">${errors} errors, ${warnings} warnings</div></div>` : ''}
</div>
${minimum && minimum.because.length > 0 ? `<h2>Why API ${escapeHtml(minimum.version)}</h2><ul>${reasons}</ul>` : ''}
${report.targetLabel ? `<h2>Findings for API ${escapeHtml(report.targetLabel)}</h2>${findings.length ? `<table><thead><tr><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Message</th><th scope="col">Where</th></tr></thead><tbody>${findingRows}</tbody></table>` : '<p>No findings.</p>'}` : ''}
<h2>Calls by endpoint</h2>
${endpointRows ? `<table><thead><tr><th scope="col">Endpoint</th><th scope="col">Calls</th><th scope="col">Via</th><th scope="col">Keys</th><th scope="col">Where</th></tr></thead><tbody>${endpointRows}</tbody></table>` : '<p>No Engine API calls found.</p>'}
${unknownRows ? `<h2>Paths no API version has</h2><table><thead><tr><th scope="col">Path</th><th scope="col">Nearest</th><th scope="col">Where</th></tr></thead><tbody>${unknownRows}</tbody></table>` : ''}
<footer><p>docker-api-compat ${escapeHtml(report.toolVersion)}</p></footer>
</body></html>
`;
}
