import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSarifLog, formatSarif } from '../../src/formatters/sarif.js';
import type { FileResult } from '../../src/model/finding.js';
import { CONTEXT, CWD, RESULTS } from './fixtures.js';

const require = createRequire(import.meta.url);

/** The SARIF 2.1.0 schema and the validator both ship in the platform package of @microsoft/sarif-multitool. */
function findMultitoolDir(): string | undefined {
  try {
    return path.dirname(require.resolve(`@microsoft/sarif-multitool-${process.platform}/package.json`));
  } catch {
    return undefined;
  }
}

const multitoolDir = findMultitoolDir();
const schemaFile = multitoolDir && path.join(multitoolDir, 'sarif-2.1.0.json');
const hasSchema = Boolean(schemaFile && existsSync(schemaFile));
const executable = multitoolDir && path.join(multitoolDir, process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool');
const hasMultitool = Boolean(executable && existsSync(executable));

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function parse(results: readonly FileResult[]) {
  return JSON.parse(formatSarif(results, CONTEXT));
}

describe('sarif', () => {
  it('prints the fixed results as SARIF', () => {
    expect(formatSarif(RESULTS, CONTEXT)).toMatchSnapshot();
  });

  it.skipIf(!hasSchema)('validates against the official SARIF 2.1.0 JSON schema (ajv)', () => {
    const schema = JSON.parse(readFileSync(schemaFile!, 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    // ajv-formats is not a dependency; these checks are what the schema's formats mean for our output.
    ajv.addFormat('uri', (value: string) => URL.canParse(value));
    ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///base/'));
    ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
    ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu);
    const validate = ajv.compile(schema);
    for (const results of [RESULTS, [] as FileResult[]]) {
      const valid = validate(parse(results));
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
    // The validator is not vacuous: a result without a message is rejected.
    const broken = parse(RESULTS);
    delete broken.runs[0].results[0].message;
    expect(validate(broken)).toBe(false);
  });

  it.skipIf(!hasMultitool)('passes `Sarif.Multitool validate` with neither errors nor warnings', () => {
    // npm may not have run the package's chmod postinstall; run a private executable copy instead of touching node_modules.
    const dir = mkdtempSync(path.join(tmpdir(), 'dac-sarif-'));
    tempDirs.push(dir);
    const tool = path.join(dir, path.basename(executable!));
    copyFileSync(executable!, tool);
    chmodSync(tool, 0o755);
    const input = path.join(dir, 'lint.sarif');
    const output = path.join(dir, 'validation.sarif');
    writeFileSync(input, formatSarif(RESULTS, CONTEXT));
    execFileSync(tool, ['validate', input, '--output', output, '--log', 'ForceOverwrite', '--rule-kind', 'Sarif;Gh'], {
      cwd: dir,
      stdio: 'pipe',
      // Invariant globalization: the tool needs no locale data, so a missing libicu cannot stop it.
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
    });
    const report = JSON.parse(readFileSync(output, 'utf8'));
    const problems = (report.runs[0].results ?? []).map((r: { ruleId: string; level?: string; message: { id?: string; arguments?: string[] } }) => ({
      id: r.message.id,
      ruleId: r.ruleId,
      level: r.level ?? 'warning',
      where: r.message.arguments?.[0],
    }));
    expect(problems.filter((p: { level: string }) => p.level === 'error' || p.level === 'warning')).toEqual([]);
  });

  it('lists every known rule with its docs link, then rules only findings mention', () => {
    const driver = buildSarifLog(RESULTS, CONTEXT).runs[0].tool.driver;
    expect(driver.rules.map((r) => r.id)).toEqual(['no-removed-endpoint', 'no-deprecated-parameter', 'unused-disable-directive', 'no-unknown-rule']);
    expect(driver.rules[0]).toMatchObject({ helpUri: 'https://example.test/rules/no-removed-endpoint.md', defaultConfiguration: { level: 'error' } });
    // A relative docs path is not a URI code scanning can follow.
    expect(driver.rules[1]).not.toHaveProperty('helpUri');
    expect(driver.rules[1]?.defaultConfiguration.level).toBe('warning');
  });

  it('points each result at its rule, file (relative to %SRCROOT%) and region', () => {
    const run = buildSarifLog(RESULTS, CONTEXT).runs[0];
    expect(run.originalUriBaseIds['%SRCROOT%']?.uri).toBe('file:///project/');
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    const first = run.results[0]!;
    expect(first).toMatchObject({ ruleId: 'no-removed-endpoint', level: 'error', message: { text: 'POST /containers/create is not in 1.24.' } });
    expect(first.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'src/client.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 17, endLine: 4, endColumn: 2 },
    });
    const odd = run.results.at(-1)!;
    expect(odd.locations[0]?.physicalLocation.artifactLocation.uri).toBe('src/odd%20name%2C%20with%3A%20chars%25.ts');
  });

  it('uses absolute file URIs outside the working directory and drops impossible regions', () => {
    const outside: FileResult[] = [
      {
        filePath: '/elsewhere/x.ts',
        findings: [{ ruleId: 'no-removed-endpoint', severity: 'error', message: 'm', element: 'GET /x', versions: [], location: { file: 'x', line: 5, column: 9, endLine: 5, endColumn: 2 } }],
        unusedDirectives: [{ file: 'x', line: 0, column: 0, endLine: 0, endColumn: 0 }],
      },
    ];
    const run = buildSarifLog(outside, CONTEXT).runs[0];
    expect(run.results.map((r) => r.locations[0]?.physicalLocation)).toEqual([
      { artifactLocation: { uri: 'file:///elsewhere/x.ts' } },
      { artifactLocation: { uri: 'file:///elsewhere/x.ts' }, region: { startLine: 5, startColumn: 9 } },
    ]);
    expect(path.isAbsolute(CWD)).toBe(true);
  });
});
