// Hangs the newsroom's browser app and its stories API on the application. Call after
// registerNewsroom (whose session hook sets `request.actor`).

import type { FastifyInstance } from 'fastify';
import { createStoryEvents, type StoryEvents } from '../workflow/index.ts';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Config } from '../../lib/config.ts';
import { registerAppRoutes } from './app-routes.ts';
import { registerPreviewRoute } from './preview-route.ts';
import { registerStoryApiRoutes } from './story-api-routes.ts';
import { registerSearchApiRoute } from './search-api-route.ts';

export interface EditorDeps {
  database: Database;
  config: Config;
  clock: Clock;
  /** The bus the page cache, search and wire listen on; a private one when none is given. */
  events?: StoryEvents;
  /** The site's page for a version in any status (the site's own templates), for the preview. */
  renderPreview(storyId: number, language: string): Promise<string | undefined>;
}

export function registerEditor(app: FastifyInstance, deps: EditorDeps): void {
  const events = deps.events ?? createStoryEvents((error, event) => app.log.error({ err: error, event }, 'a story-changed listener failed'));
  const context = { database: deps.database, clock: deps.clock, languages: deps.config.languages.map((language) => language.code), events };
  registerAppRoutes(app);
  registerStoryApiRoutes(app, context, deps.config.publicUrl);
  registerPreviewRoute(app, context, deps.renderPreview);
  registerSearchApiRoute(app, context);
}
