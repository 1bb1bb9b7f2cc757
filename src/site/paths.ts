// Public addresses of site pages, built in one place so links, redirects, canonical URLs and the
// language switch always agree.

export function homePath(language: string): string {
  return `/${language}/`;
}

export function storyPath(language: string, rubricSlug: string | null, storyId: number, slug: string): string {
  return `/${language}/${rubricSlug ?? 'news'}/${storyId}-${slug}`;
}

export function rubricPath(language: string, rubricSlug: string): string {
  return `/${language}/${rubricSlug}/`;
}

export function tagPath(language: string, tagSlug: string): string {
  return `/${language}/tags/${tagSlug}/`;
}

export function authorPath(language: string, authorKey: string): string {
  return `/${language}/authors/${authorKey}/`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function archiveDayPath(language: string, year: number, month: number, day: number): string {
  return `/${language}/archive/${year}/${pad(month)}/${pad(day)}`;
}

export function staticPagePath(language: string, slug: string): string {
  return `/${language}/${slug}`;
}

/** The RSS feed of a language, or of one of its rubrics; the other formats sit beside it (feedAlternates). */
export function feedPath(language: string, rubricSlug?: string): string {
  return rubricSlug ? `/${language}/${rubricSlug}/rss.xml` : `/${language}/rss.xml`;
}

export function tagFeedPath(language: string, tagSlug: string): string {
  return `/${language}/tags/${tagSlug}/rss.xml`;
}

/** The Atom and JSON Feed beside an RSS feed (publishing/feeds serves all three at these names). */
export function feedAlternates(rssHref: string): Array<{ type: string; href: string }> {
  const base = rssHref.replace(/rss\.xml$/, '');
  return [
    { type: 'application/rss+xml', href: rssHref },
    { type: 'application/atom+xml', href: `${base}atom.xml` },
    { type: 'application/feed+json', href: `${base}feed.json` },
  ];
}

/** A listing's address one page older: ?older=<unix milliseconds>-<story id>. */
export function withOlder(path: string, cursor: { publishedAt: string; storyId: number }): string {
  return `${path}?older=${Date.parse(cursor.publishedAt)}-${cursor.storyId}`;
}

/** The search page; the header's search box sends its form here. */
export function searchPath(language: string): string {
  return `/${language}/search`;
}
