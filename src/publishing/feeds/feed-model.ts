// One feed as every format sees it. The formats (RSS, Atom, JSON Feed, the Yandex variant) only
// write this down differently, so they can never disagree about what is in the feed.

export interface FeedEnclosure {
  url: string;
  type: string;
  length: number;
}

export interface FeedItem {
  url: string;
  title: string;
  summary: string;
  /** The full text, from the one document renderer. */
  contentHtml: string;
  published: Date;
  /** The last change readers can see (a correction), else the publication. */
  updated: Date;
  category: string | undefined;
  enclosure: FeedEnclosure | undefined;
}

export interface Feed {
  language: string;
  title: string;
  /** The page the feed follows (the language home, the rubric or the tag page). */
  pageUrl: string;
  /** This feed's own address in this format. */
  selfUrl: string;
  /** WebSub hubs to name in the feed. */
  hubs: readonly string[];
  timeZone: string;
  /** The newest change of any item; undefined for an empty feed. */
  updated: Date | undefined;
  items: FeedItem[];
}

export const FEED_FORMATS = ['rss', 'atom', 'json', 'yandex'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export const FEED_FILES: Readonly<Record<FeedFormat, string>> = {
  rss: 'rss.xml',
  atom: 'atom.xml',
  json: 'feed.json',
  yandex: 'yandex.xml',
};

export const FEED_CONTENT_TYPES: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
  yandex: 'application/rss+xml; charset=utf-8',
};
