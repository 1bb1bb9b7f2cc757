// An update: a new story that follows a published one (follows_story_id), in the same rubric with
// the same tags and bylines, starting as a draft in one language with the given text or a copy of
// the story it follows. The earlier story stays as it is.

import { createStory, type StoryDocument } from '../../content/index.ts';
import { isSystemActor } from './actor.ts';
import { applyTransition, type VersionTarget } from './apply-transition.ts';
import { writeAudit } from './audit-log.ts';
import { mergeText, textOf, type TextFields } from './version-text.ts';
import type { WorkflowContext } from './workflow-context.ts';

export async function createUpdate(context: WorkflowContext, params: VersionTarget & { fields?: TextFields }): Promise<{ storyId: number; followsStoryId: number }> {
  let created = 0;
  await applyTransition(context, params, 'update', async ({ trx, now, storyChanged }, version) => {
    const { slug: _slug, ...fields } = params.fields ?? {};
    const text = mergeText(textOf(version), fields, version.language, context.languages);
    const story = await trx.selectFrom('stories').select(['urgency']).where('id', '=', version.storyId).executeTakeFirstOrThrow();
    const tags = await trx.selectFrom('story_tags').select('tag_id').where('story_id', '=', version.storyId).orderBy('position').execute();
    const authors = await trx.selectFrom('story_authors').select('author_id').where('story_id', '=', version.storyId).orderBy('position').execute();
    const result = await createStory(
      { ...context, database: { ...context.database, db: trx }, clock: () => now },
      {
        rubricId: version.rubricId,
        urgency: story.urgency,
        followsStoryId: version.storyId,
        leadImageId: version.leadImageId,
        createdBy: isSystemActor(params.actor) ? null : params.actor.userId,
        tagIds: tags.map((t) => t.tag_id),
        authorIds: authors.map((a) => a.author_id),
        versions: [{
          language: version.language,
          headline: text.headline,
          lede: text.lede,
          body: JSON.parse(text.body) as StoryDocument,
          seoTitle: text.seoTitle,
          seoDescription: text.seoDescription,
        }],
      },
    );
    created = result.id;
    await storyChanged(result.id, [version.language], 'create_update');
    await writeAudit(trx, { actor: params.actor, action: 'create_update', at: now, storyId: result.id, language: version.language, toStatus: 'draft', details: { followsStoryId: version.storyId } });
    return { details: { updateStoryId: result.id } };
  });
  return { storyId: created, followsStoryId: params.storyId };
}
