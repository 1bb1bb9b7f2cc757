// The text of a language version as the editor saves it (headline, lede, body, SEO fields, slug):
// validating a partial set of fields over the current text, writing it with a full-copy revision
// row, and the revision counter that detects a save started from a stale text.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { changeSlug, validateLanguageVersion, type ContentContext } from '../../content/index.ts';
import { AppError } from '../../lib/errors.ts';
import { toInstant } from '../../lib/clock.ts';
import type { WorkflowVersion } from './version-rows.ts';

export interface TextFields {
  headline?: string;
  lede?: string;
  /** The story document. */
  body?: unknown;
  slug?: string;
  seoTitle?: string | null;
  seoDescription?: string | null;
}

export interface VersionText {
  headline: string;
  lede: string;
  /** The story document as JSON text. */
  body: string;
  slug: string;
  seoTitle: string | null;
  seoDescription: string | null;
}

const FIELD_NAMES = ['headline', 'lede', 'body', 'slug', 'seoTitle', 'seoDescription'] as const;

export function textOf(version: WorkflowVersion): VersionText {
  return { headline: version.headline, lede: version.lede, body: version.body, slug: version.slug, seoTitle: version.seoTitle, seoDescription: version.seoDescription };
}

/** The current text with `fields` laid over it, every field validated as a story's would be. */
export function mergeText(current: VersionText, fields: TextFields, language: string, languages: readonly string[]): VersionText {
  if (typeof fields !== 'object' || fields === null) throw new AppError('invalid_input', 'fields: must be an object', { details: { field: 'fields' } });
  const unknown = Object.keys(fields).filter((key) => !(FIELD_NAMES as readonly string[]).includes(key));
  if (unknown.length > 0) throw new AppError('invalid_input', `fields: unknown field ${unknown[0]}`, { details: { field: `fields.${unknown[0]}` } });
  const valid = validateLanguageVersion(
    {
      language,
      headline: fields.headline ?? current.headline,
      lede: fields.lede ?? current.lede,
      body: fields.body ?? JSON.parse(current.body),
      slug: fields.slug ?? current.slug,
      seoTitle: 'seoTitle' in fields ? fields.seoTitle : current.seoTitle,
      seoDescription: 'seoDescription' in fields ? fields.seoDescription : current.seoDescription,
    },
    languages,
    'fields.',
  );
  return {
    headline: valid.headline,
    lede: valid.lede,
    body: JSON.stringify(valid.body),
    slug: valid.slug ?? current.slug,
    seoTitle: valid.seoTitle,
    seoDescription: valid.seoDescription,
  };
}

async function insertRevision(trx: Kysely<Schema>, versionId: number, revision: number, text: VersionText, authorUserId: number | null, at: string): Promise<void> {
  await trx
    .insertInto('story_revisions')
    .values({
      version_id: versionId,
      revision,
      headline: text.headline,
      lede: text.lede,
      body: text.body,
      slug: text.slug,
      seo_title: text.seoTitle,
      seo_description: text.seoDescription,
      author_user_id: authorUserId,
      created_at: at,
    })
    .execute();
}

/**
 * Stores `text` as the version's next revision and returns its number. Before the first save the
 * text as created is kept as revision 0, so history starts with the first words ever written.
 */
export async function writeVersionText(
  context: ContentContext,
  trx: Kysely<Schema>,
  version: WorkflowVersion,
  text: VersionText,
  authorUserId: number | null,
  now: Date,
): Promise<number> {
  const at = toInstant(now);
  if (version.revision === 0) {
    const baseline = await trx.selectFrom('story_revisions').select('id').where('version_id', '=', version.id).where('revision', '=', 0).executeTakeFirst();
    if (!baseline) await insertRevision(trx, version.id, 0, textOf(version), version.storyCreatedBy, version.updatedAt);
  }
  if (text.slug !== version.slug) {
    await changeSlug({ ...context, database: { ...context.database, db: trx }, clock: () => now }, { storyId: version.storyId, language: version.language, slug: text.slug });
  }
  const next = version.revision + 1;
  const result = await trx
    .updateTable('story_versions')
    .set({
      headline: text.headline,
      lede: text.lede,
      body: text.body,
      seo_title: text.seoTitle,
      seo_description: text.seoDescription,
      revision: next,
      updated_at: at,
    })
    .where('id', '=', version.id)
    .where('revision', '=', version.revision)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new AppError('edit_conflict', 'Someone else saved this text meanwhile', { details: { expectedRevision: version.revision } });
  }
  await insertRevision(trx, version.id, next, text, authorUserId, at);
  await trx.updateTable('stories').set({ updated_at: at }).where('id', '=', version.storyId).execute();
  return next;
}
