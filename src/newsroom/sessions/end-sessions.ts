// Commands that end sessions: one (logout), all of a user's (logout everywhere, a password
// reset, a disabled account), or all but the one in use (after a password change).

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { hashToken } from './session-token.ts';

export async function endSession(params: { db: Kysely<Schema>; token: string }): Promise<void> {
  await params.db.deleteFrom('sessions').where('token_hash', '=', hashToken(params.token)).execute();
}

/** Ends every session of the user, except `keepSessionId` when given; returns how many ended. */
export async function endUserSessions(params: { db: Kysely<Schema>; userId: number; keepSessionId?: number }): Promise<number> {
  let query = params.db.deleteFrom('sessions').where('user_id', '=', params.userId);
  if (params.keepSessionId !== undefined) query = query.where('id', '!=', params.keepSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
