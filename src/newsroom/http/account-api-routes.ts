// The logged-in user's own account over the API: who am I (with the CSRF token a client sends
// back), interface language, password change, logout everywhere.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireActor } from '../access/require-actor.ts';
import { isNewsroomLanguage, NEWSROOM_LANGUAGES } from '../access/actor.ts';
import { changePassword } from '../accounts/change-password.ts';
import { setUserLanguage } from '../accounts/update-user.ts';
import { endUserSessions } from '../sessions/end-sessions.ts';
import { FieldErrors, readObjectBody, refuseUnknownFields } from './api-input.ts';
import { presentMe } from './user-presenter.ts';
import { clearSessionCookie } from './session-cookie.ts';
import type { NewsroomDeps } from './newsroom-deps.ts';

function me(request: FastifyRequest) {
  return presentMe(request.actor!, request.newsroomSession!);
}

export function registerAccountApiRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const db = () => deps.database.db;

  app.get('/api/newsroom/me', { preHandler: requireActor('account.manage_own', { allowPendingPasswordChange: true }) }, async (request) => me(request));

  app.patch('/api/newsroom/me', { preHandler: requireActor('account.manage_own') }, async (request) => {
    const body = readObjectBody(request.body);
    const errors = new FieldErrors();
    refuseUnknownFields(body, ['language'], errors);
    if (!isNewsroomLanguage(body.language)) errors.add('language', `must be one of ${NEWSROOM_LANGUAGES.join(', ')}`);
    errors.throwIfAny();
    await setUserLanguage({ db: db(), userId: request.actor!.userId, language: body.language as string, now: deps.clock() });
    request.actor!.language = body.language as 'ru' | 'en';
    return me(request);
  });

  app.post('/api/newsroom/me/password', { preHandler: requireActor('account.manage_own', { allowPendingPasswordChange: true }) }, async (request) => {
    const body = readObjectBody(request.body);
    const errors = new FieldErrors();
    refuseUnknownFields(body, ['currentPassword', 'newPassword'], errors);
    for (const field of ['currentPassword', 'newPassword']) {
      if (typeof body[field] !== 'string' || body[field] === '') errors.add(field, 'is required');
    }
    errors.throwIfAny();
    const session = request.newsroomSession!;
    await changePassword({
      db: db(), userId: request.actor!.userId, currentPassword: body.currentPassword as string, newPassword: body.newPassword as string,
      keepSessionId: session.id, now: deps.clock(),
    });
    session.user.mustChangePassword = false;
    return me(request);
  });

  app.post('/api/newsroom/me/logout-everywhere', { preHandler: requireActor('account.manage_own', { allowPendingPasswordChange: true }) }, async (request, reply) => {
    if (request.body !== undefined && request.body !== null) readObjectBody(request.body);
    const ended = await endUserSessions({ db: db(), userId: request.actor!.userId });
    clearSessionCookie(reply, deps.config.sessions);
    return { endedSessions: ended };
  });

}
