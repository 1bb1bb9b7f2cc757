// Gives a language version a new slug chosen by an editor. The former slug stays recorded, so
// links to it keep working (the site answers them with a 301 to the current address).

import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../lib/errors.ts';
import { toInstant } from '../../lib/clock.ts';
import type { ContentContext } from '../content-context.ts';
import { claimExactStorySlug } from './story-slugs.ts';
import { validId, validLanguage } from './story-input.ts';

export async function changeSlug(context: ContentContext, params: { storyId: number; language: string; slug: string }): Promise<string> {
  const storyId = validId(params.storyId, 'storyId');
  const language = validLanguage(params.language, context.languages);
  const now = toInstant(context.clock());
  return inTransaction(context.database.db, async (trx) => {
    const version = await trx
      .selectFrom('story_versions')
      .select(['id', 'slug'])
      .where('story_id', '=', storyId)
      .where('language', '=', language)
      .executeTakeFirst();
    if (!version) throw new AppError('story_not_found', `Story ${storyId} has no ${language} version`, { details: { storyId, language } });
    if (version.slug === params.slug) return version.slug;
    const slug = await claimExactStorySlug(trx, { storyId, language, slug: params.slug, now });
    await trx.updateTable('story_versions').set({ slug, updated_at: now }).where('id', '=', version.id).execute();
    return slug;
  });
}
