// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): content_html, the lead image as an
// attachment and as `image`, RFC 3339 dates, and the WebSub hubs.

import type { Feed } from './feed-model.ts';
import { formatRfc3339 } from './feed-dates.ts';

export function renderJsonFeed(feed: Feed): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.pageUrl,
    feed_url: feed.selfUrl,
    language: feed.language,
    ...(feed.hubs.length > 0 ? { hubs: feed.hubs.map((url) => ({ type: 'WebSub', url })) } : {}),
    items: feed.items.map((item) => ({
      id: item.url,
      url: item.url,
      title: item.title,
      summary: item.summary,
      content_html: item.contentHtml,
      date_published: formatRfc3339(item.published, feed.timeZone),
      date_modified: formatRfc3339(item.updated, feed.timeZone),
      ...(item.category ? { tags: [item.category] } : {}),
      ...(item.enclosure
        ? { image: item.enclosure.url, attachments: [{ url: item.enclosure.url, mime_type: item.enclosure.type, size_in_bytes: item.enclosure.length }] }
        : {}),
    })),
  });
}
