// The dependency keys of the public site: what a cached page was built from, and what a change
// touches. A page carries the keys of its own address (the list it is) and of every story and
// image it links to (found in the bytes it sends, so no render function has to report them); a
// story change names the story (every page that shows it, in whichever list) and the lists it is
// in now (which it may have just entered). Together they drop exactly the pages that showed the
// story before the change and those it appears in after.
//
//   site                          every page (settings, rubrics, static pages, the chrome)
//   story:<id>                    the story's own pages, in every language (the language switch)
//   story:<id>:<lang>             every page that links to that language version
//   home:<lang>                   the language home, its feeds, the first pages of the lists
//   rubric:<lang>:<slug>          a rubric's pages and feeds, and «Other materials» of its stories
//   tag:<lang>:<slug>             a tag's pages and feeds
//   author:<lang>:<key>           an author's pages
//   archive:<lang>:<yyyy-mm>      the archive days of a month (the calendar shows the whole month)
//   sitemap:<lang>                the language's sitemaps, and the sitemap index
//   media:<storage key>           every page showing that image file (alt, caption, credit)

const STORY_LINK = /\/([a-z]{2,3})\/[a-z0-9-]{1,120}\/(\d{1,10})-[a-z0-9]/g;
const MEDIA_LINK = /\/media\/([A-Za-z0-9._/-]{1,200}?)(?=["'\s?,<)&])/g;

/** Keys from the address: the list or story the page is. */
export function keysOfAddress(path: string): string[] {
  const parts = path.split('/');
  // ['', lang, ...]
  const lang = parts[1] ?? '';
  if (path === '/sitemap.xml') return ['sitemap:*'];
  if (parts[1] === 'sitemaps' && parts[2]) return [`sitemap:${parts[2]}`];
  if (!/^[a-z]{2,3}$/.test(lang)) return [];
  const [, , second, third, fourth] = parts;
  if (second === '' || second === undefined || isFeedFile(second)) return [`home:${lang}`];
  if (second === 'tags' && third) return [`tag:${lang}:${third}`];
  if (second === 'authors' && third) return [`author:${lang}:${third}`];
  if (second === 'archive' && third && fourth) return [`archive:${lang}:${third}-${fourth}`];
  if (third === undefined) return [`page:${lang}:${second}`];
  const story = /^(\d{1,10})-/.exec(third);
  if (story) return [`story:${story[1]}`, `rubric:${lang}:${second}`];
  return [`rubric:${lang}:${second}`];
}

function isFeedFile(segment: string): boolean {
  return segment === 'rss.xml' || segment === 'atom.xml' || segment === 'feed.json' || segment === 'yandex.xml';
}

/** Keys from what the page links to: each story version and each image file it shows. */
export function keysOfContent(body: string): Set<string> {
  const keys = new Set<string>();
  for (const match of body.matchAll(STORY_LINK)) keys.add(`story:${match[2]}:${match[1]}`);
  for (const match of body.matchAll(MEDIA_LINK)) keys.add(`media:${match[1]}`);
  return keys;
}

/** What readers can see of a story now, in one language (from the content domain). */
export interface VisibleListing {
  language: string;
  rubricSlug: string | null;
  tagSlugs: readonly string[];
  authorKeys: readonly string[];
  /** The publication day in the agency's time zone: yyyy-mm-dd. */
  localDay: string;
}

/** The keys a story change drops: its pages, the pages linking it, and every list it is in now. */
export function keysOfStoryChange(storyId: number, languages: readonly string[], visible: readonly VisibleListing[]): string[] {
  const keys = new Set<string>([`story:${storyId}`]);
  // Sitemaps list too many stories to name them in their Surrogate-Key header; theirs go by language.
  for (const language of languages) keys.add(`story:${storyId}:${language}`).add(`sitemap:${language}`);
  if (languages.length > 0) keys.add('sitemap:*');
  for (const listing of visible) {
    const lang = listing.language;
    keys.add(`home:${lang}`);
    keys.add(`sitemap:${lang}`);
    keys.add('sitemap:*');
    keys.add(`archive:${lang}:${listing.localDay.slice(0, 7)}`);
    if (listing.rubricSlug) keys.add(`rubric:${lang}:${listing.rubricSlug}`);
    for (const slug of listing.tagSlugs) keys.add(`tag:${lang}:${slug}`);
    for (const key of listing.authorKeys) keys.add(`author:${lang}:${key}`);
  }
  return [...keys];
}
