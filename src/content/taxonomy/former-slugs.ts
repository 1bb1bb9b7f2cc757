// Former slugs of rubrics and tags. A slug a rubric or tag gave up (renamed, or merged into another
// tag) is kept with the id that now owns it, so the site answers the old address with a 301 and no
// other rubric or tag takes it. Taking one's own former slug back removes it from this list.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';

export type TaxonomyKind = 'rubric' | 'tag';

export async function keepFormerSlug(
  trx: Kysely<Schema>,
  entry: { kind: TaxonomyKind; language: string; slug: string; targetId: number; at: string },
): Promise<void> {
  await trx
    .insertInto('former_taxonomy_slugs')
    .values({ kind: entry.kind, language: entry.language, slug: entry.slug, target_id: entry.targetId, created_at: entry.at })
    .onConflict((oc) => oc.columns(['kind', 'language', 'slug']).doUpdateSet({ target_id: entry.targetId }))
    .execute();
}

/** The slug is current again: it no longer needs a redirect. */
export async function forgetFormerSlug(trx: Kysely<Schema>, entry: { kind: TaxonomyKind; language: string; slug: string }): Promise<void> {
  await trx
    .deleteFrom('former_taxonomy_slugs')
    .where('kind', '=', entry.kind)
    .where('language', '=', entry.language)
    .where('slug', '=', entry.slug)
    .execute();
}

/** The rubric or tag that had `slug` in `language`, if any. */
export async function findFormerSlugOwner(db: Kysely<Schema>, kind: TaxonomyKind, language: string, slug: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('former_taxonomy_slugs')
    .select('target_id')
    .where('kind', '=', kind)
    .where('language', '=', language)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row?.target_id;
}

/** After a merge: what led to `fromId` now leads to `intoId`. */
export async function moveFormerSlugs(trx: Kysely<Schema>, kind: TaxonomyKind, fromId: number, intoId: number): Promise<void> {
  await trx.updateTable('former_taxonomy_slugs').set({ target_id: intoId }).where('kind', '=', kind).where('target_id', '=', fromId).execute();
}
