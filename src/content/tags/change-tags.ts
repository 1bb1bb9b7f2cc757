// Changing tags from the newsroom: the list with a search by name, renaming per language (a former
// slug keeps its address as a 301), and merging one tag into another: its stories keep a tag (the
// one merged into), its addresses lead to that tag, and the merged tag is gone.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import type { Database } from '../../db/database.ts';
import { containsPattern, foldedLike } from '../../db/index.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../lib/errors.ts';
import { toInstant } from '../../lib/clock.ts';
import type { ContentContext } from '../content-context.ts';
import { renameInLanguages, type NameChanges } from '../taxonomy/rename-names.ts';
import { keepFormerSlug, moveFormerSlugs } from '../taxonomy/former-slugs.ts';
import { refreshStoryListings } from '../stories/story-listings.ts';
import type { Tag } from './tags.ts';

export interface ListedTag extends Tag {
  storyCount: number;
}

/**
 * Tags by id; `query` matches any part of the key or of a name in any language, whatever the case
 * (Cyrillic too, the same on both databases).
 */
export async function listTags(
  database: Database,
  params: { query?: string; after?: number; limit: number },
): Promise<{ tags: ListedTag[]; next: number | undefined }> {
  const db = database.db;
  let ids = db.selectFrom('tags as t').select('t.id').orderBy('t.id').limit(params.limit + 1);
  if (params.after !== undefined) ids = ids.where('t.id', '>', params.after);
  const query = params.query?.trim();
  if (query) {
    const pattern = containsPattern(query);
    ids = ids.where((eb) =>
      eb.or([
        foldedLike(database, 't.key', pattern),
        eb.exists(eb.selectFrom('tag_names as n').select('n.tag_id').whereRef('n.tag_id', '=', 't.id').where(foldedLike(database, 'n.name', pattern))),
      ]),
    );
  }
  const found = (await ids.execute()).map((row) => row.id);
  const page = found.slice(0, params.limit);
  if (page.length === 0) return { tags: [], next: undefined };
  const [tags, names, counts] = await Promise.all([
    db.selectFrom('tags').select(['id', 'key']).where('id', 'in', page).orderBy('id').execute(),
    db.selectFrom('tag_names').select(['tag_id', 'language', 'name', 'slug']).where('tag_id', 'in', page).execute(),
    db.selectFrom('story_tags').select(['tag_id', (eb) => eb.fn.countAll<number>().as('count')]).where('tag_id', 'in', page).groupBy('tag_id').execute(),
  ]);
  return {
    tags: tags.map((tag) => ({
      id: tag.id,
      key: tag.key,
      names: Object.fromEntries(names.filter((n) => n.tag_id === tag.id).map((n) => [n.language, { name: n.name, slug: n.slug }])),
      storyCount: Number(counts.find((c) => c.tag_id === tag.id)?.count ?? 0),
    })),
    next: found.length > params.limit ? page.at(-1) : undefined,
  };
}

async function tagOrThrow(db: Kysely<Schema>, id: number, field = 'id'): Promise<ListedTag> {
  const row = await db.selectFrom('tags').select(['id', 'key']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('tag_not_found', `${field}: no tag with the id ${id}`, { details: { field } });
  const names = await db.selectFrom('tag_names').select(['language', 'name', 'slug']).where('tag_id', '=', id).execute();
  const count = await db.selectFrom('story_tags').select((eb) => eb.fn.countAll<number>().as('count')).where('tag_id', '=', id).executeTakeFirstOrThrow();
  return { id: row.id, key: row.key, names: Object.fromEntries(names.map((n) => [n.language, { name: n.name, slug: n.slug }])), storyCount: Number(count.count) };
}

export async function updateTag(context: ContentContext, id: number, changes: NameChanges): Promise<ListedTag> {
  await tagOrThrow(context.database.db, id);
  const at = toInstant(context.clock());
  await inTransaction(context.database.db, (trx) => renameInLanguages(trx, { table: 'tag_names', ownerId: id, changes, languages: context.languages, at }));
  return tagOrThrow(context.database.db, id);
}

/**
 * Merges tag `fromId` into `intoId`: stories tagged `fromId` are tagged `intoId` (once), a name
 * `intoId` lacks in a language is taken over with its slug, every other slug of `fromId` leads to
 * `intoId` from now on. Returns the ids of the stories whose tags changed.
 */
export async function mergeTags(context: ContentContext, params: { fromId: number; intoId: number }): Promise<{ tag: ListedTag; storyIds: number[] }> {
  const { fromId, intoId } = params;
  if (fromId === intoId) throw new AppError('invalid_input', 'into: choose another tag than the one merged', { details: { field: 'into' } });
  const at = toInstant(context.clock());
  const storyIds = await inTransaction(context.database.db, async (trx) => {
    await tagOrThrow(trx, fromId);
    await tagOrThrow(trx, intoId, 'into');
    const stories = (await trx.selectFrom('story_tags').select('story_id').where('tag_id', '=', fromId).execute()).map((row) => row.story_id);
    await trx
      .updateTable('story_tags')
      .set({ tag_id: intoId })
      .where('tag_id', '=', fromId)
      .where('story_id', 'not in', trx.selectFrom('story_tags').select('story_id').where('tag_id', '=', intoId))
      .execute();
    await trx.deleteFrom('story_tags').where('tag_id', '=', fromId).execute();
    const intoLanguages = (await trx.selectFrom('tag_names').select('language').where('tag_id', '=', intoId).execute()).map((row) => row.language);
    for (const name of await trx.selectFrom('tag_names').select(['language', 'slug']).where('tag_id', '=', fromId).execute()) {
      if (intoLanguages.includes(name.language)) {
        await trx.deleteFrom('tag_names').where('tag_id', '=', fromId).where('language', '=', name.language).execute();
        await keepFormerSlug(trx, { kind: 'tag', language: name.language, slug: name.slug, targetId: intoId, at });
      } else {
        await trx.updateTable('tag_names').set({ tag_id: intoId }).where('tag_id', '=', fromId).where('language', '=', name.language).execute();
      }
    }
    await moveFormerSlugs(trx, 'tag', fromId, intoId);
    for (const storyId of stories) await refreshStoryListings(trx, storyId);
    await trx.deleteFrom('tags').where('id', '=', fromId).execute();
    return stories;
  });
  return { tag: await tagOrThrow(context.database.db, intoId), storyIds };
}
