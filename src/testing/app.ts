// Builds the HTTP application around a test database, for in-process requests with inject().

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../lib/config.ts';
import { createLogger } from '../lib/logger.ts';
import { createMetrics } from '../http/metrics.ts';
import { buildApp, type RouteRecord } from '../http/app.ts';
import type { Database } from '../db/database.ts';
import type { ContentContext } from '../content/content-context.ts';
import type { Clock } from '../lib/clock.ts';
import type { StoryEvents } from '../newsroom/index.ts';

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  context: ContentContext;
  /** Every route the app registered, as its onRoute hook saw them. */
  routes: RouteRecord[];
}

/**
 * The page cache is off unless `env` sets PAGE_CACHE_MAX_MB: most tests write content straight to
 * the database, past the "story changed" bus the cache listens on. Pass `events` (the bus the
 * test's workflow commands use) to test the cache.
 */
export async function buildTestApp(database: Database, clock: Clock = () => new Date(), env: Record<string, string> = {}, options: { events?: StoryEvents } = {}): Promise<TestApp> {
  const mediaDir = mkdtempSync(path.join(tmpdir(), 'dispatch-media-'));
  const config: Config = { ...loadConfig({ MEDIA_DIR: mediaDir, PUBLIC_URL: 'https://news.example.by', PAGE_CACHE_MAX_MB: '0', ...env }, tmpdir()), database: { kind: 'sqlite', file: ':memory:' } };
  const app = await buildApp({ config, database, logger: createLogger('silent'), metrics: createMetrics(), clock, ...(options.events ? { events: options.events } : {}) });
  return { app, config, routes: app.routes, context: { database, languages: config.languages.map((l) => l.code), clock } };
}
