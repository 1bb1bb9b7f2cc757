// Which requests the page cache answers and under which key. Only readers' GETs of the public
// pages, feeds and sitemaps (never the newsroom, the API, search or media files), only by route
// pattern (so an unmatched address is never stored), and keyed by the path and the one query
// parameter those pages read (`older`): anything else in the query, the Host, cookies and the
// other headers do not change the page, so they do not split or poison the key.

const FEED_FILES = ['rss.xml', 'atom.xml', 'feed.json', 'yandex.xml'];

export const CACHEABLE_ROUTES: ReadonlySet<string> = new Set([
  '/:lang/',
  '/:lang/:rubric/',
  '/:lang/:rubric/:story',
  '/:lang/tags/:tag/',
  '/:lang/authors/:author/',
  '/:lang/archive/:year/:month/:day',
  '/:lang/:page',
  '/robots.txt',
  '/sitemap.xml',
  '/sitemaps/:lang/:file',
  ...FEED_FILES.flatMap((file) => [`/:lang/${file}`, `/:lang/:rubric/${file}`, `/:lang/tags/:tag/${file}`]),
]);

const MAX_KEY_LENGTH = 1024;

/** The cache key of a request's address, or undefined when it should not go through the cache. */
export function pageKeyOf(url: string): string | undefined {
  if (url.length > MAX_KEY_LENGTH) return undefined;
  const mark = url.indexOf('?');
  if (mark < 0) return url;
  const path = url.slice(0, mark);
  let older: string | undefined;
  try {
    for (const [name, value] of new URLSearchParams(url.slice(mark + 1))) {
      if (name !== 'older') continue;
      if (older !== undefined) return undefined;
      older = value;
    }
  } catch {
    return undefined;
  }
  return older === undefined ? path : `${path}?older=${encodeURIComponent(older)}`;
}
