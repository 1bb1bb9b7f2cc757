// What a feed needs beyond the listing: the full text, the time each item last changed (for
// <updated>, ETag and Last-Modified) and the lead image as an enclosure (file, type, size). One
// query by primary keys for the 50 stories the listing index gave, never a scan.

import type { Kysely } from 'kysely';
import type { Instant, Schema } from '../../db/schema.ts';

export interface FeedItemDetails {
  storyId: number;
  updatedAt: Instant;
  correctedAt: Instant | null;
  leadImage: { storageKey: string; mimeType: string; byteSize: number; width: number; height: number } | undefined;
}

export interface FeedImage {
  storageKey: string;
  width: number;
  height: number;
}

/** The change times and lead images of `storyIds` in `language` (no body: enough for the ETag). */
export async function findFeedItemDetails(db: Kysely<Schema>, language: string, storyIds: readonly number[]): Promise<Map<number, FeedItemDetails>> {
  const result = new Map<number, FeedItemDetails>();
  if (storyIds.length === 0) return result;
  const rows = await db
    .selectFrom('story_versions as v')
    .innerJoin('stories as s', 's.id', 'v.story_id')
    .leftJoin('images as i', 'i.id', 's.lead_image_id')
    .select(['v.story_id', 'v.updated_at', 'v.corrected_at', 'i.storage_key', 'i.mime_type', 'i.byte_size', 'i.width', 'i.height'])
    .where('v.language', '=', language)
    .where('v.story_id', 'in', [...storyIds])
    .execute();
  for (const row of rows) {
    result.set(row.story_id, {
      storyId: row.story_id,
      updatedAt: row.updated_at,
      correctedAt: row.corrected_at,
      leadImage: row.storage_key
        ? { storageKey: row.storage_key, mimeType: row.mime_type!, byteSize: Number(row.byte_size), width: row.width!, height: row.height! }
        : undefined,
    });
  }
  return result;
}

/** The bodies (story documents as JSON text) of `storyIds` in `language`, by story id. */
export async function findFeedBodies(db: Kysely<Schema>, language: string, storyIds: readonly number[]): Promise<Map<number, string>> {
  if (storyIds.length === 0) return new Map();
  const rows = await db.selectFrom('story_versions').select(['story_id', 'body']).where('language', '=', language).where('story_id', 'in', [...storyIds]).execute();
  return new Map(rows.map((row) => [row.story_id, row.body]));
}

/** Images placed in story bodies, for the renderer. */
export async function findBodyImages(db: Kysely<Schema>, ids: readonly number[]): Promise<Map<number, FeedImage>> {
  const result = new Map<number, FeedImage>();
  if (ids.length === 0) return result;
  const rows = await db.selectFrom('images').select(['id', 'storage_key', 'width', 'height']).where('id', 'in', [...new Set(ids)]).execute();
  for (const row of rows) result.set(row.id, { storageKey: row.storage_key, width: row.width, height: row.height });
  return result;
}
