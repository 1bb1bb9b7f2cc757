// Reads and writes of one language version for the workflow commands: the version with what the
// rules need (its story's author, rubric, lead image, embargo), locked on PostgreSQL for the rest
// of the transaction (when read in one), and a status change guarded by the status it was read in.

import type { Kysely, Updateable } from 'kysely';
import type { Schema, Instant } from '../../db/schema.ts';
import type { Dialect } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';

export interface WorkflowVersion {
  id: number;
  storyId: number;
  language: string;
  status: string;
  version: number;
  revision: number;
  headline: string;
  lede: string;
  body: string;
  slug: string;
  seoTitle: string | null;
  seoDescription: string | null;
  publishedAt: Instant | null;
  firstPublishedAt: Instant | null;
  correctionNote: string | null;
  rubricId: number;
  storyCreatedBy: number | null;
  leadImageId: number | null;
  embargoUntil: Instant | null;
  updatedAt: Instant;
}

export async function loadVersion(trx: Kysely<Schema>, dialect: Dialect, storyId: number, language: string): Promise<WorkflowVersion> {
  const row = await trx
    .selectFrom('story_versions as v')
    .innerJoin('stories as s', 's.id', 'v.story_id')
    .select([
      'v.id', 'v.story_id', 'v.language', 'v.status', 'v.version', 'v.revision', 'v.headline', 'v.lede', 'v.body', 'v.slug',
      'v.seo_title', 'v.seo_description', 'v.published_at', 'v.first_published_at', 'v.correction_note', 'v.updated_at',
      's.rubric_id', 's.created_by', 's.lead_image_id', 's.embargo_until',
    ])
    .where('v.story_id', '=', storyId)
    .where('v.language', '=', language)
    .$if(dialect === 'postgres' && trx.isTransaction, (q) => q.forUpdate('v'))
    .executeTakeFirst();
  if (!row) throw new AppError('story_not_found', `Story ${storyId} has no ${language} version`, { details: { storyId, language } });
  return {
    id: row.id,
    storyId: row.story_id,
    language: row.language,
    status: row.status,
    version: row.version,
    revision: row.revision,
    headline: row.headline,
    lede: row.lede,
    body: row.body,
    slug: row.slug,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    publishedAt: row.published_at,
    firstPublishedAt: row.first_published_at,
    correctionNote: row.correction_note,
    rubricId: row.rubric_id,
    storyCreatedBy: row.created_by,
    leadImageId: row.lead_image_id,
    embargoUntil: row.embargo_until,
    updatedAt: row.updated_at,
  };
}

export async function loadStory(trx: Kysely<Schema>, dialect: Dialect, storyId: number) {
  const story = await trx
    .selectFrom('stories')
    .select(['id', 'rubric_id', 'urgency', 'created_by', 'embargo_until', 'lead_image_id'])
    .where('id', '=', storyId)
    .$if(dialect === 'postgres' && trx.isTransaction, (q) => q.forUpdate())
    .executeTakeFirst();
  if (!story) throw new AppError('story_not_found', `No story with id ${storyId}`, { details: { storyId } });
  return story;
}

export async function storyLanguages(trx: Kysely<Schema>, storyId: number): Promise<string[]> {
  const rows = await trx.selectFrom('story_versions').select('language').where('story_id', '=', storyId).execute();
  return rows.map((row) => row.language);
}

type VersionChanges = Pick<Updateable<Schema['story_versions']>, 'status' | 'published_at' | 'first_published_at' | 'version' | 'correction_note' | 'corrected_at'>;

/** Changes the version's status only if it is still `fromStatus`; a concurrent change is a 409. */
export async function setVersionStatus(trx: Kysely<Schema>, version: WorkflowVersion, changes: VersionChanges & { updated_at: Instant }): Promise<void> {
  const result = await trx
    .updateTable('story_versions')
    .set(changes)
    .where('id', '=', version.id)
    .where('status', '=', version.status)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new AppError('transition_not_allowed', `The ${version.language} version of story ${version.storyId} changed status meanwhile`, {
      details: { status: version.status },
    });
  }
}
