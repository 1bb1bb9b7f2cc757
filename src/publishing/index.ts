// The publishing domain's public interface: feeds (and, beside them, sitemaps and the wire).
// Other domains import from here only.

export { registerFeedRoutes, feedAddress, type FeedSite } from './feeds/feed-routes.ts';
export { FEED_FORMATS, FEED_FILES, type FeedFormat } from './feeds/feed-model.ts';
export { registerSitemapRoutes, type SitemapSite, SITEMAP_PAGE, NEWS_PAGE } from './sitemaps/sitemap-routes.ts';
