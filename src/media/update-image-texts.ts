// Changes what the newsroom wrote about an image: the alt text and caption per language, and the
// credit. Languages not named keep their texts; a language set to null loses them.

import { inTransaction } from '../db/transaction.ts';
import { AppError } from '../lib/errors.ts';
import { toInstant } from '../lib/clock.ts';
import { readCredit, readImageTexts, type ImageTextInput } from './image-texts-input.ts';
import { findImage, type MediaImage } from './media-queries.ts';
import type { Actor, MediaContext } from './media-context.ts';

export interface UpdateImageTextsInput {
  actor: Actor;
  imageId: number;
  texts?: Readonly<Record<string, ImageTextInput | null>>;
  /** Given: the new credit (null or empty removes it). Absent: unchanged. */
  credit?: string | null;
}

export async function updateImageTexts(media: MediaContext, input: UpdateImageTextsInput): Promise<MediaImage> {
  const texts = readImageTexts(input.texts, media.languages);
  const hasCredit = Object.prototype.hasOwnProperty.call(input, 'credit');
  const credit = hasCredit ? readCredit(input.credit) : undefined;
  const db = media.database.db;
  const now = toInstant(media.clock());
  await inTransaction(db, async (trx) => {
    const found = await trx.selectFrom('images').select('id').where('id', '=', input.imageId).executeTakeFirst();
    if (!found) throw new AppError('image_not_found', `No image ${input.imageId} in the media library`, { details: { imageId: input.imageId } });
    for (const [language, text] of texts) {
      await trx.deleteFrom('image_texts').where('image_id', '=', input.imageId).where('language', '=', language).execute();
      if (text) await trx.insertInto('image_texts').values({ image_id: input.imageId, language, alt: text.alt, caption: text.caption }).execute();
    }
    await trx
      .updateTable('images')
      .set(credit === undefined ? { updated_at: now } : { updated_at: now, credit })
      .where('id', '=', input.imageId)
      .execute();
  });
  return (await findImage(db, input.imageId))!;
}
