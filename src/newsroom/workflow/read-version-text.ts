// Query: a language version's current text for the editor, with what the editor shows beside it
// (status, revision to save against, the story's details and embargo, the languages it has), read
// with the same right as revisions (`readText`).

import { validId, validLanguage, type StoryDocument } from '../../content/index.ts';
import { validActor, type Actor } from './actor.ts';
import { authorize } from './transitions.ts';
import { loadVersion } from './version-rows.ts';
import type { TextForEditor } from './start-translation.ts';
import { textOf } from './version-text.ts';
import type { WorkflowContext } from './workflow-context.ts';

export interface VersionForEditor extends TextForEditor {
  storyId: number;
  rubricId: number;
  storyCreatedBy: number | null;
  embargoUntil: string | null;
  publishedAt: string | null;
  correctionNote: string | null;
  version: number;
  /** Languages the story has a version in, in configured order. */
  languages: string[];
  urgency: number;
  isMain: boolean;
  tagIds: number[];
  /** The byline, in order. */
  authorIds: number[];
  leadImageId: number | null;
}

export async function readVersionText(context: WorkflowContext, params: { actor: Actor; storyId: number; language: string }): Promise<VersionForEditor> {
  const actor = validActor(params.actor);
  const db = context.database.db;
  const version = await loadVersion(db, context.database.dialect, validId(params.storyId, 'storyId'), validLanguage(params.language, context.languages));
  authorize('readText', actor, { status: version.status, storyCreatedBy: version.storyCreatedBy });
  const rows = await db.selectFrom('story_versions').select('language').where('story_id', '=', version.storyId).execute();
  const present = new Set(rows.map((row) => row.language));
  const story = await db.selectFrom('stories').select(['urgency', 'is_main']).where('id', '=', version.storyId).executeTakeFirstOrThrow();
  const tags = await db.selectFrom('story_tags').select('tag_id').where('story_id', '=', version.storyId).orderBy('position').execute();
  const authors = await db.selectFrom('story_authors').select('author_id').where('story_id', '=', version.storyId).orderBy('position').execute();
  return {
    ...textOf(version),
    body: JSON.parse(version.body) as StoryDocument,
    language: version.language,
    status: version.status,
    revision: version.revision,
    version: version.version,
    storyId: version.storyId,
    rubricId: version.rubricId,
    storyCreatedBy: version.storyCreatedBy,
    embargoUntil: version.embargoUntil,
    publishedAt: version.publishedAt,
    correctionNote: version.correctionNote,
    languages: context.languages.filter((code) => present.has(code)),
    urgency: story.urgency,
    isMain: story.is_main === 1,
    tagIds: tags.map((row) => row.tag_id),
    authorIds: authors.map((row) => row.author_id),
    leadImageId: version.leadImageId,
  };
}
