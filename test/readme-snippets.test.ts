import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/specs.js';

const CLI = path.join(REPO_ROOT, 'bin/docker-api-compat.js');
const README = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

/** The code block right after `<!-- readme-snippet: NAME -->`. */
function readSnippet(name: string): string {
  const match = new RegExp(`<!-- readme-snippet: ${name} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(README);
  if (!match) throw new Error(`README has no snippet named ${name}`);
  return match[1]!;
}

/** The snippets call the published package through npx; here they run the CLI built from this checkout. */
function useLocalCli(command: string): string {
  return command.replace(/npx (--yes )?docker-api-compat/g, `node ${JSON.stringify(CLI)}`);
}

const VIOLATING = "export const list = () => fetch('http://localhost/images/json?shared-size=1');\n";
const FIXED = "export const list = () => fetch('http://localhost/images/json?all=1');\n";

function run(command: string, cwd: string) {
  return spawnSync('bash', ['-e', '-o', 'pipefail', '-c', command], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
}

describe('README snippets, run as written', () => {
  let dir: string;
  beforeAll(async () => {
    if (!existsSync(path.join(REPO_ROOT, 'dist/src/cli/main.js'))) throw new Error('dist/ is missing: run npm run build');
    dir = await mkdtemp(path.join(os.tmpdir(), 'readme-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('GitHub Actions: annotations fail the job on findings, and SARIF is written for code scanning', async () => {
    const workflow = yaml.load(readSnippet('github-actions')) as { jobs: Record<string, { steps: { run?: string; uses?: string; with?: Record<string, string> }[] }> };
    const steps = Object.values(workflow.jobs)[0]!.steps;
    const runs = steps.filter((s) => s.run).map((s) => useLocalCli(s.run!));
    expect(runs).toHaveLength(2);
    const project = path.join(dir, 'gha');
    await mkdir(path.join(project, 'src'), { recursive: true });
    await writeFile(path.join(project, 'src/images.ts'), VIOLATING);

    const annotations = run(runs[0]!, project);
    expect(annotations.status).toBe(1);
    expect(annotations.stdout).toMatch(/^::error file=src\/images\.ts,line=1,col=\d+,.*title=parameter-unavailable::.*shared-size/m);

    const sarif = run(runs[1]!, project);
    expect(sarif.status).toBe(1);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    const log = JSON.parse(await readFile(path.join(project, upload.with!.sarif_file!), 'utf8'));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['parameter-unavailable']);

    await writeFile(path.join(project, 'src/images.ts'), FIXED);
    expect(run(runs[0]!, project).status).toBe(0);
  });

  it('husky pre-commit: the staged content decides, not the working tree', async () => {
    const repo = path.join(dir, 'hook');
    await mkdir(path.join(repo, 'src'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'test');
    const hook = useLocalCli(readSnippet('pre-commit'));

    await writeFile(path.join(repo, 'src/images.ts'), VIOLATING);
    git('add', 'src/images.ts');
    const blocked = run(hook, repo);
    expect(blocked.status).toBe(1);
    expect(blocked.stdout).toContain('shared-size');

    // Fixed in the index while the working tree still has the violation: the commit may go ahead.
    await writeFile(path.join(repo, 'src/images.ts'), FIXED);
    git('add', 'src/images.ts');
    await writeFile(path.join(repo, 'src/images.ts'), VIOLATING);
    expect(run(hook, repo).status).toBe(0);

    // And the reverse: a clean working tree does not hide a violating staged file.
    git('add', 'src/images.ts');
    await writeFile(path.join(repo, 'src/images.ts'), FIXED);
    expect(run(hook, repo).status).toBe(1);
  });
});
