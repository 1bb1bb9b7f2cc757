// Command: a new session for a user who just proved who they are. Returns the token for the
// cookie (shown only here) and the session's CSRF token. Each login also sweeps the sessions past
// their absolute end, so sessions nobody comes back to do not pile up.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import type { SessionConfig } from '../../lib/config.ts';
import { generateToken, hashToken } from './session-token.ts';

export interface StartedSession {
  id: number;
  token: string;
  csrfToken: string;
  expiresAt: string;
}

export async function startSession(params: {
  db: Kysely<Schema>;
  userId: number;
  userAgent: string | undefined;
  ip: string | undefined;
  now: Date;
  sessions: Pick<SessionConfig, 'maxHours'>;
}): Promise<StartedSession> {
  const token = generateToken();
  const csrfToken = generateToken();
  const at = params.now.toISOString();
  const expiresAt = new Date(params.now.getTime() + params.sessions.maxHours * 3_600_000).toISOString();
  await params.db.deleteFrom('sessions').where('expires_at', '<=', at).execute();
  const { id } = await params.db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: params.userId,
      csrf_token: csrfToken,
      created_at: at,
      last_seen_at: at,
      expires_at: expiresAt,
      user_agent: params.userAgent?.slice(0, 400) ?? null,
      ip: params.ip ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, token, csrfToken, expiresAt };
}
