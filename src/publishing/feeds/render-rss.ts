// RSS 2.0 with the full text in content:encoded, the lead image as an enclosure, atom:link
// rel=self and rel=hub; and the variant Russian aggregators (Yandex) read, which carries the full
// text as plain text in yandex:full-text instead.

import { escapeHtml as escapeXml } from '../../content/index.ts';
import { formatRfc822 } from './feed-dates.ts';
import type { Feed, FeedItem } from './feed-model.ts';

function textOfHtml(html: string): string {
  return html
    .replace(/<\/(p|h[2-4]|li|blockquote|figcaption)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

function renderItem(item: FeedItem, feed: Feed, yandex: boolean): string {
  const parts = [
    `<title>${escapeXml(item.title)}</title>`,
    `<link>${escapeXml(item.url)}</link>`,
    `<guid isPermaLink="true">${escapeXml(item.url)}</guid>`,
    `<pubDate>${formatRfc822(item.published, feed.timeZone)}</pubDate>`,
    `<description>${escapeXml(item.summary)}</description>`,
  ];
  if (item.category) parts.push(`<category>${escapeXml(item.category)}</category>`);
  if (item.enclosure) parts.push(`<enclosure url="${escapeXml(item.enclosure.url)}" length="${item.enclosure.length}" type="${escapeXml(item.enclosure.type)}"/>`);
  parts.push(yandex
    ? `<yandex:full-text>${escapeXml(textOfHtml(item.contentHtml))}</yandex:full-text>`
    : `<content:encoded>${escapeXml(item.contentHtml)}</content:encoded>`);
  return `<item>\n${parts.join('\n')}\n</item>`;
}

export function renderRss(feed: Feed, options: { yandex?: boolean } = {}): string {
  const yandex = options.yandex === true;
  const namespaces = yandex
    ? 'xmlns:atom="http://www.w3.org/2005/Atom" xmlns:yandex="http://news.yandex.ru"'
    : 'xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/"';
  const head = [
    `<title>${escapeXml(feed.title)}</title>`,
    `<link>${escapeXml(feed.pageUrl)}</link>`,
    `<description>${escapeXml(feed.title)}</description>`,
    `<language>${escapeXml(feed.language)}</language>`,
    `<atom:link href="${escapeXml(feed.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    ...feed.hubs.map((hub) => `<atom:link href="${escapeXml(hub)}" rel="hub"/>`),
  ];
  if (feed.updated) head.push(`<lastBuildDate>${formatRfc822(feed.updated, feed.timeZone)}</lastBuildDate>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" ${namespaces}>
<channel>
${head.join('\n')}
${feed.items.map((item) => renderItem(item, feed, yandex)).join('\n')}
</channel>
</rss>
`;
}
