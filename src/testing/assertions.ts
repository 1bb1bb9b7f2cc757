// Assertions shared by the test files.

import assert from 'node:assert/strict';
import { AppError } from '../lib/errors.ts';
import type { ErrorCode } from '../lib/error-codes.ts';

/** Asserts that `promise` rejects with an AppError of `code` (and naming `field`); returns it. */
export async function rejectsWith(promise: Promise<unknown>, code: ErrorCode, field?: string): Promise<AppError> {
  let caught: AppError | undefined;
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    if (field !== undefined) assert.equal(error.details?.field, field, error.message);
    caught = error;
    return true;
  });
  return caught!;
}
