// Newsroom test helpers: users of each role with a live session (cookie and CSRF token), and
// requests that carry them, for in-process requests with inject().

import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/database.ts';
import { addUser, type Role } from '../newsroom/index.ts';
import { startSession } from '../newsroom/sessions/start-session.ts';

export const NEWSROOM_ORIGIN = 'https://news.example.by';

export interface TestSession {
  userId: number;
  login: string;
  password: string;
  cookie: string;
  csrfToken: string;
}

/** A user who has already chosen their password, logged in now. */
export async function userWithSession(database: Database, params: { login: string; role: Role; now?: Date; mustChangePassword?: boolean }): Promise<TestSession> {
  const now = params.now ?? new Date();
  const password = `${params.login} walks to the river at dawn`;
  const { user } = await addUser(database.db, { login: params.login, name: `Test ${params.login}`, role: params.role, password }, now);
  if (!params.mustChangePassword) await database.db.updateTable('users').set({ must_change_password: 0 }).where('id', '=', user.id).execute();
  const session = await startSession({ db: database.db, userId: user.id, userAgent: 'test', ip: '127.0.0.1', now, sessions: { maxHours: 12 } });
  return { userId: user.id, login: params.login, password, cookie: `dispatch_session=${session.token}`, csrfToken: session.csrfToken };
}

/** A request as the newsroom's own pages would send it: the session cookie and its CSRF token. */
export function asUser(app: FastifyInstance, session: TestSession | undefined, options: InjectOptions): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
  if (session) {
    headers.cookie = headers.cookie ? `${headers.cookie}; ${session.cookie}` : session.cookie;
    if (!['GET', 'HEAD'].includes(options.method ?? 'GET')) headers['x-csrf-token'] ??= session.csrfToken;
  }
  return app.inject({ ...options, headers });
}

/** The value of a Set-Cookie header for `name`, or undefined. */
export function setCookie(response: LightMyRequestResponse, name: string): string | undefined {
  const header = response.headers['set-cookie'];
  const all = header === undefined ? [] : [header].flat();
  return all.find((cookie) => cookie.startsWith(`${name}=`));
}
