// The cache domain's public interface: the page cache around the public routes, what drops its
// pages, and the purge of the HTTP cache in front (a job of the durable runner).

export { registerPageCache, type PageCache, type PageCacheOptions, type PageCacheStats } from './page-cache.ts';
export { createInvalidation, type Invalidation, type InvalidationDeps } from './invalidation.ts';
export { enqueuePurge, httpCachePurgeJobHandlers, sendPurge, HTTP_CACHE_PURGE_JOB } from './purge-job.ts';
export { CACHEABLE_ROUTES } from './cacheable-request.ts';
