// Which feeds a change of a story touches, for WebSub pings: every format of the language feed, of
// the story's rubric and of each of its tags, in each language that changed. Read by primary keys.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { FEED_FORMATS } from './feed-model.ts';
import { feedAddress } from './feed-address.ts';

export async function listFeedTopics(db: Kysely<Schema>, params: { publicUrl: string; storyId: number; languages: readonly string[] }): Promise<string[]> {
  if (params.languages.length === 0) return [];
  const languages = [...params.languages];
  const rubrics = await db
    .selectFrom('stories as s')
    .innerJoin('rubric_names as r', 'r.rubric_id', 's.rubric_id')
    .select(['r.language', 'r.slug'])
    .where('s.id', '=', params.storyId)
    .where('r.language', 'in', languages)
    .execute();
  const tags = await db
    .selectFrom('story_tags as t')
    .innerJoin('tag_names as n', 'n.tag_id', 't.tag_id')
    .select(['n.language', 'n.slug'])
    .where('t.story_id', '=', params.storyId)
    .where('n.language', 'in', languages)
    .execute();
  const topics: string[] = [];
  for (const format of FEED_FORMATS) {
    for (const language of languages) topics.push(feedAddress(language, format));
    for (const rubric of rubrics) topics.push(feedAddress(rubric.language, format, { rubricSlug: rubric.slug }));
    for (const tag of tags) topics.push(feedAddress(tag.language, format, { tagSlug: tag.slug }));
  }
  return topics.map((topic) => `${params.publicUrl}${topic}`);
}
