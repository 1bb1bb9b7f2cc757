// Images of the media library: the stored file's key and size, its credit, and per language the
// alt text (what the picture shows) and the caption.

import { inTransaction } from '../../db/transaction.ts';
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { compiledListQuery } from '../../db/compiled-query.ts';
import { AppError } from '../../lib/errors.ts';
import { toInstant } from '../../lib/clock.ts';
import type { ContentContext } from '../content-context.ts';

export interface ImageInput {
  storageKey: string;
  mimeType: string;
  width: number;
  height: number;
  byteSize: number;
  credit?: string | null;
  texts: Readonly<Record<string, { alt: string; caption?: string | null }>>;
}

const MIME_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif', 'image/svg+xml']);

function fail(field: string, problem: string): AppError {
  return new AppError('invalid_input', `${field}: ${problem}`, { details: { field } });
}

export async function registerImage(context: ContentContext, input: ImageInput): Promise<{ id: number }> {
  if (!/^[a-z0-9][a-z0-9/_.-]{0,200}$/.test(input.storageKey) || input.storageKey.includes('..')) {
    throw fail('storageKey', 'must be a relative path of lower-case letters, digits, "/", "_", "-" and "."');
  }
  if (!MIME_TYPES.has(input.mimeType)) throw fail('mimeType', `must be one of ${[...MIME_TYPES].join(', ')}`);
  for (const field of ['width', 'height', 'byteSize'] as const) {
    if (!Number.isSafeInteger(input[field]) || input[field] < 1) throw fail(field, 'must be a positive whole number');
  }
  const texts = Object.entries(input.texts);
  for (const [language, text] of texts) {
    if (!context.languages.includes(language)) throw new AppError('language_unknown', `texts.${language}: not a configured language`);
    if (typeof text.alt !== 'string' || text.alt.trim() === '') throw fail(`texts.${language}.alt`, 'alt text must not be empty');
  }
  const now = toInstant(context.clock());
  return inTransaction(context.database.db, async (trx) => {
    const { id } = await trx
      .insertInto('images')
      .values({
        storage_key: input.storageKey,
        mime_type: input.mimeType,
        width: input.width,
        height: input.height,
        byte_size: input.byteSize,
        credit: input.credit?.trim() || null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (texts.length > 0) {
      await trx
        .insertInto('image_texts')
        .values(texts.map(([language, text]) => ({ image_id: id, language, alt: text.alt.trim(), caption: text.caption?.trim() || null })))
        .execute();
    }
    return { id };
  });
}

export interface ImageForPage {
  id: number;
  storageKey: string;
  width: number;
  height: number;
  credit: string | null;
  alt: string | null;
  caption: string | null;
}

/** The images with `ids`, with their texts in `language`. */
function selectImages(db: Kysely<Schema>, language: string) {
  return db
    .selectFrom('images as i')
    .leftJoin('image_texts as t', (join) => join.onRef('t.image_id', '=', 'i.id').on('t.language', '=', language))
    .select(['i.id', 'i.storage_key', 'i.width', 'i.height', 'i.credit', 't.alt', 't.caption']);
}

// Compiled once per number of images (a story page most often has one, a language home five).
const selectImagesByIds = compiledListQuery((db: Kysely<Schema>, ids: readonly number[], language: string) => selectImages(db, language).where('i.id', 'in', ids));

export async function findImagesForPage(context: Pick<ContentContext, 'database'>, ids: readonly number[], language: string): Promise<Map<number, ImageForPage>> {
  const result = new Map<number, ImageForPage>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return result;
  const rows = await selectImagesByIds(context.database.db, unique, language);
  for (const row of rows) {
    result.set(row.id, {
      id: row.id,
      storageKey: row.storage_key,
      width: row.width,
      height: row.height,
      credit: row.credit,
      alt: row.alt,
      caption: row.caption,
    });
  }
  return result;
}
