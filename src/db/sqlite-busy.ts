// SQLite lets one process write at a time; the others wait for the lock up to the busy timeout and
// then fail with SQLITE_BUSY. That failure is told as one clear sentence, never a stack trace.

import { AppError } from '../lib/errors.ts';

/** How long a statement waits for another process's write lock before it fails with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/** SQLITE_BUSY (another process kept its write lock past the busy timeout) as one clear message. */
export function asBusyError(file: string, error: unknown): AppError | unknown {
  if (!((error as { code?: string }).code ?? '').startsWith('SQLITE_BUSY')) return error;
  return new AppError('database_busy', `The database file ${file} is held by another process that has been writing to it for over ${BUSY_TIMEOUT_MS / 1000} s (a \`dispatch demo\` still loading it?); try again when it has finished`, { cause: error });
}
