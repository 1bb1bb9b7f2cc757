// Command: a user replaces their password (forced after a one-time password). The current one
// must be given; the new one must meet the password rule and differ from it. Every other session
// of the user ends, the one in use stays.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../lib/errors.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import { endUserSessions } from '../sessions/end-sessions.ts';
import { assertPasswordAcceptable } from './password-rules.ts';

export async function changePassword(params: {
  db: Kysely<Schema>;
  userId: number;
  currentPassword: string;
  newPassword: string;
  keepSessionId: number | undefined;
  now: Date;
}): Promise<void> {
  const { db, userId, now } = params;
  const user = await db.selectFrom('users').select(['login', 'password_hash']).where('id', '=', userId).executeTakeFirst();
  if (!user) throw new AppError('user_not_found', 'No such user');
  if (!(await verifyPassword(user.password_hash, params.currentPassword))) {
    throw new AppError('password_incorrect', 'The current password is wrong.', { details: { field: 'currentPassword' } });
  }
  assertPasswordAcceptable(params.newPassword, user.login);
  if (params.newPassword === params.currentPassword) {
    throw new AppError('password_too_weak', 'The new password must differ from the current one.', { details: { field: 'newPassword' } });
  }
  const passwordHash = await hashPassword(params.newPassword);
  await inTransaction(db, async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, must_change_password: 0, updated_at: now.toISOString() }).where('id', '=', userId).execute();
    await endUserSessions({ db: trx, userId, keepSessionId: params.keepSessionId });
  });
}
