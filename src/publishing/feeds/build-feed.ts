// Builds a Feed: the latest 50 stories readers may see in the scope (the listing index, so killed,
// unpublished, embargoed and scheduled stories are out by the same rule as on the pages), their
// full text through the one document renderer, and the lead image as an enclosure.

import { listFeedPage, renderDocumentHtml, type FeedScope, type StoryDocument } from '../../content/index.ts';
import type { Database } from '../../db/database.ts';
import { findBodyImages, findFeedItemDetails } from './feed-queries.ts';
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

export async function buildFeed(database: Database, links: FeedLinks, request: FeedRequest): Promise<Feed> {
  const { language } = request;
  const { stories } = await listFeedPage(database.db, { language, scope: request.scope, limit: FEED_ITEMS, now: request.now });
  const details = await findFeedItemDetails(database.db, language, stories.map((story) => story.storyId));
  const bodies = new Map<number, StoryDocument>();
  for (const [id, detail] of details) bodies.set(id, JSON.parse(detail.body) as StoryDocument);
  const bodyImageIds = [...bodies.values()].flatMap((doc) => doc.content.flatMap((block) => (block.type === 'image' ? [block.attrs.imageId] : [])));
  const images = await findBodyImages(database.db, bodyImageIds);
  const absolute = (path: string) => `${links.publicUrl}${path}`;
  const items: FeedItem[] = [];
  for (const story of stories) {
    const detail = details.get(story.storyId);
    const body = bodies.get(story.storyId);
    if (!detail || !body) continue;
    const published = new Date(story.publishedAt);
    const changed = new Date(detail.correctedAt ?? detail.updatedAt);
    const image = detail.leadImage;
    items.push({
      url: absolute(links.storyPath(language, story.rubricId, story.storyId, story.slug)),
      title: story.headline,
      summary: story.lede,
      contentHtml: renderDocumentHtml(body, {
        resolveImage: (id) => {
          const found = images.get(id);
          return found ? { src: absolute(links.mediaPath(found.storageKey)), width: found.width, height: found.height } : undefined;
        },
      }),
      published,
      updated: changed > published ? changed : published,
      category: links.rubricName(language, story.rubricId),
      enclosure: image ? { url: absolute(links.mediaPath(image.storageKey)), type: image.mimeType, length: image.byteSize } : undefined,
    });
  }
  const updated = items.reduce<Date | undefined>((newest, item) => (!newest || item.updated > newest ? item.updated : newest), undefined);
  return {
    language,
    title: request.title,
    pageUrl: absolute(request.pagePath),
    selfUrl: absolute(request.selfPath),
    hubs: request.hubs,
    timeZone: request.timeZone,
    updated,
    items,
  };
}
