// What a story page shows under the text: its tags and its byline, in one read. Both lists are
// a few rows found by the story's id; one statement instead of two saves a round of binding and
// stepping per page. Each list comes back in the order the newsroom gave it.

import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { compiledQuery } from '../../db/compiled-query.ts';
import type { ContentContext } from '../content-context.ts';

export interface BylineAndTags {
  /** Tags named in the language (a tag without a name there is left out). */
  tags: Array<{ name: string; slug: string }>;
  /** Authors by key, with their name in the language (the key when they have none there). */
  authors: Array<{ key: string; name: string }>;
}

// No ORDER BY: the rows are sorted here (a handful), so SQLite needs no temporary B-tree.
const selectBylineAndTags = compiledQuery((db: Kysely<Schema>, storyId: number, language: string) =>
  db
    .selectFrom('story_tags as st')
    // CROSS JOIN fixes the order in SQLite: the story's few tags first, then each one's name (not
    // every tag name of the language, which the planner may pick in a small database).
    .crossJoin('tag_names as tn')
    .select([sql<string>`'tag'`.as('kind'), 'st.position', 'tn.slug as key', sql<string | null>`${sql.ref('tn.name')}`.as('name')])
    .where('st.story_id', '=', storyId)
    .whereRef('tn.tag_id', '=', 'st.tag_id')
    .where('tn.language', '=', language)
    .unionAll(
      db
        .selectFrom('story_authors as sa')
        .innerJoin('authors as a', 'a.id', 'sa.author_id')
        .leftJoin('author_names as an', (join) => join.onRef('an.author_id', '=', 'a.id').on('an.language', '=', language))
        .select([sql<string>`'author'`.as('kind'), 'sa.position', 'a.key', 'an.name'])
        .where('sa.story_id', '=', storyId),
    ),
);

export async function listBylineAndTags(context: Pick<ContentContext, 'database'>, storyId: number, language: string): Promise<BylineAndTags> {
  const rows = (await selectBylineAndTags(context.database.db, storyId, language)).sort((a, b) => a.position - b.position);
  const result: BylineAndTags = { tags: [], authors: [] };
  for (const row of rows) {
    if (row.kind === 'tag') result.tags.push({ name: row.name!, slug: row.key });
    else result.authors.push({ key: row.key, name: row.name ?? row.key });
  }
  return result;
}
