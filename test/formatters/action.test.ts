import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/specs.js';

// The composite action's shell steps, run with bash against a stand-in CLI that records its argv.

interface Step {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

interface ActionFile {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

const action = yaml.load(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionFile;
const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function step(name: string): Step {
  const found = action.runs.steps.find((s) => s.name === name);
  if (!found) throw new Error(`no step ${name}`);
  return found;
}

/** Resolves the `${{ inputs.x }}` expressions the steps' env uses; anything else is a test bug. */
function resolveEnv(env: Record<string, string>, inputs: Record<string, string>): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    resolved[key] = value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/gu, (_m, name: string) => {
      const input = inputs[name] ?? action.inputs[name]?.default;
      if (input === undefined) throw new Error(`unknown input ${name}`);
      return input;
    });
    if (resolved[key]!.includes('${{')) throw new Error(`unresolved expression in ${key}`);
  }
  return resolved;
}

function runStep(name: string, inputs: Record<string, string>, exitCode: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'dac-action-'));
  tempDirs.push(dir);
  const actionPath = path.join(dir, 'action');
  mkdirSync(path.join(actionPath, 'bin'), { recursive: true });
  const argvFile = path.join(dir, 'argv.json');
  writeFileSync(
    path.join(actionPath, 'bin/docker-api-compat.js'),
    `require('fs').appendFileSync(${JSON.stringify(argvFile)}, JSON.stringify(process.argv.slice(2)) + '\\n'); process.exit(${exitCode});\n`,
  );
  const outputFile = path.join(dir, 'output');
  writeFileSync(outputFile, '');
  const work = path.join(dir, 'work');
  mkdirSync(work);
  // A file a shell glob would match, to prove globs reach the CLI unexpanded.
  writeFileSync(path.join(work, 'a.ts'), '');
  const definition = step(name);
  const result = spawnSync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', definition.run!], {
    cwd: work,
    env: { PATH: process.env.PATH, GITHUB_ACTION_PATH: actionPath, GITHUB_OUTPUT: outputFile, ...resolveEnv(definition.env ?? {}, inputs) },
    encoding: 'utf8',
  });
  const argv = readFileSafe(argvFile)
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as string[]);
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { status: result.status, argv, outputs, work, stderr: result.stderr };
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

describe.skipIf(process.platform === 'win32')('action.yml', () => {
  it('is a composite action whose lint steps pass inputs through env, never inline', () => {
    expect(action.runs.using).toBe('composite');
    for (const s of action.runs.steps.filter((x) => x.run)) expect(s.run).not.toContain('${{');
    expect(step('Upload SARIF to code scanning').uses).toMatch(/^github\/codeql-action\/upload-sarif@v\d+$/u);
  });

  it('runs lint with target, SARIF output, extra args and unexpanded globs; findings do not fail that step', () => {
    const run = runStep('Lint (SARIF)', { target: '1.41', paths: 'src/**/*.ts *.ts', args: '--max-warnings 0 --config ci.json' }, 1);
    expect(run.status).toBe(0);
    expect(run.argv).toEqual([['lint', '--target', '1.41', '--format', 'sarif', '--output-file', 'docker-api-compat.sarif', '--max-warnings', '0', '--config', 'ci.json', 'src/**/*.ts', '*.ts']]);
    expect(run.outputs).toEqual({ 'exit-code': '1', 'sarif-file': path.join(run.work, 'docker-api-compat.sarif') });
  });

  it('leaves --target out when the input is empty and fails the step on usage errors', () => {
    const run = runStep('Lint (SARIF)', { target: '' }, 2);
    expect(run.status).toBe(2);
    expect(run.argv).toEqual([['lint', '--format', 'sarif', '--output-file', 'docker-api-compat.sarif', '.']]);
    expect(run.outputs['exit-code']).toBe('2');
  });

  it('keeps shell metacharacters in inputs as plain arguments', () => {
    const run = runStep('Lint (SARIF)', { target: '1.41; touch pwned', paths: '$(touch pwned2)' }, 0);
    expect(run.status).toBe(0);
    expect(run.argv[0]).toEqual(['lint', '--target', '1.41; touch pwned', '--format', 'sarif', '--output-file', 'docker-api-compat.sarif', '$(touch', 'pwned2)']);
  });

  it('prints annotations with --format github, tolerating findings but not errors', () => {
    const findings = runStep('Lint (annotations)', { target: '1.24' }, 1);
    expect(findings.status).toBe(0);
    expect(findings.argv).toEqual([['lint', '--target', '1.24', '--format', 'github', '.']]);
    expect(runStep('Lint (annotations)', {}, 2).status).not.toBe(0);
  });
});
