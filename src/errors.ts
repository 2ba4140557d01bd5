/**
 * Expected failures are small typed errors; `exitCodeFor` maps them to exit codes in one place.
 * Anything else is an internal error (also exit 2, with the stack only under DEBUG=docker-api-compat).
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A spec, config, cache or database file that cannot be read or is not what it claims to be. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(file ? `${file}${line ? `:${line}` : ''}: ${message}` : message);
  }
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export function isExpectedError(error: unknown): error is UsageError | InputError {
  return error instanceof UsageError || error instanceof InputError;
}

export function exitCodeFor(error: unknown): number {
  return isExpectedError(error) ? EXIT_USAGE : EXIT_USAGE;
}

/** `DEBUG=docker-api-compat` (or `*`) in the given environment: the CLI passes the one it was run with. */
export function isDebugEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.DEBUG ?? '').split(',').some((d) => d.trim() === 'docker-api-compat' || d.trim() === '*');
}

/**
 * One line for the user; the stack only when debugging. A multi-line expected error (yargs writes
 * "Invalid values:" and the details on the next lines) is joined into that line rather than cut.
 */
export function describeError(error: unknown, env: NodeJS.ProcessEnv = process.env): string {
  if (isDebugEnabled(env) && error instanceof Error && error.stack) return error.stack;
  const message = error instanceof Error ? error.message : String(error);
  if (isExpectedError(error)) return joinLines(message);
  const firstLine = message.split('\n')[0] ?? message;
  return `internal error: ${firstLine}`;
}

function joinLines(message: string): string {
  return message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}
