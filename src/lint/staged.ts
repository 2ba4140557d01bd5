import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from '../errors.js';

const run = promisify(execFile);

/** Staged blobs larger than this are generated or vendored, not code to lint (and would blow the buffer). */
const MAX_STAGED_BYTES = 4 * 1024 * 1024;

export interface StagedFile {
  /** Absolute path in the work tree. */
  file: string;
  /** Content as staged in the index (not the work tree). */
  content: Buffer;
}

/**
 * The added, copied, modified and renamed files of the git index with their staged contents.
 * Git runs through execFile without a shell; paths come NUL-separated so any file name is safe.
 */
export async function readStagedFiles(cwd: string, accept: (file: string) => boolean): Promise<StagedFile[]> {
  const root = (await git(['rev-parse', '--show-toplevel'], cwd)).toString('utf8').trim();
  const listing = (await git(['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z'], cwd)).toString('utf8');
  const names = listing.split('\0').filter((n) => n !== '');
  const files: StagedFile[] = [];
  for (const name of names) {
    const file = path.join(root, name);
    if (!accept(file)) continue;
    // `:<path>` is relative to the repository root; `./` would make it relative to cwd.
    const content = await git(['show', `:${name}`], root, MAX_STAGED_BYTES + 1);
    files.push({ file, content });
  }
  return files;
}

async function git(args: string[], cwd: string, maxBuffer = 64 * 1024 * 1024): Promise<Buffer> {
  try {
    const { stdout } = await run('git', args, { cwd, encoding: 'buffer', maxBuffer, windowsHide: true });
    return stdout;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: Buffer; code?: string | number };
    if (e.code === 'ENOENT') throw new UsageError('--staged needs git, and git was not found on PATH');
    if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return Buffer.alloc(MAX_STAGED_BYTES + 1);
    const detail = e.stderr?.toString('utf8').trim().split('\n')[0] ?? e.message;
    throw new UsageError(`--staged: git ${args[0]} failed: ${detail}`);
  }
}

export function isOversized(content: Buffer): boolean {
  return content.length > MAX_STAGED_BYTES;
}
