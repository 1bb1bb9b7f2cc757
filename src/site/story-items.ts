// Turns stories from the listing queries into what a list shows: headline, address, time as the
// feed writes it, rubric, and for rich lists the lede and lead image.

import { type ImageForPage, type ListedHeadline, type ListedStory } from '../content/index.ts';
import type { PictureSources } from '../media/index.ts';
import type { SiteDirectory, SiteLanguage } from './site-directory.ts';
import type { ImageView, StoryItemView } from './views/view-models.ts';
import { rubricPath, storyPath } from './paths.ts';

export function mediaPath(storageKey: string): string {
  return `/media/${storageKey}`;
}

export function imageView(image: ImageForPage): ImageView {
  return {
    src: mediaPath(image.storageKey),
    width: image.width,
    height: image.height,
    alt: image.alt ?? '',
    caption: image.caption ?? undefined,
    credit: image.credit ?? undefined,
  };
}

/** An image with renditions, offered as a `<picture>` at the width `sizes` says it is shown. */
export function withPicture(view: ImageView, picture: PictureSources | undefined, sizes: string): ImageView {
  if (!picture?.srcset) return view;
  return { ...view, src: picture.src ?? view.src, srcset: picture.srcset, sizes, sources: picture.sources };
}

/** The rubric's name and slug in `language`, from the directory kept in memory. */
export function rubricIn(directory: SiteDirectory, rubricId: number, language: string): { name: string; slug: string } | undefined {
  return directory.rubricById(rubricId)?.names[language];
}

export function storyItem(
  directory: SiteDirectory,
  story: ListedHeadline & Partial<Pick<ListedStory, 'lede'>>,
  language: SiteLanguage,
  now: Date,
  options: {
    withRubric?: boolean; withLede?: boolean; image?: ImageForPage | undefined; fullDate?: boolean; timeOnly?: boolean;
    /** The image's renditions and the `sizes` it is shown at. */
    picture?: { sources: PictureSources | undefined; sizes: string } | undefined;
  } = {},
): StoryItemView {
  const code = language.config.code;
  const rubric = rubricIn(directory, story.rubricId, code);
  return {
    headline: story.headline,
    href: storyPath(code, rubric?.slug ?? null, story.storyId, story.slug),
    time: options.fullDate
      ? language.time.dateline(story.publishedAt, now)
      // Measured against its own moment, every time is "today": only the hour and minute are written.
      : language.time.listTime(story.publishedAt, options.timeOnly ? new Date(story.publishedAt) : now),
    rubric: options.withRubric && rubric ? { text: rubric.name, href: rubricPath(code, rubric.slug) } : undefined,
    lede: options.withLede ? story.lede : undefined,
    image: options.image ? withPicture(imageView(options.image), options.picture?.sources, options.picture?.sizes ?? '100vw') : undefined,
    isUrgent: story.urgency === 1,
  };
}

interface KeptItem {
  directory: SiteDirectory;
  language: SiteLanguage;
  /** The agency's local day the item was written for. */
  day: number;
  view: StoryItemView;
}

const keptItems = new WeakMap<ListedHeadline, KeptItem>();
const DAY = 86_400_000;

/**
 * The plain item of a headline that stays the same object across page views: RubricHeadlines
 * hands out the same «Other materials» headlines until a story changes. How an item writes its
 * time depends on `now` only through the agency's local day ("14:23" today, "14:23, 27 July"
 * after, the year once it is another year), so the item is made once per headline and day instead
 * of on every story page, and the same item object lets its markup be kept too (renderStoryList's
 * `keep`).
 */
export function keptStoryItem(directory: SiteDirectory, headline: ListedHeadline, language: SiteLanguage, now: Date): StoryItemView {
  const day = Math.floor(language.time.local(now.getTime()).getTime() / DAY);
  const kept = keptItems.get(headline);
  if (kept !== undefined && kept.day === day && kept.language === language && kept.directory === directory) return kept.view;
  const view = storyItem(directory, headline, language, now);
  keptItems.set(headline, { directory, language, day, view });
  return view;
}
