// Authors: the people in bylines, with their name written in each language. An author may be a
// newsroom user, or a contributor without an account.

import { inTransaction } from '../../db/transaction.ts';
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { compiledQuery } from '../../db/compiled-query.ts';
import { AppError } from '../../lib/errors.ts';
import { toInstant } from '../../lib/clock.ts';
import type { ContentContext } from '../content-context.ts';
import { validKey, validNames, type NamesByLanguage } from '../named-in-languages.ts';

export interface AuthorInput {
  key: string;
  names: NamesByLanguage;
  userId?: number | null;
}

export async function createAuthor(context: ContentContext, input: AuthorInput): Promise<{ id: number; key: string }> {
  const key = validKey(input.key);
  const names = validNames(input.names, context.languages);
  const now = toInstant(context.clock());
  return inTransaction(context.database.db, async (trx) => {
    const existing = await trx.selectFrom('authors').select('id').where('key', '=', key).executeTakeFirst();
    if (existing) throw new AppError('invalid_input', `key: an author "${key}" already exists`, { details: { field: 'key' } });
    const { id } = await trx
      .insertInto('authors')
      .values({ key, user_id: input.userId ?? null, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('author_names').values(names.map(([language, name]) => ({ author_id: id, language, name }))).execute();
    return { id, key };
  });
}

export interface Author {
  id: number;
  key: string;
  names: Record<string, string>;
}

export async function findAuthorByKey(context: Pick<ContentContext, 'database'>, key: string): Promise<Author | undefined> {
  const author = await context.database.db.selectFrom('authors').select(['id', 'key']).where('key', '=', key).executeTakeFirst();
  if (!author) return undefined;
  const names = await context.database.db.selectFrom('author_names').select(['language', 'name']).where('author_id', '=', author.id).execute();
  return { ...author, names: Object.fromEntries(names.map((row) => [row.language, row.name])) };
}

/** A story's byline in `language`: its authors in order, each with the name written in that language when there is one. */
const selectStoryAuthors = compiledQuery((db: Kysely<Schema>, storyId: number, language: string) =>
  db
    .selectFrom('story_authors as sa')
    .innerJoin('authors as a', 'a.id', 'sa.author_id')
    .leftJoin('author_names as n', (join) => join.onRef('n.author_id', '=', 'a.id').on('n.language', '=', language))
    .select(['a.key', 'n.name'])
    .where('sa.story_id', '=', storyId)
    .orderBy('sa.position'),
);

export async function listStoryAuthors(context: Pick<ContentContext, 'database'>, storyId: number, language: string): Promise<Array<{ key: string; name: string }>> {
  const rows = await selectStoryAuthors(context.database.db, storyId, language);
  return rows.map((row) => ({ key: row.key, name: row.name ?? row.key }));
}
