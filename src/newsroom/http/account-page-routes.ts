// The newsroom's pages for a logged-in user: the first page, the password form (forced after a
// one-time password) and logout on every device.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isAppError } from '../../lib/errors.ts';
import { requireActor } from '../access/require-actor.ts';
import { changePassword } from '../accounts/change-password.ts';
import type { PasswordProblem } from '../accounts/password-rules.ts';
import { endUserSessions } from '../sessions/end-sessions.ts';
import { renderHomePage } from '../pages/home-page.ts';
import { renderPasswordPage } from '../pages/password-page.ts';
import { pageStrings } from '../pages/strings.ts';
import { sendPage } from './newsroom-request.ts';
import { clearSessionCookie } from './session-cookie.ts';
import type { NewsroomDeps } from './newsroom-deps.ts';

function field(request: FastifyRequest, name: string): string {
  const body = request.body as Record<string, unknown> | undefined;
  const value = body && typeof body === 'object' ? body[name] : undefined;
  return typeof value === 'string' ? value : '';
}

export function registerAccountPageRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const pending = { allowPendingPasswordChange: true };

  app.get<{ Querystring: { notice?: string } }>('/newsroom', { preHandler: requireActor('newsroom.enter') }, async (request, reply) => {
    const actor = request.actor!;
    const notice = request.query.notice === 'password' ? pageStrings(actor.language).passwordChanged : undefined;
    return sendPage(reply, 200, renderHomePage({ actor, csrfToken: request.newsroomSession!.csrfToken, notice }));
  });

  app.get('/newsroom/password', { preHandler: requireActor('account.manage_own', pending) }, async (request, reply) => {
    const session = request.newsroomSession!;
    return sendPage(reply, 200, renderPasswordPage({
      language: request.actor!.language, csrfToken: session.csrfToken, login: session.user.login, isForced: session.user.mustChangePassword,
    }));
  });

  app.post('/newsroom/password', { preHandler: requireActor('account.manage_own', pending) }, async (request, reply) => {
    const actor = request.actor!;
    const session = request.newsroomSession!;
    const s = pageStrings(actor.language);
    const again = (error: string) => sendPage(reply, 400, renderPasswordPage({
      language: actor.language, csrfToken: session.csrfToken, login: session.user.login, isForced: session.user.mustChangePassword, error,
    }));
    const currentPassword = field(request, 'currentPassword');
    const newPassword = field(request, 'newPassword');
    if (currentPassword === '' || newPassword === '') return again(s.passwordProblems.too_short);
    if (newPassword !== field(request, 'repeatPassword')) return again(s.passwordsDiffer);
    try {
      await changePassword({ db: deps.database.db, userId: actor.userId, currentPassword, newPassword, keepSessionId: session.id, now: deps.clock() });
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.code === 'password_incorrect') return again(s.passwordIncorrect);
      if (error.code === 'password_too_weak') {
        const problem = error.details?.problem as PasswordProblem | undefined;
        return again(problem ? s.passwordProblems[problem] : s.passwordSame);
      }
      throw error;
    }
    return reply.redirect('/newsroom?notice=password', 303);
  });

  app.post('/newsroom/logout-everywhere', { preHandler: requireActor('account.manage_own', pending) }, async (request, reply) => {
    await endUserSessions({ db: deps.database.db, userId: request.actor!.userId });
    clearSessionCookie(reply, deps.config.sessions);
    return reply.redirect('/newsroom/login?notice=everywhere', 303);
  });
}
