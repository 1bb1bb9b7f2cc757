// Atom 1.0 (RFC 4287): the full text as <content type="html">, the lead image as a link
// rel=enclosure with its type and length, rel=self and rel=hub links, RFC 3339 dates.

import { escapeHtml as escapeXml } from '../../content/index.ts';
import { formatRfc3339 } from './feed-dates.ts';
import type { Feed, FeedItem } from './feed-model.ts';

function renderEntry(item: FeedItem, feed: Feed): string {
  const parts = [
    `<title>${escapeXml(item.title)}</title>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(item.url)}"/>`,
    `<id>${escapeXml(item.url)}</id>`,
    `<published>${formatRfc3339(item.published, feed.timeZone)}</published>`,
    `<updated>${formatRfc3339(item.updated, feed.timeZone)}</updated>`,
    `<summary>${escapeXml(item.summary)}</summary>`,
    `<content type="html">${escapeXml(item.contentHtml)}</content>`,
  ];
  if (item.category) parts.push(`<category term="${escapeXml(item.category)}"/>`);
  if (item.enclosure) parts.push(`<link rel="enclosure" type="${escapeXml(item.enclosure.type)}" length="${item.enclosure.length}" href="${escapeXml(item.enclosure.url)}"/>`);
  return `<entry>\n${parts.join('\n')}\n</entry>`;
}

export function renderAtom(feed: Feed, fallbackUpdated: Date): string {
  const head = [
    `<title>${escapeXml(feed.title)}</title>`,
    `<id>${escapeXml(feed.selfUrl)}</id>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(feed.pageUrl)}"/>`,
    ...feed.hubs.map((hub) => `<link rel="hub" href="${escapeXml(hub)}"/>`),
    // Atom requires <updated> and an author for the feed; an empty feed says when it was made.
    `<updated>${formatRfc3339(feed.updated ?? fallbackUpdated, feed.timeZone)}</updated>`,
    `<author><name>${escapeXml(feed.title)}</name></author>`,
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.language)}">
${head.join('\n')}
${feed.items.map((item) => renderEntry(item, feed)).join('\n')}
</feed>
`;
}
