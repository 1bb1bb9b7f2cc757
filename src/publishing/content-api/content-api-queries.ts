// The one read the content API needs beyond the content domain's queries: a story's urgency,
// which the page lookup does not carry. By primary key.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';

export async function findStoryUrgency(db: Kysely<Schema>, storyId: number): Promise<number> {
  const row = await db.selectFrom('stories').select('urgency').where('id', '=', storyId).executeTakeFirst();
  return row?.urgency ?? 5;
}
