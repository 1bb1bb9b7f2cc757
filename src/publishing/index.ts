// The publishing domain's public interface: feeds, sitemaps and the wire.
// Other domains import from here only.

export { registerFeedRoutes, type FeedSite } from './feeds/feed-routes.ts';
export { feedAddress } from './feeds/feed-address.ts';
export { WEBSUB_PING_JOB, subscribeWebSubPings, websubJobHandlers, type WebSubDeps } from './feeds/websub.ts';
export { FEED_FORMATS, FEED_FILES, type FeedFormat } from './feeds/feed-model.ts';
export { registerSitemapRoutes, type SitemapSite, SITEMAP_PAGE, NEWS_PAGE } from './sitemaps/sitemap-routes.ts';
export { registerWire, createSubscriber, subscribeWireWebhooks, wireJobHandlers } from './wire/index.ts';
export { registerContentApi } from './content-api/content-api-routes.ts';
export type { ContentApiSite } from './content-api/content-api-site.ts';
