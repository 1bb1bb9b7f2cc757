// What each public page shows, as plain data: the routes build these from the database, and the
// templates turn them into HTML without asking anything else. Text fields are plain text (the
// templates escape them); fields named *Html are trusted HTML from the story renderer.

import type { UiStrings } from '../i18n/ui-strings.ts';

export interface Link {
  text: string;
  href: string;
}

/** A moment as the page shows it: `iso` for <time datetime> (with the agency's offset), `text` for readers. */
export interface TimeView {
  iso: string;
  text: string;
}

export interface LanguageOption {
  code: string;
  /** The switch label: Ru, Eng, Bel. */
  label: string;
  /** The language's own name: Русский, English, Беларуская. */
  name: string;
  href: string;
  isCurrent: boolean;
}

export type SocialNetworkName = 'vk' | 'telegram' | 'x' | 'facebook' | 'youtube';

export interface SocialLink {
  network: SocialNetworkName;
  /** The network's name as readers know it: VK, Telegram, X, Facebook, YouTube. */
  name: string;
  href: string;
}

export interface ImageView {
  src: string;
  width: number;
  height: number;
  alt: string;
  caption?: string | undefined;
  credit?: string | undefined;
  srcset?: string | undefined;
  sizes?: string | undefined;
  /** Better formats (AVIF, WebP), best first: the image is then shown as a `<picture>`. */
  sources?: ReadonlyArray<{ type: string; srcset: string }> | undefined;
}

export interface OpenGraphView {
  type: 'website' | 'article';
  title: string;
  description?: string | undefined;
  /** Absolute URL of the page. */
  url: string;
  siteName: string;
  /** og:locale, e.g. ru_RU. */
  locale: string;
  alternateLocales: string[];
  image?: { url: string; width: number; height: number; alt: string } | undefined;
  /** For articles: ISO times with offset, section (rubric) and tags. */
  publishedTime?: string | undefined;
  modifiedTime?: string | undefined;
  section?: string | undefined;
  tags?: string[] | undefined;
}

/** Everything around the main content that every page has. */
export interface PageChrome {
  /** The page's language code (html lang). */
  language: string;
  strings: UiStrings;
  siteName: string;
  homeHref: string;
  /** Where the header's search box sends its query. */
  searchHref: string;
  /** The document title. */
  title: string;
  description?: string | undefined;
  /** Absolute canonical URL. */
  canonicalUrl: string;
  /** hreflang alternates (absolute URLs), agreeing with the language switch, plus x-default. */
  alternates: Array<{ hreflang: string; href: string }>;
  languages: LanguageOption[];
  /** The rubrics in the page's language, for the main navigation. */
  rubrics: Array<Link & { isCurrent: boolean }>;
  /** The feed of this page's language (or rubric), for the header link and <link rel="alternate">. */
  feed: Link;
  social: SocialLink[];
  /** Static pages (About, Contacts) in the page's language. */
  footerPages: Link[];
  openGraph: OpenGraphView;
  /** JSON-LD objects, each written into its own <script type="application/ld+json">. */
  structuredData: object[];
  /** Error pages are not for search engines. */
  noindex?: boolean | undefined;
  stylesheetHref: string;
  /** The year in the footer's copyright line; the current UTC year when absent. */
  copyrightYear?: number | undefined;
}

export interface StoryItemView {
  headline: string;
  href: string;
  time: TimeView;
  rubric?: Link | undefined;
  lede?: string | undefined;
  image?: ImageView | undefined;
  /** Flash and urgent stories (urgency 1 and 2) are marked. */
  isUrgent?: boolean | undefined;
}

export interface ShareLink {
  network: 'vk' | 'telegram' | 'x' | 'facebook' | 'odnoklassniki';
  /** "Share on VK", localized. */
  label: string;
  href: string;
}

export interface StoryPageView {
  chrome: PageChrome;
  /** Home, then the rubric. */
  breadcrumbs: Link[];
  rubric: Link;
  headline: string;
  published: TimeView;
  /** Present when the story was corrected. */
  correction?: { text: string; time: TimeView } | undefined;
  lede: string;
  leadImage?: ImageView | undefined;
  bodyHtml: string;
  tags: Link[];
  byline: Link[];
  share: ShareLink[];
  /** The canonical URL, offered for copying. */
  shareUrl: string;
  /** «Другие материалы рубрики «Экономика»»: the latest stories of the rubric, this one excluded. */
  otherMaterials: { heading: string; items: StoryItemView[]; more: Link };
}

export interface CalendarDay {
  day: number;
  /** Set when the day has stories. */
  href?: string | undefined;
  isCurrent: boolean;
}

export interface CalendarView {
  /** "November 2026" / "Ноябрь 2026". */
  caption: string;
  /** Short weekday names, Monday first. */
  weekdays: string[];
  /** Weeks of the month, Monday first; null for days outside the month. */
  weeks: Array<Array<CalendarDay | null>>;
  previousMonth?: Link | undefined;
  nextMonth?: Link | undefined;
}

/** Language homes, rubric, tag and author pages, and the date archive. */
export interface ListingPageView {
  chrome: PageChrome;
  heading: string;
  breadcrumbs: Link[];
  /** The first page of a language home: the main story and the top stories above the feed. */
  lead?: { main?: StoryItemView | undefined; top: StoryItemView[] } | undefined;
  /** Heading above the feed when there is a lead ("Latest news"). */
  feedHeading?: string | undefined;
  items: StoryItemView[];
  /** "5 материалов" for an archive day. */
  countText?: string | undefined;
  pagination: { older?: Link | undefined; newest?: Link | undefined };
  calendar?: CalendarView | undefined;
  /** Shown instead of the list when there are no stories. */
  emptyText?: string | undefined;
}

export interface ErrorPageView {
  chrome: PageChrome;
  status: 400 | 404 | 410 | 500 | 503;
  heading: string;
  text: string;
  homeLink: Link;
  /** The latest news, so a reader who lost their way finds something to read. */
  latest: StoryItemView[];
}

export interface StaticPageView {
  chrome: PageChrome;
  breadcrumbs: Link[];
  heading: string;
  bodyHtml: string;
}

export interface SearchResultView {
  href: string;
  /** Escaped headline with <mark> around matching words (from the search domain). */
  headlineHtml: string;
  /** Escaped snippet with <mark> around matching words. */
  snippetHtml: string;
  time: TimeView;
  rubric?: Link | undefined;
}

export interface SearchPageView {
  chrome: PageChrome;
  form: {
    query: string;
    rubrics: Array<{ value: string; text: string; isSelected: boolean }>;
    from: string;
    to: string;
    tag: string | undefined;
  };
  /** The count, or why nothing was searched, in the page's language. */
  messages: string[];
  results: SearchResultView[];
  pages: { current: number; previous: string | undefined; next: string | undefined };
}
