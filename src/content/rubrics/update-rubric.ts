// Changing rubrics from the newsroom: names and slugs per language (a former slug keeps its address
// as a 301), and the order in which the site lists them.

import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../lib/errors.ts';
import { toInstant } from '../../lib/clock.ts';
import type { ContentContext } from '../content-context.ts';
import { renameInLanguages, type NameChanges } from '../taxonomy/rename-names.ts';
import { listRubrics, type Rubric } from './rubrics.ts';

async function rubricOrThrow(context: Pick<ContentContext, 'database'>, id: number): Promise<Rubric> {
  const rubric = (await listRubrics(context)).find((r) => r.id === id);
  if (!rubric) throw new AppError('rubric_not_found', `No rubric with the id ${id}`);
  return rubric;
}

export async function updateRubric(context: ContentContext, id: number, changes: NameChanges): Promise<Rubric> {
  await rubricOrThrow(context, id);
  const at = toInstant(context.clock());
  await inTransaction(context.database.db, (trx) =>
    renameInLanguages(trx, { table: 'rubric_names', ownerId: id, changes, languages: context.languages, at }),
  );
  return rubricOrThrow(context, id);
}

/** `ids` is every rubric once, in the new order; positions become 10, 20, 30, ... */
export async function reorderRubrics(context: ContentContext, ids: readonly number[]): Promise<Rubric[]> {
  const existing = (await listRubrics(context)).map((rubric) => rubric.id);
  const given = new Set(ids);
  if (given.size !== ids.length || given.size !== existing.length || existing.some((id) => !given.has(id))) {
    throw new AppError('invalid_input', 'order: list every rubric id exactly once', { details: { field: 'order' } });
  }
  await inTransaction(context.database.db, async (trx) => {
    for (const [index, id] of ids.entries()) await trx.updateTable('rubrics').set({ position: (index + 1) * 10 }).where('id', '=', id).execute();
  });
  return listRubrics(context);
}
