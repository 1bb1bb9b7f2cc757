// Every /newsroom and /api/newsroom request: find the live session behind the cookie and attach
// `request.actor`; then, for a state-changing method (POST, PUT, PATCH, DELETE), refuse what
// another site could have sent: an Origin other than ours, Sec-Fetch-Site cross-site, or, with a
// session, a missing or wrong CSRF token (header `x-csrf-token` or form field `_csrf`). Before
// login the login form's token is checked against its cookie instead (double submit).

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../lib/config.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';
import { isNewsroomLanguage } from '../access/actor.ts';
import { findLiveSession } from '../sessions/find-session.ts';
import { LOGIN_CSRF_COOKIE, readCookies, SESSION_COOKIE } from '../sessions/cookies.ts';
import { tokensMatch } from '../sessions/session-token.ts';
import { browserLanguage, isNewsroomUrl } from './newsroom-request.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SAME_SITE_FETCHES = new Set(['same-origin', 'none']);

function csrfRejected(reason: string): AppError {
  return new AppError('csrf_rejected', `The request was refused as possible cross-site request forgery: ${reason}.`, { details: { reason } });
}

function formField(request: FastifyRequest, name: string): unknown {
  const body = request.body;
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

export function registerSessionHooks(app: FastifyInstance, deps: { database: Database; config: Config; clock: Clock }): void {
  const ownOrigin = new URL(deps.config.publicUrl).origin;
  app.decorateRequest('actor', null);
  app.decorateRequest('newsroomSession', null);

  app.addHook('onRequest', async (request) => {
    if (!isNewsroomUrl(request.url)) return;
    const token = readCookies(request.headers.cookie).get(SESSION_COOKIE);
    if (token) {
      const session = await findLiveSession({ db: deps.database.db, token, now: deps.clock(), sessions: deps.config.sessions });
      if (session) {
        const { user } = session;
        request.newsroomSession = session;
        request.actor = {
          userId: user.id, login: user.login, name: user.name, role: user.role,
          language: isNewsroomLanguage(user.language) ? user.language : browserLanguage(request.headers['accept-language']),
        };
      }
    }
    if (SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== ownOrigin) throw csrfRejected('it came from another origin');
    const fetchSite = request.headers['sec-fetch-site'];
    if (origin === undefined && typeof fetchSite === 'string' && !SAME_SITE_FETCHES.has(fetchSite)) throw csrfRejected('it came from another site');
  });

  app.addHook('preHandler', async (request) => {
    if (SAFE_METHODS.has(request.method) || !isNewsroomUrl(request.url)) return;
    const header = request.headers['x-csrf-token'];
    const given = typeof header === 'string' && header !== '' ? header : formField(request, '_csrf');
    if (request.newsroomSession) {
      if (!tokensMatch(request.newsroomSession.csrfToken, given)) throw csrfRejected('the CSRF token is missing or wrong');
      return;
    }
    // Without a session a request carries no authority to forge, except a login into the
    // attacker's account: the login form doubles its token in a cookie.
    if (request.routeOptions.url === '/newsroom/login') {
      const expected = readCookies(request.headers.cookie).get(LOGIN_CSRF_COOKIE);
      if (!expected || !tokensMatch(expected, given)) throw csrfRejected('the login form has expired');
    }
  });
}
