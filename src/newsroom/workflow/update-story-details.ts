// The story's details beside its text: rubric, urgency, main-story flag, tags and byline. They
// belong to the story (every language version shares them), are changed by whoever may edit the
// version being worked on, and go into the audit log. The rubric is also copied onto every
// version, which rubric listings read.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { validId, validLanguage } from '../../content/index.ts';
import { AppError } from '../../lib/errors.ts';
import { toInstant } from '../../lib/clock.ts';
import { validActor, type Actor } from './actor.ts';
import { writeAudit } from './audit-log.ts';
import { runCommand } from './run-command.ts';
import { authorize } from './transitions.ts';
import { loadVersion, storyLanguages } from './version-rows.ts';
import type { WorkflowContext } from './workflow-context.ts';

export interface StoryDetails {
  rubricId?: number;
  /** 1 (flash) .. 5 (routine). */
  urgency?: number;
  isMain?: boolean;
  tagIds?: number[];
  /** The byline, in order. */
  authorIds?: number[];
  /** The photo at the top of the story (from the media library); null removes it. */
  leadImageId?: number | null;
}

const MAX_TAGS = 30;
const MAX_AUTHORS = 10;

function fail(field: string, problem: string): AppError {
  return new AppError('invalid_input', `${field}: ${problem}`, { details: { field } });
}

function idList(value: unknown, field: string, max: number): number[] {
  if (!Array.isArray(value)) throw fail(field, 'must be a list of ids');
  if (value.length > max) throw fail(field, `must have at most ${max} entries`);
  const ids = value.map((id, index) => validId(id, `${field}[${index}]`));
  if (new Set(ids).size !== ids.length) throw fail(field, 'must not name the same id twice');
  return ids;
}

export function validDetails(details: unknown): StoryDetails {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) throw fail('details', 'must be an object');
  const input = details as Record<string, unknown>;
  const known = ['rubricId', 'urgency', 'isMain', 'tagIds', 'authorIds', 'leadImageId'];
  const unknown = Object.keys(input).find((key) => !known.includes(key));
  if (unknown !== undefined) throw fail(`details.${unknown}`, 'is not a story detail');
  const valid: StoryDetails = {};
  if (input.rubricId !== undefined) valid.rubricId = validId(input.rubricId, 'details.rubricId');
  if (input.urgency !== undefined) {
    if (typeof input.urgency !== 'number' || !Number.isInteger(input.urgency) || input.urgency < 1 || input.urgency > 5) throw fail('details.urgency', 'must be a whole number from 1 (flash) to 5 (routine)');
    valid.urgency = input.urgency;
  }
  if (input.isMain !== undefined) {
    if (typeof input.isMain !== 'boolean') throw fail('details.isMain', 'must be true or false');
    valid.isMain = input.isMain;
  }
  if (input.tagIds !== undefined) valid.tagIds = idList(input.tagIds, 'details.tagIds', MAX_TAGS);
  if (input.authorIds !== undefined) valid.authorIds = idList(input.authorIds, 'details.authorIds', MAX_AUTHORS);
  if (input.leadImageId !== undefined) valid.leadImageId = input.leadImageId === null ? null : validId(input.leadImageId, 'details.leadImageId');
  return valid;
}

export async function updateStoryDetails(context: WorkflowContext, params: { actor: Actor; storyId: number; language: string; details: StoryDetails }): Promise<void> {
  const actor = validActor(params.actor);
  const storyId = validId(params.storyId, 'storyId');
  const language = validLanguage(params.language, context.languages);
  const details = validDetails(params.details);
  await runCommand(context, async (scope) => {
    const { trx, now } = scope;
    const version = await loadVersion(trx, context.database.dialect, storyId, language);
    authorize('edit', actor, { status: version.status, storyCreatedBy: version.storyCreatedBy });
    await writeStoryDetails(trx, storyId, details, now);
    await writeAudit(trx, { actor, action: 'details', at: now, storyId, versionId: version.id, language, fromStatus: version.status, toStatus: version.status, details: { ...details } });
    await scope.storyChanged(storyId, await storyLanguages(trx, storyId), 'details');
  });
}

/** Writes validated details onto the story in the caller's transaction (also a correction's). */
export async function writeStoryDetails(trx: Kysely<Schema>, storyId: number, details: StoryDetails, now: Date): Promise<void> {
  const at = toInstant(now);
  if (details.rubricId !== undefined) {
    const rubric = await trx.selectFrom('rubrics').select('id').where('id', '=', details.rubricId).executeTakeFirst();
    if (!rubric) throw new AppError('rubric_not_found', `No rubric with id ${details.rubricId}`, { details: { field: 'details.rubricId' } });
    await trx.updateTable('story_versions').set({ rubric_id: details.rubricId }).where('story_id', '=', storyId).execute();
  }
  for (const [table, ids, field] of [['tags', details.tagIds, 'details.tagIds'], ['authors', details.authorIds, 'details.authorIds']] as const) {
    if (ids === undefined || ids.length === 0) continue;
    const found = await trx.selectFrom(table).select('id').where('id', 'in', ids).execute();
    const missing = ids.find((id) => !found.some((row) => row.id === id));
    if (missing !== undefined) throw fail(field, `no ${table === 'tags' ? 'tag' : 'author'} with id ${missing}`);
  }
  if (typeof details.leadImageId === 'number') {
    const image = await trx.selectFrom('images').select('id').where('id', '=', details.leadImageId).executeTakeFirst();
    if (!image) throw new AppError('image_not_found', `No image with id ${details.leadImageId}`, { details: { field: 'details.leadImageId' } });
  }
  await trx.updateTable('stories').set({
    updated_at: at,
    ...(details.rubricId === undefined ? {} : { rubric_id: details.rubricId }),
    ...(details.urgency === undefined ? {} : { urgency: details.urgency }),
    ...(details.isMain === undefined ? {} : { is_main: details.isMain ? 1 : 0 }),
    ...(details.leadImageId === undefined ? {} : { lead_image_id: details.leadImageId }),
  }).where('id', '=', storyId).execute();
  if (details.tagIds !== undefined) {
    await trx.deleteFrom('story_tags').where('story_id', '=', storyId).execute();
    if (details.tagIds.length > 0) await trx.insertInto('story_tags').values(details.tagIds.map((tagId, position) => ({ story_id: storyId, tag_id: tagId, position }))).execute();
  }
  if (details.authorIds !== undefined) {
    await trx.deleteFrom('story_authors').where('story_id', '=', storyId).execute();
    if (details.authorIds.length > 0) await trx.insertInto('story_authors').values(details.authorIds.map((authorId, position) => ({ story_id: storyId, author_id: authorId, position }))).execute();
  }
}
