// Reads of the media library: one image with its texts and renditions, a page of the library
// (newest first, optionally filtered by words of its name, credit, alt text or caption), and the
// renditions of many images at once for a page of the site.

import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { Database } from '../db/database.ts';
import { compiledListQuery } from '../db/compiled-query.ts';
import { containsPattern, foldedLike } from '../db/fold-case.ts';
import type { ImageTexts } from './image-texts-input.ts';
import type { RenditionFormat } from './process-image.ts';

export interface Rendition {
  format: RenditionFormat;
  width: number;
  height: number;
  storageKey: string;
  byteSize: number;
}

export interface MediaImage {
  id: number;
  storageKey: string;
  mimeType: string;
  width: number;
  height: number;
  byteSize: number;
  credit: string | null;
  originalName: string | null;
  uploadedBy: number | null;
  createdAt: string;
  updatedAt: string | null;
  /** Per language; a language with no entry has no alt text or caption yet. */
  texts: Record<string, ImageTexts>;
  /** Narrowest first, AVIF then WebP then the fallback at each width. */
  renditions: Rendition[];
}

export interface MediaPage {
  items: MediaImage[];
  /** Pass it back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export const MEDIA_PAGE_SIZE = 30;
const FORMAT_ORDER: Readonly<Record<string, number>> = { avif: 0, webp: 1, jpeg: 2, png: 2 };

function imageColumns(db: Kysely<Schema>) {
  return db
    .selectFrom('images')
    .select(['images.id', 'images.storage_key', 'images.mime_type', 'images.width', 'images.height', 'images.byte_size', 'images.credit', 'images.original_name', 'images.uploaded_by', 'images.created_at', 'images.updated_at']);
}

/** The renditions of `ids`, each image's list sorted narrowest first. One query. */
export async function listRenditions(db: Kysely<Schema>, ids: readonly number[]): Promise<Map<number, Rendition[]>> {
  const result = new Map<number, Rendition[]>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return result;
  const rows = await selectRenditionsOf(db, unique);
  for (const row of rows) {
    const list = result.get(row.image_id) ?? [];
    list.push({ format: row.format, width: row.width, height: row.height, storageKey: row.storage_key, byteSize: row.byte_size });
    result.set(row.image_id, list);
  }
  for (const list of result.values()) list.sort((a, b) => a.width - b.width || FORMAT_ORDER[a.format]! - FORMAT_ORDER[b.format]!);
  return result;
}

// Compiled once per number of images (a story page most often has one, a language home five).
const selectRenditionsOf = compiledListQuery((db: Kysely<Schema>, ids: readonly number[]) => db.selectFrom('image_renditions').selectAll().where('image_id', 'in', ids));

type ImageRow = Awaited<ReturnType<ReturnType<typeof imageColumns>['execute']>>[number];

async function withTextsAndRenditions(db: Kysely<Schema>, rows: readonly ImageRow[]): Promise<MediaImage[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [texts, renditions] = await Promise.all([
    db.selectFrom('image_texts').select(['image_id', 'language', 'alt', 'caption']).where('image_id', 'in', ids).execute(),
    listRenditions(db, ids),
  ]);
  return rows.map((row) => ({
    id: row.id,
    storageKey: row.storage_key,
    mimeType: row.mime_type,
    width: row.width,
    height: row.height,
    byteSize: row.byte_size,
    credit: row.credit,
    originalName: row.original_name,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    texts: Object.fromEntries(texts.filter((t) => t.image_id === row.id).map((t) => [t.language, { alt: t.alt, caption: t.caption }])),
    renditions: renditions.get(row.id) ?? [],
  }));
}

export async function findImage(db: Kysely<Schema>, id: number): Promise<MediaImage | undefined> {
  if (!Number.isSafeInteger(id) || id < 1) return undefined;
  const row = await imageColumns(db).where('images.id', '=', id).executeTakeFirst();
  return row ? (await withTextsAndRenditions(db, [row]))[0] : undefined;
}

export async function findImageIdByStorageKey(db: Kysely<Schema>, storageKey: string): Promise<number | undefined> {
  const row = await db.selectFrom('images').select('id').where('storage_key', '=', storageKey).executeTakeFirst();
  return row?.id;
}

/**
 * A page of the library, newest first. `query` matches, whatever the case (Cyrillic too, alike on
 * both databases), the file name, the credit, and the alt text or caption in any language; its
 * `%` and `_` are taken literally. `cursor` is the `nextCursor` of the page before.
 */
export async function listMedia(database: Database, options: { query?: string | undefined; cursor?: string | undefined; limit?: number | undefined } = {}): Promise<MediaPage> {
  const db = database.db;
  const limit = Math.min(Math.max(options.limit ?? MEDIA_PAGE_SIZE, 1), 100);
  let select = imageColumns(db);
  const before = options.cursor === undefined ? undefined : Number(options.cursor);
  if (before !== undefined && Number.isSafeInteger(before)) select = select.where('images.id', '<', before);
  const words = options.query?.trim();
  if (words) {
    const pattern = containsPattern(words);
    const matches = (column: string) => foldedLike(database, column, pattern);
    select = select.where((eb) =>
      eb.or([
        matches('images.original_name'),
        matches('images.credit'),
        eb.exists(
          eb.selectFrom('image_texts as t')
            .select('t.image_id')
            .whereRef('t.image_id', '=', 'images.id')
            .where((inner) => inner.or([matches('t.alt'), matches('t.caption')])),
        ),
      ]),
    );
  }
  const rows = await select.orderBy('images.id', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  return {
    items: await withTextsAndRenditions(db, page),
    nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null,
  };
}
