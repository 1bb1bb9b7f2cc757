// The login form, login and logout. A failed login says only "wrong login or password"; waits
// imposed by the throttle are 429 with Retry-After, and the page says how long to wait.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../lib/errors.ts';
import { logIn } from '../login/log-in.ts';
import { endSession } from '../sessions/end-sessions.ts';
import { LOGIN_CSRF_COOKIE, readCookies, serializeCookie, SESSION_COOKIE, clearCookie } from '../sessions/cookies.ts';
import { generateToken } from '../sessions/session-token.ts';
import { renderLoginPage } from '../pages/login-page.ts';
import { pageStrings } from '../pages/strings.ts';
import { requestLanguage, sendPage } from './newsroom-request.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import type { NewsroomDeps } from './newsroom-deps.ts';

const LOGIN_FORM_LIFETIME_SECONDS = 2 * 60 * 60;

/** Only an address inside the newsroom may be a destination after login (no open redirect). */
export function safeNext(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/newsroom') || /[\\\s]/.test(value) || value.startsWith('//')) return undefined;
  const url = new URL(value, 'http://newsroom.invalid');
  return url.origin === 'http://newsroom.invalid' && /^\/newsroom(\/|$)/.test(url.pathname) ? url.pathname + url.search : undefined;
}

function field(request: FastifyRequest, name: string): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  const value = body && typeof body === 'object' ? body[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}

export function registerLoginRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const sessions = deps.config.sessions;

  /** The login form's CSRF token: the one in its cookie, or a new one set now. */
  function loginFormToken(request: FastifyRequest, reply: FastifyReply): string {
    const existing = readCookies(request.headers.cookie).get(LOGIN_CSRF_COOKIE);
    const token = existing && /^[A-Za-z0-9_-]{43}$/.test(existing) ? existing : generateToken();
    reply.header('set-cookie', serializeCookie(LOGIN_CSRF_COOKIE, token, {
      maxAgeSeconds: LOGIN_FORM_LIFETIME_SECONDS, secure: sessions.secureCookies, path: '/newsroom', sameSite: 'Strict',
    }));
    return token;
  }

  app.get<{ Querystring: { next?: string; notice?: string } }>('/newsroom/login', async (request, reply) => {
    if (request.newsroomSession) {
      return reply.redirect(request.newsroomSession.user.mustChangePassword ? '/newsroom/password' : (safeNext(request.query.next) ?? '/newsroom'), 303);
    }
    const language = requestLanguage(request);
    const notice = request.query.notice === 'everywhere' ? pageStrings(language).loggedOutEverywhere : undefined;
    return sendPage(reply, 200, renderLoginPage({ language, csrfToken: loginFormToken(request, reply), next: safeNext(request.query.next), notice }));
  });

  app.post('/newsroom/login', async (request, reply) => {
    const language = requestLanguage(request);
    const s = pageStrings(language);
    const login = field(request, 'login')?.trim() ?? '';
    const password = field(request, 'password') ?? '';
    const next = safeNext(field(request, 'next'));
    const again = (status: number, error: string) =>
      sendPage(reply, status, renderLoginPage({ language, csrfToken: loginFormToken(request, reply), login, next, error }));
    if (login === '' || password === '' || login.length > 200 || password.length > 1024) return again(400, s.loginMissing);
    try {
      const { session, user } = await logIn({
        db: deps.database.db, login, password, ip: request.ip, userAgent: request.headers['user-agent'], now: deps.clock(), sessions,
      });
      setSessionCookie(reply, { token: session.token, expiresAt: session.expiresAt, now: deps.clock(), sessions });
      reply.header('set-cookie', clearCookie(LOGIN_CSRF_COOKIE, { secure: sessions.secureCookies, path: '/newsroom', sameSite: 'Strict' }));
      return reply.redirect(user.mustChangePassword ? '/newsroom/password' : (next ?? '/newsroom'), 303);
    } catch (error) {
      if (!isAppError(error)) throw error;
      const wait = typeof error.details?.retryAfterSeconds === 'number' ? error.details.retryAfterSeconds : 0;
      if (wait > 0) reply.header('retry-after', String(wait));
      if (error.code === 'login_throttled') return again(429, s.throttled(wait));
      if (error.code === 'login_failed') return again(401, wait > 0 ? `${s.loginFailed} ${s.throttled(wait)}` : s.loginFailed);
      if (error.code === 'account_disabled') return again(403, s.accountDisabled);
      throw error;
    }
  });

  app.post('/newsroom/logout', async (request, reply) => {
    const token = readCookies(request.headers.cookie).get(SESSION_COOKIE);
    if (token && request.newsroomSession) await endSession({ db: deps.database.db, token });
    clearSessionCookie(reply, sessions);
    return reply.redirect('/newsroom/login', 303);
  });
}
