// The gate in front of a newsroom route: `preHandler: requireActor('user.manage')`.
// Anonymous: 401 `unauthenticated` for the API, a redirect to the login form for pages.
// A user who still has a one-time password may only change it (403 `password_change_required`,
// or a redirect to the password form). A role the policy does not allow: 403 `forbidden`.

import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../../lib/errors.ts';
import type { Action, Subject } from './policy.ts';
import type { Actor } from './actor.ts';
import { isNewsroomApiUrl } from '../http/newsroom-request.ts';

export interface RequireActorOptions {
  /** The route is open to a user who must still replace a one-time password (me, password, logout). */
  allowPendingPasswordChange?: boolean;
}

export function loginAddress(next: string | undefined): string {
  return next && next !== '/newsroom' ? `/newsroom/login?next=${encodeURIComponent(next)}` : '/newsroom/login';
}

export function requireActor(action: Action, options: RequireActorOptions = {}): preHandlerAsyncHookHandler {
  return async function checkActor(request: FastifyRequest, reply: FastifyReply) {
    const isApi = isNewsroomApiUrl(request.url);
    if (!request.actor || !request.newsroomSession) {
      if (isApi) throw new AppError('unauthenticated', 'Log in to the newsroom first.');
      return reply.redirect(loginAddress(request.method === 'GET' ? request.url : undefined), 303);
    }
    if (request.newsroomSession.user.mustChangePassword && !options.allowPendingPasswordChange) {
      if (isApi) throw new AppError('password_change_required', 'Choose a new password first: POST /api/newsroom/me/password.');
      return reply.redirect('/newsroom/password', 303);
    }
    assertCan(request, action);
  };
}

/** For rules that need the subject, once the route has loaded it: throws 403 `forbidden`. */
export function assertCan(request: FastifyRequest, action: Action, subject?: Subject): Actor {
  const actor = request.actor;
  if (!actor) throw new AppError('unauthenticated', 'Log in to the newsroom first.');
  if (!request.server.newsroomPolicy.can(actor, action, subject)) {
    throw new AppError('forbidden', `Your role (${actor.role}) does not allow ${action}.`, { details: { action } });
  }
  return actor;
}
