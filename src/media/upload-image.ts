// The upload command: checks that the bytes are an image the library takes (by content), strips
// its metadata, makes the renditions, stores every file atomically under a content address, and
// records the image, its texts and its renditions in one transaction. The same picture uploaded
// again gets the image already stored (`isDuplicate`), with no second copy of any file.
// Files are written before the transaction: a crash in between leaves only files no row names,
// which the next upload of the same picture reuses.

import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { AppError } from '../lib/errors.ts';
import { toInstant } from '../lib/clock.ts';
import { inspectImage } from './inspect-image.ts';
import { processImage } from './process-image.ts';
import { originalKey, renditionKey, sha256, writeMediaFile } from './media-store.ts';
import { MIME_TYPES } from './sniff-format.ts';
import { readCredit, readImageTexts, readOriginalName, type ImageTextInput } from './image-texts-input.ts';
import { findImage, findImageIdByStorageKey, type MediaImage } from './media-queries.ts';
import type { Actor, MediaContext } from './media-context.ts';

export interface UploadImageInput {
  actor: Actor;
  bytes: Buffer;
  /** The name of the file on the uploader's computer; kept for the library's search, never trusted. */
  originalName?: string | null;
  credit?: string | null;
  texts?: Readonly<Record<string, ImageTextInput | null>>;
}

export interface UploadedImage {
  image: MediaImage;
  /** True when this picture was already in the library: nothing new was stored. */
  isDuplicate: boolean;
}

export async function uploadImage(media: MediaContext, input: UploadImageInput): Promise<UploadedImage> {
  // 1. Input that needs no decoding, so a bad field fails before any work.
  if (!Buffer.isBuffer(input.bytes) || input.bytes.length === 0) {
    throw new AppError('invalid_input', 'file: an image file is required', { details: { field: 'file' } });
  }
  const originalName = readOriginalName(input.originalName);
  const credit = readCredit(input.credit);
  const texts = readImageTexts(input.texts, media.languages);

  // 2. The content: format by magic bytes and by sharp, size and pixel limits.
  const inspected = await inspectImage(input.bytes, media.limits);

  // 3. Clean original and renditions (decodes every pixel; a damaged file fails here).
  const processed = await processImage(input.bytes, inspected, media.limits);
  const hash = sha256(processed.original.bytes);
  const storageKey = originalKey(hash, processed.original.format);
  const db = media.database.db;

  const known = await findImageIdByStorageKey(db, storageKey);
  if (known !== undefined) return { image: (await findImage(db, known))!, isDuplicate: true };

  // 4. Files first, each whole or not at all.
  const renditions = processed.renditions.map((rendition) => ({ ...rendition, storageKey: renditionKey(hash, rendition.width, rendition.format) }));
  await writeMediaFile(media.mediaDir, storageKey, processed.original.bytes);
  for (const rendition of renditions) await writeMediaFile(media.mediaDir, rendition.storageKey, rendition.bytes);

  // 5. The rows, in one transaction.
  const now = toInstant(media.clock());
  let id: number;
  try {
    id = await inTransaction(db, async (trx) => insertImage(trx, {
      storageKey,
      mimeType: MIME_TYPES[processed.original.format],
      width: processed.original.width,
      height: processed.original.height,
      byteSize: processed.original.bytes.length,
      credit,
      originalName,
      uploadedBy: input.actor.userId,
      now,
      texts,
      renditions,
    }));
  } catch (error) {
    // The same picture uploaded twice at the same moment: the other upload stored it first.
    const raced = await findImageIdByStorageKey(db, storageKey);
    if (raced !== undefined) return { image: (await findImage(db, raced))!, isDuplicate: true };
    throw error;
  }
  return { image: (await findImage(db, id))!, isDuplicate: false };
}

async function insertImage(
  trx: Kysely<Schema>,
  row: {
    storageKey: string; mimeType: string; width: number; height: number; byteSize: number; credit: string | null;
    originalName: string | null; uploadedBy: number; now: string;
    texts: ReadonlyMap<string, { alt: string; caption: string | null } | null>;
    renditions: ReadonlyArray<{ format: 'avif' | 'webp' | 'jpeg' | 'png'; width: number; height: number; storageKey: string; bytes: Buffer }>;
  },
): Promise<number> {
  const uploader = await trx.selectFrom('users').select('id').where('id', '=', row.uploadedBy).executeTakeFirst();
  const { id } = await trx
    .insertInto('images')
    .values({
      storage_key: row.storageKey,
      mime_type: row.mimeType,
      width: row.width,
      height: row.height,
      byte_size: row.byteSize,
      credit: row.credit,
      original_name: row.originalName,
      // An actor the accounts do not know (a system actor) uploads as nobody in particular.
      uploaded_by: uploader ? uploader.id : null,
      created_at: row.now,
      updated_at: row.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const texts = [...row.texts].flatMap(([language, text]) => (text ? [{ image_id: id, language, alt: text.alt, caption: text.caption }] : []));
  if (texts.length > 0) await trx.insertInto('image_texts').values(texts).execute();
  if (row.renditions.length > 0) {
    await trx
      .insertInto('image_renditions')
      .values(row.renditions.map((r) => ({ image_id: id, format: r.format, width: r.width, height: r.height, storage_key: r.storageKey, byte_size: r.bytes.length })))
      .execute();
  }
  return id;
}
