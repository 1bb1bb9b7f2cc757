// The sitemap documents: the index (sitemaps.org 0.9), a month's URLs with an xhtml:link alternate
// for every language version of each story (hreflang), and the Google News sitemap.

import { escapeHtml as escapeXml } from '../../content/index.ts';
import { formatRfc3339 } from '../feeds/feed-dates.ts';

export interface SitemapUrl {
  loc: string;
  lastmod: Date;
  alternates: Array<{ hreflang: string; href: string }>;
}

export interface NewsUrl {
  loc: string;
  publicationName: string;
  language: string;
  publishedAt: Date;
  title: string;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function renderSitemapIndex(locations: readonly string[]): string {
  return `${HEAD}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${locations.map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>`).join('\n')}
</sitemapindex>
`;
}

export function renderUrlSet(urls: readonly SitemapUrl[], timeZone: string): string {
  const entries = urls.map((url) => {
    const alternates = url.alternates.map((alt) => `<xhtml:link rel="alternate" hreflang="${escapeXml(alt.hreflang)}" href="${escapeXml(alt.href)}"/>`).join('');
    return `<url><loc>${escapeXml(url.loc)}</loc><lastmod>${formatRfc3339(url.lastmod, timeZone)}</lastmod>${alternates}</url>`;
  });
  return `${HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${entries.join('\n')}
</urlset>
`;
}

export function renderNewsSitemap(urls: readonly NewsUrl[], timeZone: string): string {
  const entries = urls.map((url) => `<url><loc>${escapeXml(url.loc)}</loc><news:news><news:publication><news:name>${escapeXml(url.publicationName)}</news:name><news:language>${escapeXml(url.language)}</news:language></news:publication><news:publication_date>${formatRfc3339(url.publishedAt, timeZone)}</news:publication_date><news:title>${escapeXml(url.title)}</news:title></news:news></url>`);
  return `${HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${entries.join('\n')}
</urlset>
`;
}
