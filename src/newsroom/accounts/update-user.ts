// Command: a chief editor changes a user's name, role or whether the account is enabled.
// Disabling ends the user's sessions at once. No change may leave the newsroom without an
// enabled chief editor (otherwise nobody could manage users any more).

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../lib/errors.ts';
import type { Role } from '../roles.ts';
import { endUserSessions } from '../sessions/end-sessions.ts';
import { findUserSummary, type UserSummary } from '../users.ts';

export interface UserChanges {
  name?: string;
  role?: Role;
  disabled?: boolean;
}

export async function updateUser(params: { db: Kysely<Schema>; userId: number; changes: UserChanges; now: Date }): Promise<UserSummary> {
  const { userId, changes, now } = params;
  return inTransaction(params.db, async (trx) => {
    const current = await trx.selectFrom('users').select(['id', 'disabled_at']).where('id', '=', userId).executeTakeFirst();
    if (!current) throw new AppError('user_not_found', `No user with the id ${userId}`);
    const disabledAt = changes.disabled === undefined ? current.disabled_at : changes.disabled ? (current.disabled_at ?? now.toISOString()) : null;
    await trx
      .updateTable('users')
      .set({
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        disabled_at: disabledAt,
        updated_at: now.toISOString(),
      })
      .where('id', '=', userId)
      .execute();
    const chiefs = await trx
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'chief_editor')
      .where('disabled_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(chiefs.n) === 0) {
      throw new AppError('last_chief_editor', 'This change would leave the newsroom without an enabled chief editor.', { details: { field: changes.disabled ? 'disabled' : 'role' } });
    }
    if (disabledAt !== null) await endUserSessions({ db: trx, userId });
    return (await findUserSummary(trx, userId))!;
  });
}

/** Command: the user's newsroom interface language. */
export async function setUserLanguage(params: { db: Kysely<Schema>; userId: number; language: string; now: Date }): Promise<void> {
  await params.db.updateTable('users').set({ language: params.language, updated_at: params.now.toISOString() }).where('id', '=', params.userId).execute();
}
