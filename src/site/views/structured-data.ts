// schema.org JSON-LD for the public pages, as plain objects: the routes put them into
// PageChrome.structuredData and the layout writes each into its own <script type="application/ld+json">
// (through serializeJsonLd, so no text can close the script element early).
//
// What Google reads (Search Central, "Article" and "Breadcrumb" structured data): an article has no
// required properties, but author (each a Person with name and url), datePublished and dateModified
// (ISO 8601 with the time zone, the same moment the page shows), headline (short: longer ones are cut
// off) and image (several large images) are recommended. A breadcrumb trail needs itemListElement,
// and each ListItem needs position (from 1), name and item (the URL).

export const SCHEMA_CONTEXT = 'https://schema.org';

/** Google cuts longer article headlines; AMP articles used to be rejected over this length. */
export const HEADLINE_MAX_LENGTH = 110;

export interface NewsArticleInput {
  /** The canonical absolute URL of the story page. */
  url: string;
  headline: string;
  description: string;
  /** The page's language code (ru, en, be). */
  language: string;
  /** ISO 8601 with the agency's offset, exactly as in the page's <time datetime>. */
  datePublished: string;
  /** The correction's time, as on the page; absent while the story was never corrected. */
  dateModified?: string | undefined;
  images: Array<{ url: string; width: number; height: number }>;
  authors: Array<{ name: string; url: string }>;
  /** The rubric's name in the page's language. */
  section: string;
  /** Tag names in the page's language. */
  keywords: string[];
  publisher: { name: string; url: string; logoUrl?: string | undefined };
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

function assertIsoWithZone(name: string, value: string): void {
  // A time without a zone is read by Google as the crawler's guess; it must be the page's moment.
  if (!ISO_WITH_ZONE.test(value)) throw new TypeError(`${name} must be ISO 8601 with a time zone offset, got ${JSON.stringify(value)}`);
}

/**
 * The headline in at most `max` characters (code points): whole if it fits, otherwise cut at the
 * last word boundary that leaves room for "…", without trailing punctuation. A single word longer
 * than the limit is cut inside it.
 */
export function cutHeadline(headline: string, max: number = HEADLINE_MAX_LENGTH): string {
  const text = headline.replace(/\s+/g, ' ').trim();
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const room = chars.slice(0, max - 1);
  let end = room.length;
  // Cut at a space only when the next character starts a new word (or the text goes on with one).
  if (chars[max - 1] !== ' ') {
    const lastSpace = room.lastIndexOf(' ');
    if (lastSpace > 0) end = lastSpace;
  }
  const kept = room.slice(0, end).join('').replace(/[\s,;:.\-–—(«"'“„]+$/u, '');
  return `${kept === '' ? room.join('') : kept}…`;
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

function publisherJsonLd(publisher: NewsArticleInput['publisher']): Record<string, unknown> {
  return {
    '@type': 'NewsMediaOrganization',
    name: publisher.name,
    url: publisher.url,
    ...(nonEmpty(publisher.logoUrl) ? { logo: { '@type': 'ImageObject', url: publisher.logoUrl } } : {}),
  };
}

/** A story page's NewsArticle. */
export function newsArticleJsonLd(input: NewsArticleInput): Record<string, unknown> {
  assertIsoWithZone('datePublished', input.datePublished);
  if (input.dateModified !== undefined) assertIsoWithZone('dateModified', input.dateModified);
  const keywords = input.keywords.map((keyword) => keyword.trim()).filter((keyword) => keyword !== '');
  // A story without a byline is the agency's own: Google accepts an Organization as the author.
  const author = input.authors.length > 0
    ? input.authors.map((person) => ({ '@type': 'Person', name: person.name, url: person.url }))
    : [{ '@type': 'NewsMediaOrganization', name: input.publisher.name, url: input.publisher.url }];
  return {
    '@context': SCHEMA_CONTEXT,
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    url: input.url,
    headline: cutHeadline(input.headline),
    ...(nonEmpty(input.description) ? { description: input.description.trim() } : {}),
    inLanguage: input.language,
    datePublished: input.datePublished,
    ...(input.dateModified !== undefined ? { dateModified: input.dateModified } : {}),
    ...(input.images.length > 0
      ? { image: input.images.map((image) => ({ '@type': 'ImageObject', url: image.url, width: image.width, height: image.height })) }
      : {}),
    author,
    ...(nonEmpty(input.section) ? { articleSection: input.section } : {}),
    ...(keywords.length > 0 ? { keywords } : {}),
    publisher: publisherJsonLd(input.publisher),
    isAccessibleForFree: true,
  };
}

/** The page's breadcrumb trail (home first, usually ending with the page itself). */
export function breadcrumbListJsonLd(items: Array<{ name: string; url: string }>): Record<string, unknown> {
  return {
    '@context': SCHEMA_CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({ '@type': 'ListItem', position: index + 1, name: item.name, item: item.url })),
  };
}

/** A language home's WebSite: the site name Google shows for the site. */
export function webSiteJsonLd(input: { name: string; url: string; language: string }): Record<string, unknown> {
  return { '@context': SCHEMA_CONTEXT, '@type': 'WebSite', name: input.name, url: input.url, inLanguage: input.language };
}

/** The agency itself, for language homes: sameAs lists its profiles on social networks. */
export function organizationJsonLd(input: { name: string; url: string; sameAs: string[]; logoUrl?: string | undefined }): Record<string, unknown> {
  const sameAs = input.sameAs.filter((profile) => profile.trim() !== '');
  return {
    '@context': SCHEMA_CONTEXT,
    '@type': 'NewsMediaOrganization',
    name: input.name,
    url: input.url,
    ...(nonEmpty(input.logoUrl) ? { logo: { '@type': 'ImageObject', url: input.logoUrl } } : {}),
    ...(sameAs.length > 0 ? { sameAs } : {}),
  };
}

/** og:locale from a BCP 47 locale: ru-RU → ru_RU, be-BY → be_BY, en-GB → en_GB (a bare language stays as it is). */
const ogLocales = new Map<string, string>();

export function ogLocale(locale: string): string {
  let result = ogLocales.get(locale);
  if (result === undefined) {
    // Parsing a locale is costly and every page asks for the same few.
    const parsed = new Intl.Locale(locale.replace(/_/g, '-'));
    result = parsed.region ? `${parsed.language}_${parsed.region}` : parsed.language;
    if (ogLocales.size < 100) ogLocales.set(locale, result);
  }
  return result;
}

const JSON_LD_UNSAFE = /[<>&\u2028\u2029]/;
const JSON_LD_UNSAFE_ALL = /[<>&\u2028\u2029]/g;
const JSON_LD_ESCAPES: Readonly<Record<string, string>> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * The text of a <script type="application/ld+json"> element: JSON with `<`, `>` and `&` escaped, so
 * a headline containing "</script>" or "<!--" cannot end the element; U+2028/9 escaped for old parsers.
 */
export function serializeJsonLd(data: object): string {
  // One scan in the usual case (nothing to escape), one replacing pass otherwise: this runs on every page.
  const json = JSON.stringify(data);
  return JSON_LD_UNSAFE.test(json) ? json.replace(JSON_LD_UNSAFE_ALL, (c) => JSON_LD_ESCAPES[c]!) : json;
}
