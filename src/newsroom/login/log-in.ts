// Command: a login attempt. Waits imposed by earlier failures come first (429 login_throttled);
// then the password is checked, against a dummy hash when the login does not exist, so neither
// the message nor the time taken tells whether an account exists. A disabled account is refused
// only after its password was proved. Success starts a session.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import type { SessionConfig } from '../../lib/config.ts';
import { AppError } from '../../lib/errors.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import { startSession, type StartedSession } from '../sessions/start-session.ts';
import { clearLoginFailures, recordLoginFailure, secondsToWait, throttleKeys } from './login-throttle.ts';

let dummyHash: Promise<string> | undefined;
/** A hash of a password nobody has, verified when the login is unknown to take the same time. */
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`no such user ${Math.random()}`);
  return dummyHash;
}

export interface LoggedIn {
  session: StartedSession;
  user: { id: number; login: string; mustChangePassword: boolean };
}

export function throttled(seconds: number): AppError {
  return new AppError('login_throttled', `Too many failed attempts. Wait ${seconds} s before trying again.`, {
    details: { retryAfterSeconds: seconds },
  });
}

export async function logIn(params: {
  db: Kysely<Schema>;
  login: string;
  password: string;
  ip: string;
  userAgent: string | undefined;
  now: Date;
  sessions: Pick<SessionConfig, 'maxHours'>;
}): Promise<LoggedIn> {
  const { db, now } = params;
  const login = params.login.trim();
  const keys = throttleKeys(login, params.ip);
  const wait = await secondsToWait(db, keys.map((k) => k.key), now);
  if (wait > 0) throw throttled(wait);

  const user = await db
    .selectFrom('users')
    .select(['id', 'login', 'password_hash', 'must_change_password', 'disabled_at'])
    .where('login', '=', login)
    .executeTakeFirst();
  const isPasswordRight = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), params.password);
  if (!user || !isPasswordRight) {
    const seconds = await recordLoginFailure(db, keys, now);
    throw new AppError('login_failed', 'Wrong login or password.', { details: seconds > 0 ? { retryAfterSeconds: seconds } : {} });
  }
  if (user.disabled_at !== null) {
    throw new AppError('account_disabled', 'This account is disabled. Ask a chief editor to enable it.');
  }
  await clearLoginFailures(db, keys[0]!.key);
  const session = await startSession({ db, userId: user.id, userAgent: params.userAgent, ip: params.ip, now, sessions: params.sessions });
  return { session, user: { id: user.id, login: user.login, mustChangePassword: user.must_change_password === 1 } };
}
