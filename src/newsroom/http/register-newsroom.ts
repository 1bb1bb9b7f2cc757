// Hangs the newsroom on the application: the session and CSRF hooks (for every route under
// /newsroom and /api/newsroom, whichever domain registers it), the form parser, the policy
// that requireActor consults, and the account pages and API.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { defaultPolicy } from '../access/policy.ts';
import { registerSessionHooks } from './session-hooks.ts';
import { registerFormBodyParser } from './form-body.ts';
import { registerLoginRoutes } from './login-routes.ts';
import { registerAccountPageRoutes } from './account-page-routes.ts';
import { registerAccountApiRoutes } from './account-api-routes.ts';
import { registerUserApiRoutes } from './user-api-routes.ts';
import { isNewsroomPageUrl, requestLanguage, sendPage } from './newsroom-request.ts';
import { renderErrorPage } from '../pages/error-page.ts';
import type { NewsroomDeps } from './newsroom-deps.ts';

export function registerNewsroom(app: FastifyInstance, deps: NewsroomDeps): void {
  app.decorate('newsroomPolicy', deps.policy ?? defaultPolicy);
  registerFormBodyParser(app);
  registerSessionHooks(app, deps);
  registerLoginRoutes(app, deps);
  registerAccountPageRoutes(app, deps);
  registerAccountApiRoutes(app, deps);
  registerUserApiRoutes(app, deps);
}

/** True for newsroom pages (not the API), whose errors are pages of their own. */
export const isNewsroomPage = isNewsroomPageUrl;

/** A newsroom error page in the user's language; the app's error handler calls it for /newsroom. */
export function sendNewsroomErrorPage(request: FastifyRequest, reply: FastifyReply, error: { status: number; code?: string; message?: string }): FastifyReply {
  return sendPage(reply, error.status, renderErrorPage({ language: requestLanguage(request), status: error.status, code: error.code, message: error.message }));
}
