// Rubrics: the sections of the site (Economics, Politics...), with a name and URL slug per language.

import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../lib/errors.ts';
import { toInstant } from '../../lib/clock.ts';
import type { ContentContext } from '../content-context.ts';
import { slugForName, validKey, validNames, type NamesByLanguage } from '../named-in-languages.ts';

export interface RubricInput {
  key: string;
  position?: number;
  names: NamesByLanguage;
  /** Slugs chosen by hand, per language; derived from the names otherwise. */
  slugs?: NamesByLanguage;
}

export interface Rubric {
  id: number;
  key: string;
  position: number;
  names: Record<string, { name: string; slug: string }>;
}

export async function createRubric(context: ContentContext, input: RubricInput): Promise<Rubric> {
  const key = validKey(input.key);
  const names = validNames(input.names, context.languages);
  const position = input.position ?? 0;
  if (!Number.isSafeInteger(position) || Math.abs(position) > 10_000) {
    throw new AppError('invalid_input', 'position: must be a whole number from -10000 to 10000', { details: { field: 'position' } });
  }
  const now = toInstant(context.clock());
  return inTransaction(context.database.db, async (trx) => {
    const existing = await trx.selectFrom('rubrics').select('id').where('key', '=', key).executeTakeFirst();
    if (existing) throw new AppError('invalid_input', `key: a rubric "${key}" already exists`, { details: { field: 'key' } });
    const { id } = await trx
      .insertInto('rubrics')
      .values({ key, position, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const result: Rubric = { id, key, position, names: {} };
    for (const [language, name] of names) {
      const slug = await slugForName(trx, 'rubric_names', language, name, input.slugs?.[language]);
      await trx.insertInto('rubric_names').values({ rubric_id: id, language, name, slug }).execute();
      result.names[language] = { name, slug };
    }
    return result;
  });
}

export async function listRubrics(context: { database: Pick<ContentContext['database'], 'db'> }): Promise<Rubric[]> {
  const rows = await context.database.db
    .selectFrom('rubrics as r')
    .leftJoin('rubric_names as n', 'n.rubric_id', 'r.id')
    .select(['r.id', 'r.key', 'r.position', 'n.language', 'n.name', 'n.slug'])
    .orderBy('r.position')
    .orderBy('r.id')
    .execute();
  const byId = new Map<number, Rubric>();
  for (const row of rows) {
    let rubric = byId.get(row.id);
    if (!rubric) {
      rubric = { id: row.id, key: row.key, position: row.position, names: {} };
      byId.set(row.id, rubric);
    }
    if (row.language && row.name && row.slug) rubric.names[row.language] = { name: row.name, slug: row.slug };
  }
  return [...byId.values()];
}
