// Builds a Feed: the latest 50 stories readers may see in the scope (the listing index, so killed,
// unpublished, embargoed and scheduled stories are out by the same rule as on the pages), their
// full text through the one document renderer, and the lead image as an enclosure.

import { listFeedPage, renderDocumentHtml, type FeedScope, type StoryDocument } from '../../content/index.ts';
import type { Database } from '../../db/database.ts';
import { findBodyImages, findFeedBodies, findFeedItemDetails } from './feed-queries.ts';
import type { Feed, FeedItem } from './feed-model.ts';

export const FEED_ITEMS = 50;

export interface FeedLinks {
  publicUrl: string;
  storyPath(language: string, rubricId: number, storyId: number, slug: string): string;
  rubricName(language: string, rubricId: number): string | undefined;
  mediaPath(storageKey: string): string;
}

export interface FeedRequest {
  language: string;
  scope: FeedScope;
  title: string;
  pagePath: string;
  selfPath: string;
  hubs: readonly string[];
  timeZone: string;
  now: Date;
}

/**
 * The feed of the request. When `isCurrent` says the client's copy (judged by items and change
 * times alone) is still current, the bodies are neither read nor rendered: a 304 costs two
 * index reads.
 */
export async function buildFeed(
  database: Database,
  links: FeedLinks,
  request: FeedRequest,
  isCurrent: (feed: Feed) => boolean = () => false,
): Promise<{ feed: Feed; isCurrent: boolean }> {
  const { language } = request;
  const { stories } = await listFeedPage(database.db, { language, scope: request.scope, limit: FEED_ITEMS, now: request.now });
  const details = await findFeedItemDetails(database.db, language, stories.map((story) => story.storyId));
  const absolute = (path: string) => `${links.publicUrl}${path}`;
  const items: Array<FeedItem & { storyId: number }> = [];
  for (const story of stories) {
    const detail = details.get(story.storyId);
    if (!detail) continue;
    const published = new Date(story.publishedAt);
    const changed = new Date(detail.correctedAt ?? detail.updatedAt);
    const image = detail.leadImage;
    items.push({
      storyId: story.storyId,
      url: absolute(links.storyPath(language, story.rubricId, story.storyId, story.slug)),
      title: story.headline,
      summary: story.lede,
      contentHtml: '',
      published,
      updated: changed > published ? changed : published,
      category: links.rubricName(language, story.rubricId),
      enclosure: image ? { url: absolute(links.mediaPath(image.storageKey)), type: image.mimeType, length: image.byteSize } : undefined,
    });
  }
  const updated = items.reduce<Date | undefined>((newest, item) => (!newest || item.updated > newest ? item.updated : newest), undefined);
  const feed: Feed = {
    language,
    title: request.title,
    pageUrl: absolute(request.pagePath),
    selfUrl: absolute(request.selfPath),
    hubs: request.hubs,
    timeZone: request.timeZone,
    updated,
    items,
  };
  if (isCurrent(feed)) return { feed, isCurrent: true };

  const bodies = new Map<number, StoryDocument>();
  for (const [id, body] of await findFeedBodies(database.db, language, items.map((item) => item.storyId))) bodies.set(id, JSON.parse(body) as StoryDocument);
  const bodyImageIds = [...bodies.values()].flatMap((doc) => doc.content.flatMap((block) => (block.type === 'image' ? [block.attrs.imageId] : [])));
  const images = await findBodyImages(database.db, bodyImageIds);
  for (const item of items) {
    const body = bodies.get(item.storyId);
    if (!body) continue;
    item.contentHtml = renderDocumentHtml(body, {
      resolveImage: (id) => {
        const found = images.get(id);
        return found ? { src: absolute(links.mediaPath(found.storageKey)), width: found.width, height: found.height } : undefined;
      },
    });
  }
  return { feed, isCurrent: false };
}
