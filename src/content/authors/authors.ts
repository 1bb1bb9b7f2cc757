// Authors: the people in bylines, with their name written in each language. An author may be a
// newsroom user, or a contributor without an account.

import { inTransaction } from '../../db/transaction.ts';
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
