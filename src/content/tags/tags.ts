// Tags: topics across rubrics (energy, Minsk, football), with a name and URL slug per language.

import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../lib/errors.ts';
import { toInstant } from '../../lib/clock.ts';
import type { ContentContext } from '../content-context.ts';
import { slugForName, validKey, validNames, type NamesByLanguage } from '../named-in-languages.ts';

export interface TagInput {
  key: string;
  names: NamesByLanguage;
}

export interface Tag {
  id: number;
  key: string;
  names: Record<string, { name: string; slug: string }>;
}

export async function createTag(context: ContentContext, input: TagInput): Promise<Tag> {
  const key = validKey(input.key);
  const names = validNames(input.names, context.languages);
  const now = toInstant(context.clock());
  return inTransaction(context.database.db, async (trx) => {
    const existing = await trx.selectFrom('tags').select('id').where('key', '=', key).executeTakeFirst();
    if (existing) throw new AppError('invalid_input', `key: a tag "${key}" already exists`, { details: { field: 'key' } });
    const { id } = await trx.insertInto('tags').values({ key, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const tag: Tag = { id, key, names: {} };
    for (const [language, name] of names) {
      const slug = await slugForName(trx, 'tag_names', language, name);
      await trx.insertInto('tag_names').values({ tag_id: id, language, name, slug }).execute();
      tag.names[language] = { name, slug };
    }
    return tag;
  });
}
