// The benchmark suite: runs the BUILT CLI (bin/docker-api-compat.js) in fresh processes against
// generated corpora and prints one table of medians and same-run ratios against baselines.
//
//   npm run bench                 # build, then the full suite (corpora of 100, 1,000 and 5,000 files)
//   node bench/run.mjs --quick    # tiny corpora, one run each: checks the suite itself works
//   node bench/run.mjs --runs 5 --specs ../shared/docker-api-specs --json
//
// Each figure is the median of --runs runs (default 3); the two sides of a comparison alternate, so
// load from other processes hits both alike. Wall time is measured here; peak RSS comes from GNU time
// (`/usr/bin/time -f %M`) or, without it, from polling the child's VmHWM in /proc.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate-corpus.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH_DIR);
const CLI = path.join(ROOT, 'bin', 'docker-api-compat.js');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const PARSE_ONLY = path.join(BENCH_DIR, 'parse-only.cjs');
const SINCE_QUERY = 'POST /containers/create HostConfig.CgroupnsMode';

const options = parseArgs(process.argv.slice(2));
const sizes = options.quick ? { small: 20, medium: 40, large: 80 } : { small: 100, medium: 1000, large: 5000 };
const runs = options.runs ?? (options.quick ? 1 : 3);
const gnuTime = findGnuTime();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'docker-api-compat-bench-'));

if (!existsSync(path.join(ROOT, 'dist', 'src', 'cli', 'main.js'))) fail('dist/ is missing: run `npm run build` first (or `npm run bench`)');

const started = process.hrtime.bigint();
const rows = [];
try {
  const corpus = {};
  for (const [name, count] of Object.entries(sizes)) corpus[name] = prepareCorpus(count);

  progress(`typed lint vs tsc --noEmit (${sizes.medium} files)`);
  const lintVsTsc = await compare(
    cli(['lint', '.', '--format', 'json'], corpus.medium),
    { command: process.execPath, args: [TSC, '-p', '.', '--noEmit'], cwd: corpus.medium, okCodes: [0, 1, 2] },
  );
  rows.push(row(`lint (typed) vs tsc --noEmit, ${sizes.medium} files: wall`, seconds(lintVsTsc.a.wall), seconds(lintVsTsc.b.wall), lintVsTsc.a.wall / lintVsTsc.b.wall, 0.8));
  rows.push(row(`lint (typed) vs tsc --noEmit, ${sizes.medium} files: peak RSS`, megabytes(lintVsTsc.a.rss), megabytes(lintVsTsc.b.rss), lintVsTsc.a.rss / lintVsTsc.b.rss, 1.0));

  progress(`scan --no-types vs parse-only (${sizes.medium} files)`);
  const scanVsParse = await compare(cli(['scan', '.', '--no-types', '--format', 'json'], corpus.medium), {
    command: process.execPath,
    args: [PARSE_ONLY, '.'],
    cwd: corpus.medium,
  });
  rows.push(row(`scan --no-types vs parse-only, ${sizes.medium} files: wall`, seconds(scanVsParse.a.wall), seconds(scanVsParse.b.wall), scanVsParse.a.wall / scanVsParse.b.wall, 1.5));

  progress('cold since vs node -e 0');
  const sinceVsNode = await compare(cli(['since', SINCE_QUERY], ROOT), { command: process.execPath, args: ['-e', '0'], cwd: ROOT });
  rows.push(row(`since "${SINCE_QUERY}" vs node -e 0: wall`, seconds(sinceVsNode.a.wall), seconds(sinceVsNode.b.wall), sinceVsNode.a.wall / sinceVsNode.b.wall, 3));

  const specsDir = options.specs ?? process.env.DOCKER_API_SPECS ?? path.resolve(ROOT, '..', 'shared', 'docker-api-specs');
  if (existsSync(specsDir)) {
    progress(`specs build --from ${specsDir}`);
    const out = path.join(scratch, 'specs-out');
    const build = await medianOf(cli(['specs', 'build', '--from', specsDir, '--out', out], ROOT));
    rows.push(row('specs build (all 57 versions, validated): wall', seconds(build.wall), '', undefined, undefined, build.wall <= 5000 ? 'met' : 'NOT met', '<= 5 s'));
  } else {
    rows.push(row('specs build', 'skipped', `no spec folder at ${specsDir}`, undefined, undefined, 'n/a', '<= 5 s'));
  }

  progress(`scan --no-types per file, ${sizes.medium} vs ${sizes.large} files`);
  const growth = await compare(cli(['scan', '.', '--no-types', '--format', 'json'], corpus.large), cli(['scan', '.', '--no-types', '--format', 'json'], corpus.medium));
  const perLarge = growth.a.wall / sizes.large;
  const perMedium = growth.b.wall / sizes.medium;
  rows.push(row(`scan --no-types time per file, ${sizes.large} vs ${sizes.medium} files`, `${perLarge.toFixed(3)} ms`, `${perMedium.toFixed(3)} ms`, perLarge / perMedium, 1.2));

  progress(`lint --cache second run vs first run (${sizes.medium} files)`);
  const cacheFile = path.join(scratch, 'lint-cache');
  const cached = await compare(
    { ...cli(['lint', '.', '--cache', '--cache-location', cacheFile, '--format', 'json'], corpus.medium) },
    { ...cli(['lint', '.', '--cache', '--cache-location', cacheFile, '--format', 'json'], corpus.medium), before: () => rmSync(cacheFile, { force: true }) },
    { bFirst: true },
  );
  rows.push(row(`lint --cache, ${sizes.medium} files: second run vs first`, seconds(cached.a.wall), seconds(cached.b.wall), cached.a.wall / cached.b.wall, 0.1));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
if (options.json) {
  process.stdout.write(`${JSON.stringify({ machine: describeMachine(), runs, sizes, elapsedSeconds: elapsed, rows }, null, 2)}\n`);
} else {
  process.stdout.write(`${describeMachine().join('\n')}\nMedian of ${runs} run(s) per figure; ratios are ours / baseline measured in the same run.\n\n`);
  process.stdout.write(`${formatTable(rows)}\n\nSuite finished in ${elapsed.toFixed(0)} s.\n`);
}
process.exitCode = 0;

// ---- measuring -------------------------------------------------------------------------------

/** A run of the built CLI. Exit 1 (findings) is a normal outcome for lint. */
function cli(args, cwd) {
  return { command: process.execPath, args: [CLI, ...args], cwd, okCodes: [0, 1] };
}

/** Median wall time and median peak RSS of `runs` runs of each side, alternating a and b. */
async function compare(a, b, { bFirst = false } = {}) {
  const samples = { a: [], b: [] };
  for (let i = 0; i < runs; i++) {
    for (const side of bFirst ? ['b', 'a'] : ['a', 'b']) samples[side].push(await measure(side === 'a' ? a : b));
  }
  return { a: summarize(samples.a), b: summarize(samples.b) };
}

async function medianOf(spec) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await measure(spec));
  return summarize(samples);
}

function summarize(samples) {
  return { wall: median(samples.map((s) => s.wall)), rss: median(samples.map((s) => s.rss)) };
}

function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One fresh process: wall time in ms, peak RSS in kB. */
async function measure({ command, args, cwd, okCodes = [0], before }) {
  before?.();
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.DOCKER_API_VERSION;
  const start = process.hrtime.bigint();
  const result = gnuTime ? await runWithGnuTime(command, args, cwd, env) : await runPollingRss(command, args, cwd, env);
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (!okCodes.includes(result.code)) {
    fail(`${path.basename(command)} ${args.map((a) => path.relative(ROOT, a) || a).join(' ')} exited ${result.code} in ${cwd}:\n${result.stderr.slice(-2000)}`);
  }
  return { wall, rss: result.rss };
}

function runWithGnuTime(command, args, cwd, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(gnuTime, ['-f', '@@bench %x %M', command, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', () => {
      const match = /@@bench (\d+) (\d+)\s*$/.exec(stderr);
      if (!match) return reject(new Error(`no GNU time report for ${command}:\n${stderr.slice(-2000)}`));
      resolve({ code: Number(match[1]), rss: Number(match[2]), stderr: stderr.slice(0, match.index) });
    });
  });
}

/** Without GNU time: the kernel's high-water mark of the child's resident set, read until it exits. */
function runPollingRss(command, args, cwd, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let rss = 0;
    const poll = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) rss = Math.max(rss, Number(hwm[1]));
      } catch {
        // gone between polls
      }
    }, 5);
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code: code ?? -1, rss, stderr });
    });
  });
}

function findGnuTime() {
  for (const candidate of ['/usr/bin/time', '/bin/time']) {
    if (!existsSync(candidate)) continue;
    const probe = spawnSync(candidate, ['-f', '%M', process.execPath, '-e', '0'], { encoding: 'utf8' });
    if (probe.status === 0 && /^\d+\s*$/m.test(probe.stderr)) return candidate;
  }
  return undefined;
}

// ---- corpora ---------------------------------------------------------------------------------

/** bench/corpus/<n>, generated once (deterministic from the seed) and reused while its marker matches. */
function prepareCorpus(count) {
  const dir = path.join(BENCH_DIR, 'corpus', String(count));
  const marker = path.join(dir, '.generated');
  const stamp = `${count} files, seed 42, generator ${hashGenerator()}`;
  if (existsSync(marker) && readFileSync(marker, 'utf8') === stamp) return dir;
  progress(`generating ${count} files in ${path.relative(ROOT, dir)}`);
  generateCorpus(dir, count, 42);
  writeFileSync(marker, stamp);
  return dir;
}

function hashGenerator() {
  const text = readFileSync(path.join(BENCH_DIR, 'generate-corpus.mjs'), 'utf8');
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) >>> 0;
  return h.toString(16);
}

// ---- output ----------------------------------------------------------------------------------

function row(measure, ours, baseline, ratio, goal, verdict, goalText) {
  const met = verdict ?? (ratio === undefined || goal === undefined ? 'n/a' : ratio <= goal ? 'met' : 'NOT met');
  return {
    measure,
    ours,
    baseline,
    ratio: ratio === undefined ? '' : `${ratio.toFixed(2)}x`,
    goal: goalText ?? (goal === undefined ? '' : `<= ${goal}x`),
    met,
  };
}

function formatTable(list) {
  const header = { measure: 'Measure', ours: 'Ours', baseline: 'Baseline', ratio: 'Ratio', goal: 'Goal', met: 'Result' };
  const keys = Object.keys(header);
  const all = [header, ...list];
  const widths = keys.map((k) => Math.max(...all.map((r) => String(r[k]).length)));
  const line = (r) => `| ${keys.map((k, i) => String(r[k]).padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...list.map(line)].join('\n');
}

function describeMachine() {
  return [
    `Machine: ${os.availableParallelism?.() ?? os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()}`,
    `Node ${process.version}; load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; peak RSS via ${gnuTime ? 'GNU time' : '/proc VmHWM polling'}`,
  ];
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(2)} s`;
}

function megabytes(kb) {
  return `${(kb / 1024).toFixed(0)} MB`;
}

function progress(message) {
  process.stderr.write(`[bench ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(0)} s] ${message}\n`);
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const parsed = { quick: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') parsed.quick = true;
    else if (arg === '--json') parsed.json = true;
    else if (arg === '--runs') parsed.runs = positiveInteger(argv[++i]);
    else if (arg === '--specs') parsed.specs = path.resolve(argv[++i] ?? fail('--specs needs a folder'));
    else fail(`unknown option ${arg} (known: --quick, --runs N, --specs DIR, --json)`);
  }
  return parsed;
}

function positiveInteger(value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) fail(`--runs needs a whole number of 1 or more, not ${value}`);
  return n;
}
