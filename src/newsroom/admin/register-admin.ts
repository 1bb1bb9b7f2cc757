// Hangs the newsroom's administration API on the application: rubrics and tags (editors), site
// settings and the audit log (chief editors). Users live in `http/user-api-routes.ts`, subscribers
// in the publishing domain. Call after registerNewsroom (whose session hook sets `request.actor`).

import type { FastifyInstance } from 'fastify';
import type { AdminDeps } from './admin-deps.ts';
import { registerRubricRoutes } from './rubric-routes.ts';
import { registerTagRoutes } from './tag-routes.ts';
import { registerSettingsRoutes } from './settings-routes.ts';
import { registerAuditRoutes } from './audit-routes.ts';

export type { AdminDeps } from './admin-deps.ts';

export function registerAdmin(app: FastifyInstance, deps: AdminDeps): void {
  registerRubricRoutes(app, deps);
  registerTagRoutes(app, deps);
  registerSettingsRoutes(app, deps);
  registerAuditRoutes(app, deps);
}
