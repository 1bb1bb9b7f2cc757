// The public site: what readers see. Other domains use only `registerSiteRoutes`.

import type { FastifyInstance } from 'fastify';
import type { AppDependencies } from '../http/app.ts';
import { registerStoryRoutes } from './site-routes.ts';
import { registerMediaRoute } from './media-route.ts';

export { storyPath } from './paths.ts';

export async function registerSiteRoutes(app: FastifyInstance, deps: AppDependencies): Promise<void> {
  registerMediaRoute(app, deps.config.mediaDir);
  await registerStoryRoutes(app, deps);
}
