// Assembles the HTTP application: logging, metrics, health, the newsroom, the public site, and
// one error handler that turns an AppError into its status and a safe message, and anything else
// into a plain 500 logged with its cause. Every route is recorded in `routes` as it is added, so
// a test can walk all of them.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyServerFactory } from 'fastify';
import type { Config } from '../lib/config.ts';
import type { Logger } from '../lib/logger.ts';
import type { Database } from '../db/database.ts';
import { isAppError } from '../lib/errors.ts';
import type { Metrics } from './metrics.ts';
import { databaseAnswers, registerHealthRoutes } from './health.ts';
import { registerSiteRoutes, type SiteHandle } from '../site/index.ts';
import { mediaContextFor, registerMediaApi } from '../media/index.ts';
import { registerNewsroom, registerEditor, registerAdmin, isNewsroomPage, requireActor, sendNewsroomErrorPage, createStoryEvents, type Policy, type StoryEvents } from '../newsroom/index.ts';
import type { Clock } from '../lib/clock.ts';
import { registerWire } from '../publishing/index.ts';
import { createInvalidation, enqueuePurge, registerPageCache, type PageCache } from '../cache/index.ts';

export interface AppDependencies {
  config: Config;
  database: Database;
  logger: Logger;
  metrics: Metrics;
  clock: Clock;
  /** The newsroom's policy, with the workflow's transition rule; by default transitions are denied. */
  policy?: Policy;
  /**
   * The "story changed" bus the wire's webhooks, WebSub pings and caches listen on. `dispatch serve`
   * passes the one its job runner uses, so a change made in the newsroom reaches every listener.
   */
  events?: StoryEvents;
}

export interface RouteRecord {
  method: string;
  url: string;
}

/** Machine clients (the API, health, metrics) get JSON errors; readers get a page in their language. */
function wantsJson(url: string): boolean {
  return url.startsWith('/api/') || url === '/healthz' || url === '/readyz' || url === '/metrics';
}

/** Fastify's own defaults for the server it would make: keep-alive 72 s, no request or idle timeout. */
const KEEP_ALIVE_TIMEOUT_MS = 72_000;

/**
 * The HTTP server, answering fresh cached pages itself (see PageCache.answerDirectly) and handing
 * everything else to Fastify. A direct answer is counted in the metrics like any other request.
 */
function serverAnsweringFromCache(answer: () => PageCache | undefined, metrics: Metrics): FastifyServerFactory {
  return (handler) => {
    const server = createServer((request: IncomingMessage, response: ServerResponse) => {
      const started = performance.now();
      const route = answer()?.answerDirectly(request, response);
      if (route === undefined) return handler(request, response);
      metrics.observeRequest(route, 'GET', response.statusCode, (performance.now() - started) / 1000);
    });
    server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
    return server;
  };
}

export async function buildApp(deps: AppDependencies): Promise<FastifyInstance & { site: SiteHandle; routes: RouteRecord[]; pageCache: PageCache }> {
  let site: SiteHandle | undefined;
  let directAnswers: PageCache | undefined;
  const app = Fastify({
    serverFactory: serverAnsweringFromCache(() => directAnswers, deps.metrics),
    // An address Fastify cannot decode (broken percent-encoding) is the reader's mistake: a 400 page.
    frameworkErrors: (_error, request, reply) => {
      const response = reply as unknown as FastifyReply;
      if (site && !wantsJson(request.url)) return void site.sendError(response, request.url, 400);
      void response.code(400).send({ error: { code: 'invalid_input', message: 'The request is malformed', details: {} } });
    },
    loggerInstance: deps.logger as FastifyBaseLogger,
    // Requests are logged once, by the onResponse hook below, not twice by Fastify.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: false,
    routerOptions: { maxParamLength: 300 },
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
  });

  const routes: RouteRecord[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });

  // A callback hook, not an async one: it runs on every request and needs no promise.
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    deps.metrics.observeRequest(route, request.method, reply.statusCode, reply.elapsedTime / 1000);
    if (reply.statusCode >= 500) request.log.error({ url: request.url, status: reply.statusCode, ms: reply.elapsedTime }, 'request failed');
    else if (deps.logger.isLevelEnabled('debug')) request.log.debug({ url: request.url, status: reply.statusCode, ms: reply.elapsedTime }, 'request');
    done();
  });

  app.setErrorHandler(async (error, request, reply) => {
    const clientStatus = isAppError(error) ? error.status : (error as { statusCode?: number }).statusCode;
    const retryAfter = isAppError(error) ? error.details?.retryAfterSeconds : undefined;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    if (isNewsroomPage(request.url) && typeof clientStatus === 'number' && clientStatus >= 400 && clientStatus < 500) {
      return sendNewsroomErrorPage(request, reply, { status: clientStatus, ...(isAppError(error) ? { code: error.code, message: error.message } : {}) });
    }
    if (site && !wantsJson(request.url) && typeof clientStatus === 'number' && clientStatus >= 400 && clientStatus < 500) {
      return site.sendError(reply, request.url, clientStatus === 404 ? 404 : 400);
    }
    // 503 is a state the client can wait out (Retry-After), not a failure: the code is worth showing.
    if (isAppError(error) && (error.status < 500 || error.status === 503)) {
      return reply.code(error.status).send({ error: { code: error.code, message: error.message, details: error.details ?? {} } });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return reply.code(status).send({ error: { code: 'invalid_input', message: 'The request is malformed', details: {} } });
    }
    request.log.error({ err: error, url: request.url }, 'unexpected error');
    // A reader's page that could not be made: the stored copy however old, else, when the
    // database is what failed, a 503 page in the reader's language.
    if (site && !wantsJson(request.url) && !isNewsroomPage(request.url)) {
      if (pageCache.serveStale(request, reply)) return reply;
      if (!(await databaseAnswers(deps.database))) return site.sendError(reply.header('retry-after', '60'), request.url, 503);
    }
    return reply.code(500).send({ error: { code: 'internal_error', message: 'Something went wrong on our side; it has been logged', details: {} } });
  });

  // One bus for the newsroom's commands and the listeners here, when the caller brought none.
  const events = deps.events ?? createStoryEvents((error, event) => app.log.error({ err: error, event }, 'a story-changed listener failed'));
  const pageCache = registerPageCache(app, { ...deps.config.pageCache, clock: deps.clock, purgesByKey: deps.config.httpCachePurgeUrl !== undefined });
  const purgeUrl = deps.config.httpCachePurgeUrl;
  const invalidation = createInvalidation({
    cache: pageCache,
    db: deps.database.db,
    timeZone: () => site?.timeZone() ?? 'UTC',
    purge: (keys) => {
      if (purgeUrl) enqueuePurge(deps.database, keys, deps.clock()).catch((error: unknown) => app.log.error({ err: error }, 'an HTTP cache purge could not be queued'));
    },
    onError: (error) => app.log.error({ err: error }, 'the page cache could not work out what a change touched; it dropped every page'),
  });
  events.onStoryChanged((event) => void invalidation.storyChanged(event));

  registerHealthRoutes(app, deps.database);
  registerNewsroom(app, { database: deps.database, config: deps.config, clock: deps.clock, policy: deps.policy });
  const content = { database: deps.database, languages: deps.config.languages.map((language) => language.code), clock: deps.clock };
  await registerMediaApi(app, { requireActor, media: mediaContextFor(content, deps.config), onImageChanged: (imageId) => void invalidation.imageChanged(imageId) });
  registerEditor(app, {
    database: deps.database, config: deps.config, clock: deps.clock, events,
    renderPreview: (storyId, language) => (site ? site.renderPreview(storyId, language) : Promise.resolve(undefined)),
  });
  registerWire(app, { database: deps.database, config: deps.config, clock: deps.clock });
  registerAdmin(app, { database: deps.database, config: deps.config, clock: deps.clock, reloadSite: async () => site?.reload() });
  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', deps.metrics.registry.contentType).header('cache-control', 'no-store');
    return deps.metrics.registry.metrics();
  });
  const handle = await registerSiteRoutes(app, { ...deps, events });
  // Settings, rubrics and static pages are on every page: a reload, here or announced by another
  // process, drops them all.
  handle.onReloaded(() => invalidation.siteChanged());
  site = handle;
  directAnswers = pageCache;
  return Object.assign(app as FastifyInstance, { site: handle, routes, pageCache });
}
