// The publish check of the workflow: which images of a language version would reach readers
// without alt text. A story may not be published in a language while its lead image, or an image
// its document shows, has no alt text in that language (in the media library, or on the image
// block of the document itself).

import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { AppError } from '../lib/errors.ts';

interface ImageReference {
  imageId: number;
  /** The alt text written on the document's image block, if any. */
  alt: string | undefined;
}

/** Image blocks anywhere in a stored story document (today they are top-level blocks only). */
function imageReferences(node: unknown, found: ImageReference[] = []): ImageReference[] {
  if (typeof node !== 'object' || node === null) return found;
  const { type, attrs, content } = node as { type?: unknown; attrs?: { imageId?: unknown; alt?: unknown }; content?: unknown };
  if (type === 'image' && attrs && Number.isSafeInteger(attrs.imageId)) {
    found.push({ imageId: attrs.imageId as number, alt: typeof attrs.alt === 'string' ? attrs.alt : undefined });
  }
  if (Array.isArray(content)) for (const child of content) imageReferences(child, found);
  return found;
}

/**
 * Ids of the images of story `storyId` that have no alt text in `language`: its lead image and
 * the images of that language version's document, each once, lead image first. Throws
 * `story_not_found` when the story has no version in that language.
 */
export async function imagesMissingAlt(db: Kysely<Schema>, storyId: number, language: string): Promise<number[]> {
  const row = await db
    .selectFrom('stories as s')
    .innerJoin('story_versions as v', 'v.story_id', 's.id')
    .select(['s.lead_image_id', 'v.body'])
    .where('s.id', '=', storyId)
    .where('v.language', '=', language)
    .executeTakeFirst();
  if (!row) throw new AppError('story_not_found', `Story ${storyId} has no ${language} version`, { details: { storyId, language } });

  let references: ImageReference[] = [];
  try {
    references = imageReferences(JSON.parse(row.body));
  } catch {
    // A body that is not JSON shows no image; the document's own checks refuse it elsewhere.
  }
  const ids = [...new Set([...(row.lead_image_id === null ? [] : [row.lead_image_id]), ...references.map((r) => r.imageId)])];
  if (ids.length === 0) return [];
  const described = await db
    .selectFrom('image_texts')
    .select('image_id')
    .where('language', '=', language)
    .where('image_id', 'in', ids)
    .where('alt', '<>', '')
    .execute();
  const hasAlt = new Set(described.map((r) => r.image_id));
  // A body image with alt text written on its block is described where it is shown.
  const describedInBody = new Set(references.filter((r) => r.alt !== undefined && r.alt.trim() !== '').map((r) => r.imageId));
  return ids.filter((id) => !hasAlt.has(id) && !(describedInBody.has(id) && id !== row.lead_image_id));
}
