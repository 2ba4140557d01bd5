import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createMemoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { RULE_IDS } from '../../src/lint/rule.js';
import { REPO_ROOT } from '../helpers/specs.js';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/eslint-project');
const CONFIG_FILE = path.join(FIXTURE, 'eslint.config.js');
/** What `import plugin from 'docker-api-compat/eslint-plugin'` resolves to (the package's self-reference). */
const BUILT_PLUGIN = path.join(REPO_ROOT, 'dist/src/eslint-plugin/index.js');

interface Reported {
  file: string;
  ruleId: string | null;
  severity: number;
  line: number;
  column: number;
  endLine?: number | undefined;
  endColumn?: number | undefined;
  message: string;
}

function compare(a: Reported, b: Reported): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || String(a.ruleId).localeCompare(String(b.ruleId));
}

function requireBuild(): void {
  if (!fs.existsSync(BUILT_PLUGIN)) throw new Error(`${path.relative(REPO_ROOT, BUILT_PLUGIN)} is missing: run npm run build (npm test builds first)`);
}

async function runEslint(): Promise<{ reported: Reported[]; fatal: string[] }> {
  requireBuild();
  const eslint = new ESLint({ cwd: FIXTURE, overrideConfigFile: CONFIG_FILE });
  const results = await eslint.lintFiles(['.']);
  const reported: Reported[] = [];
  const fatal: string[] = [];
  for (const result of results) {
    for (const m of result.messages) {
      if (m.fatal) fatal.push(`${result.filePath}: ${m.message}`);
      const ruleId = m.ruleId?.replace(/^docker-api-compat\//, '') ?? null;
      reported.push({ file: path.relative(FIXTURE, result.filePath), ruleId, severity: m.severity, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, message: m.message });
    }
  }
  return { reported: reported.sort(compare), fatal };
}

async function runCli(): Promise<Reported[]> {
  const io = createMemoryIo({ cwd: FIXTURE, env: {} });
  const code = await main(['lint', '--format', 'json'], io);
  expect(io.err).toBe('');
  expect(code).toBe(1);
  const results = JSON.parse(io.out) as Array<{ filePath: string; messages: Array<Omit<Reported, 'file'>> }>;
  return results
    .flatMap((r) => r.messages.map((m) => ({ file: path.relative(FIXTURE, r.filePath), ...m })))
    .map(({ file, ruleId, severity, line, column, endLine, endColumn, message }) => ({ file, ruleId, severity, line, column, endLine, endColumn, message }))
    .sort(compare);
}

describe('the ESLint plugin, end to end, against `docker-api-compat lint`', () => {
  it('reports the same findings (rule, severity, position, message) on the fixture project', async () => {
    const [eslint, cli] = await Promise.all([runEslint(), runCli()]);
    expect(eslint.fatal).toEqual([]);
    expect(eslint.reported).toEqual(cli);
    // The fixture exercises every rule, a syntax-only .js file, a call only the type checker finds, and a
    // file that never says "dockerode" but calls a client another module exports (src/jobs.ts).
    expect(new Set(cli.map((r) => r.ruleId))).toEqual(new Set(RULE_IDS));
    expect(cli.map((r) => r.file)).toEqual(expect.arrayContaining(['src/legacy.js', 'src/modem.ts', 'src/jobs.ts']));
    expect(cli.filter((r) => r.file === 'src/jobs.ts')).toEqual([
      expect.objectContaining({ ruleId: 'endpoint-unavailable', line: 5, column: 9, message: expect.stringContaining('POST /build/prune') }),
    ]);
    // The suppressed call (disable-next-line) is reported by neither.
    expect(cli.some((r) => r.file === 'src/client.ts' && r.line === 27)).toBe(false);
  });

  it('has the flat config the README shows, verbatim', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const section = /^## ESLint plugin\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
    const snippet = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    expect(snippet, 'README "## ESLint plugin" needs a ```js block with test/fixtures/eslint-project/eslint.config.js').toBe(fs.readFileSync(CONFIG_FILE, 'utf8'));
  });
});
