// Query: the live session behind a cookie's token, with its user. A session past its absolute
// end or idle for too long, or whose user is disabled, is no session (and is deleted). Use is
// recorded at most once a minute, so a busy page does not write on every request.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import type { SessionConfig } from '../../lib/config.ts';
import type { Role } from '../roles.ts';
import { hashToken } from './session-token.ts';

export interface LiveSession {
  id: number;
  csrfToken: string;
  expiresAt: string;
  user: { id: number; login: string; name: string; role: Role; language: string | null; mustChangePassword: boolean };
}

const TOUCH_EVERY_MS = 60_000;

export async function findLiveSession(params: {
  db: Kysely<Schema>;
  token: string;
  now: Date;
  sessions: Pick<SessionConfig, 'idleMinutes'>;
}): Promise<LiveSession | undefined> {
  const { db, now } = params;
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id', 's.csrf_token', 's.expires_at', 's.last_seen_at',
      'u.id as user_id', 'u.login', 'u.name', 'u.role', 'u.language', 'u.must_change_password', 'u.disabled_at',
    ])
    .where('s.token_hash', '=', hashToken(params.token))
    .executeTakeFirst();
  if (!row) return undefined;
  const lastSeen = Date.parse(row.last_seen_at);
  const isExpired = Date.parse(row.expires_at) <= now.getTime() || lastSeen + params.sessions.idleMinutes * 60_000 <= now.getTime();
  if (isExpired || row.disabled_at !== null) {
    await db.deleteFrom('sessions').where('id', '=', row.id).execute();
    return undefined;
  }
  if (now.getTime() - lastSeen >= TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return {
    id: row.id,
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    user: {
      id: row.user_id, login: row.login, name: row.name, role: row.role as Role, language: row.language,
      mustChangePassword: row.must_change_password === 1,
    },
  };
}
