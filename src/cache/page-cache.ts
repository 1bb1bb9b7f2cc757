// The page cache as a layer around the public routes, in three Fastify hooks; no render function
// knows of it. onRequest answers from memory when it can and makes concurrent misses for one
// address wait for the first (single flight: a stampede renders the page once); onSend stores what
// a route produced (a 200 to a request without cookies, that set none) with its dependency keys
// and answers in the coding the client takes; onResponse lets waiters go whatever happened.
// Before all of them, `answerDirectly` lets the HTTP server answer a fresh stored page itself,
// without the framework: a hit then costs a map lookup and one write.

import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../lib/clock.ts';
import { utf8Bytes } from '../lib/utf8-bytes.ts';
import { chooseContentCoding, type ContentCoding } from './accept-encoding.ts';
import { buildCachedPage, type CachedPage, type PageForm } from './cached-page.ts';
import { CACHEABLE_ROUTES, pageKeyOf } from './cacheable-request.ts';
import { keysOfAddress, keysOfContent } from './dependency-keys.ts';
import { cacheControlOf, matchesIfNoneMatch, type HttpCachingPolicy } from './http-caching.ts';
import { PageStore, type PageStoreStats } from './page-store.ts';

export interface PageCacheOptions {
  /** The most memory the stored pages may take, all forms counted; 0 stores nothing. */
  maxBytes: number;
  /** How long a page is served from memory before it is made again (purges drop it sooner). */
  maxAgeSeconds: number;
  clock: Clock;
  /**
   * Whether an HTTP cache in front is purged by key (HTTP_CACHE_PURGE_URL): then every page names
   * its dependency keys in Surrogate-Key even when nothing is stored here. With neither a cache here
   * nor one to purge, the keys are not worked out (a scan of every page) and the header is left out.
   */
  purgesByKey?: boolean;
}

export interface PageCacheStats extends PageStoreStats {
  hits: number;
  /** Of the hits, those the HTTP server answered itself, before the framework. */
  directHits: number;
  misses: number;
  /** Requests that reached a route because the cache could not answer them. */
  renders: number;
  staleServed: number;
}

export interface PageCache {
  /** Drops the pages built from any of `keys` ('site': all of them). */
  drop(keys: Iterable<string>): number;
  dropAll(): number;
  /** Serves and stores nothing until `work` settles. */
  holdWhile<T>(work: Promise<T>): Promise<T>;
  /** Resolves once no change is being worked out (for tests and benchmarks). */
  whenServing(): Promise<void>;
  /** Answers a failed request with its stored page, however old; says whether it could. */
  serveStale(request: FastifyRequest, reply: FastifyReply): boolean;
  /**
   * Answers a GET of a fresh stored page straight on the HTTP server's request and response,
   * before any routing or hook, with the same status, headers and bytes the hooks would send.
   * Returns the route pattern of the page it answered, or undefined when it left the request
   * alone (not stored, stale, a change being worked out): the framework then handles it.
   */
  answerDirectly(request: IncomingMessage, response: ServerResponse): string | undefined;
  stats(): PageCacheStats;
}

interface Flight {
  done: Promise<void>;
  finish(): void;
}

interface RequestState {
  key: string;
  epoch: number;
  flight: Flight | undefined;
  answered: boolean;
}

function startFlight(): Flight {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { done, finish };
}

const STALE_WHILE_REVALIDATE_SECONDS = 30;
const STALE_IF_ERROR_SECONDS = 86_400;

/** Clients send a handful of distinct Accept-Encoding headers; each is parsed once. */
const MAX_REMEMBERED_CODINGS = 64;

function rememberingCodings(): (header: string | undefined) => ContentCoding {
  const known = new Map<string, ContentCoding>();
  return (header) => {
    if (header === undefined) return 'identity';
    let coding = known.get(header);
    if (coding === undefined) {
      coding = chooseContentCoding(header) ?? 'identity';
      if (known.size >= MAX_REMEMBERED_CODINGS) known.clear();
      known.set(header, coding);
    }
    return coding;
  };
}

export function registerPageCache(app: FastifyInstance, options: PageCacheOptions): PageCache {
  const store = new PageStore(options.maxBytes);
  const maxAgeMs = options.maxAgeSeconds * 1000;
  const policy: HttpCachingPolicy = {
    sharedMaxAgeSeconds: options.maxAgeSeconds,
    staleWhileRevalidateSeconds: STALE_WHILE_REVALIDATE_SECONDS,
    staleIfErrorSeconds: STALE_IF_ERROR_SECONDS,
  };
  const cacheControl = cacheControlOf(policy);
  const tracksDependencies = options.maxBytes > 0 || options.purgesByKey === true;
  const flights = new Map<string, Flight>();
  const states = new WeakMap<FastifyRequest, RequestState>();
  const counts = { hits: 0, directHits: 0, misses: 0, renders: 0, staleServed: 0 };
  const codingOf = rememberingCodings();
  // The response headers of each stored form, made on its first direct answer.
  const directHeaders = new WeakMap<PageForm, { full: OutgoingHttpHeaders; notModified: OutgoingHttpHeaders }>();

  const headersOf = (page: CachedPage, form: PageForm, coding: ContentCoding) => {
    let headers = directHeaders.get(form);
    if (!headers) {
      const notModified: OutgoingHttpHeaders = {
        'content-type': page.contentType,
        vary: 'Accept-Encoding',
        etag: form.etag,
        'cache-control': cacheControl,
        'surrogate-key': page.surrogateKey,
        ...(coding === 'identity' ? {} : { 'content-encoding': coding }),
      };
      headers = { notModified, full: { ...notModified, 'content-length': form.body.length } };
      directHeaders.set(form, headers);
    }
    return headers;
  };

  const send = (request: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply => {
    const coding = codingOf(request.headers['accept-encoding']);
    const form = page.form(coding);
    reply
      .code(page.status)
      .header('content-type', page.contentType)
      .header('vary', 'Accept-Encoding')
      .header('etag', form.etag)
      .header('cache-control', cacheControl)
      .header('surrogate-key', page.surrogateKey);
    if (coding !== 'identity') reply.header('content-encoding', coding);
    if (matchesIfNoneMatch(request.headers['if-none-match'], form.etag)) return reply.code(304).send();
    return reply.send(form.body);
  };

  const finishFlight = (state: RequestState) => {
    if (!state.flight) return;
    state.flight.finish();
    if (flights.get(state.key) === state.flight) flights.delete(state.key);
    state.flight = undefined;
  };

  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || !CACHEABLE_ROUTES.has(request.routeOptions.url ?? '')) return;
    const key = pageKeyOf(request.url);
    if (key === undefined) return;
    const now = options.clock().getTime();
    let page = store.isServing ? store.get(key) : undefined;
    if (!page || page.freshUntil <= now) {
      const flight = store.isServing ? flights.get(key) : undefined;
      if (flight) {
        await flight.done;
        page = store.isServing ? store.get(key) : undefined;
      }
    }
    if (page && page.freshUntil > options.clock().getTime()) {
      counts.hits++;
      states.set(request, { key, epoch: store.epoch, flight: undefined, answered: true });
      return send(request, reply, page);
    }
    counts.misses++;
    const state: RequestState = { key, epoch: store.epoch, flight: undefined, answered: false };
    if (!flights.has(key)) {
      state.flight = startFlight();
      flights.set(key, state.flight);
    }
    states.set(request, state);
  });

  app.addHook('preHandler', (request, _reply, done) => {
    if (states.has(request)) counts.renders++;
    done();
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const state = states.get(request);
    if (!state || state.answered) return payload;
    state.answered = true;
    const contentType = reply.getHeader('content-type');
    const isStorable =
      reply.statusCode === 200 && typeof contentType === 'string' && reply.getHeader('set-cookie') === undefined &&
      (typeof payload === 'string' || Buffer.isBuffer(payload));
    if (!isStorable) {
      finishFlight(state);
      return payload;
    }
    const body = Buffer.isBuffer(payload) ? payload : utf8Bytes(payload as string);
    const path = state.key.split('?')[0]!;
    const page = buildCachedPage({
      key: state.key,
      route: request.routeOptions.url ?? '',
      status: 200,
      contentType,
      body,
      addressKeys: tracksDependencies ? keysOfAddress(path) : [],
      contentKeys: tracksDependencies ? keysOfContent(typeof payload === 'string' ? payload : body.toString('utf8')) : [],
      now: options.clock().getTime(),
      maxAgeMs,
    });
    if (request.headers.cookie === undefined && options.maxBytes > 0) store.store(page, state.epoch);
    finishFlight(state);
    const coding = codingOf(request.headers['accept-encoding']);
    const form = page.form(coding);
    reply.header('vary', 'Accept-Encoding').header('etag', form.etag).header('cache-control', cacheControl);
    if (tracksDependencies) reply.header('surrogate-key', page.surrogateKey);
    reply.removeHeader('content-length');
    if (matchesIfNoneMatch(request.headers['if-none-match'], form.etag)) {
      reply.code(304);
      return '';
    }
    if (coding !== 'identity') reply.header('content-encoding', coding);
    return form.body;
  });

  app.addHook('onResponse', (request, _reply, done) => {
    const state = states.get(request);
    if (state) finishFlight(state);
    done();
  });

  return {
    drop: (keys) => store.drop(keys),
    dropAll: () => store.dropAll(),
    holdWhile: (work) => store.holdWhile(work),
    whenServing: () => store.whenServing(),
    serveStale(request, reply) {
      const state = states.get(request);
      if (!state) return false;
      const page = store.get(state.key);
      if (!page) return false;
      state.answered = true;
      finishFlight(state);
      counts.staleServed++;
      send(request, reply, page);
      return true;
    },
    answerDirectly(request, response) {
      if (request.method !== 'GET' || !store.isServing || request.url === undefined) return undefined;
      const key = pageKeyOf(request.url);
      if (key === undefined) return undefined;
      const page = store.get(key);
      if (!page || page.freshUntil <= options.clock().getTime()) return undefined;
      counts.hits++;
      counts.directHits++;
      const coding = codingOf(request.headers['accept-encoding']);
      const form = page.form(coding);
      const headers = headersOf(page, form, coding);
      if (matchesIfNoneMatch(request.headers['if-none-match'], form.etag)) {
        response.writeHead(304, headers.notModified).end();
        return page.route;
      }
      response.writeHead(page.status, headers.full).end(form.body);
      return page.route;
    },
    stats: () => ({ ...store.stats(), ...counts }),
  };
}
