// Revision history of a language version: the list, a readable word-level diff between two
// revisions, and restoring an old revision (as a new revision equal to it, so nothing is lost).

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { renderDocumentText, validId, validLanguage, type StoryDocument } from '../../content/index.ts';
import { AppError } from '../../lib/errors.ts';
import { isSystemActor, validActor, type Actor } from './actor.ts';
import { writeAudit } from './audit-log.ts';
import { diffWords, type DiffPart } from './word-diff.ts';
import { editConflict } from './edit-conflict.ts';
import { runCommand } from './run-command.ts';
import { authorize } from './transitions.ts';
import { loadVersion } from './version-rows.ts';
import { textOf, writeVersionText, type VersionText } from './version-text.ts';
import type { WorkflowContext } from './workflow-context.ts';

export interface RevisionSummary {
  revision: number;
  authorUserId: number | null;
  createdAt: string;
  headline: string;
}

export interface Revision extends Omit<VersionText, 'body'> {
  revision: number;
  authorUserId: number | null;
  createdAt: string;
  body: StoryDocument;
}

interface Target {
  actor: Actor;
  storyId: number;
  language: string;
}

async function readableVersion(context: WorkflowContext, trx: Kysely<Schema>, target: Target) {
  const actor = validActor(target.actor);
  const version = await loadVersion(trx, context.database.dialect, validId(target.storyId, 'storyId'), validLanguage(target.language, context.languages));
  authorize('readText', actor, { status: version.status, storyCreatedBy: version.storyCreatedBy });
  return version;
}

/** Newest first. A version never saved through the workflow has one entry: revision 0, as created. */
export async function listRevisions(context: WorkflowContext, target: Target): Promise<RevisionSummary[]> {
  const db = context.database.db;
  const version = await readableVersion(context, db, target);
  const rows = await db
    .selectFrom('story_revisions')
    .select(['revision', 'author_user_id', 'created_at', 'headline'])
    .where('version_id', '=', version.id)
    .orderBy('revision', 'desc')
    .execute();
  if (rows.length === 0) return [{ revision: 0, authorUserId: version.storyCreatedBy, createdAt: version.updatedAt, headline: version.headline }];
  return rows.map((row) => ({ revision: row.revision, authorUserId: row.author_user_id, createdAt: row.created_at, headline: row.headline }));
}

async function readRevision(context: WorkflowContext, trx: Kysely<Schema>, version: Awaited<ReturnType<typeof loadVersion>>, revision: number): Promise<Revision> {
  if (!Number.isSafeInteger(revision) || revision < 0) throw new AppError('invalid_input', 'revision: must be a revision number', { details: { field: 'revision' } });
  const row = await trx.selectFrom('story_revisions').selectAll().where('version_id', '=', version.id).where('revision', '=', revision).executeTakeFirst();
  if (!row) {
    if (revision === 0 && version.revision === 0) {
      return { ...textOf(version), body: JSON.parse(version.body) as StoryDocument, revision: 0, authorUserId: version.storyCreatedBy, createdAt: version.updatedAt };
    }
    throw new AppError('revision_not_found', `The ${version.language} version of story ${version.storyId} has no revision ${revision}`, { details: { revision } });
  }
  return {
    revision: row.revision,
    authorUserId: row.author_user_id,
    createdAt: row.created_at,
    headline: row.headline,
    lede: row.lede,
    body: JSON.parse(row.body) as StoryDocument,
    slug: row.slug,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
  };
}

export async function findRevision(context: WorkflowContext, params: Target & { revision: number }): Promise<Revision> {
  const db = context.database.db;
  const version = await readableVersion(context, db, params);
  return readRevision(context, db, version, params.revision);
}

export interface RevisionDiff {
  from: number;
  to: number;
  headline: DiffPart[];
  lede: DiffPart[];
  body: DiffPart[];
}

export async function diffRevisions(context: WorkflowContext, params: Target & { from: number; to: number }): Promise<RevisionDiff> {
  const db = context.database.db;
  const version = await readableVersion(context, db, params);
  const [a, b] = [await readRevision(context, db, version, params.from), await readRevision(context, db, version, params.to)];
  return {
    from: a.revision,
    to: b.revision,
    headline: diffWords(a.headline, b.headline),
    lede: diffWords(a.lede, b.lede),
    body: diffWords(renderDocumentText(a.body), renderDocumentText(b.body)),
  };
}

/** Makes an old revision the current text again, as a new revision; history keeps everything. */
export async function restoreRevision(context: WorkflowContext, params: Target & { revision: number; expectedRevision: number }): Promise<{ revision: number }> {
  const actor = validActor(params.actor);
  return runCommand(context, async ({ trx, now, storyChanged }) => {
    const version = await loadVersion(trx, context.database.dialect, validId(params.storyId, 'storyId'), validLanguage(params.language, context.languages));
    authorize('restore', actor, { status: version.status, storyCreatedBy: version.storyCreatedBy });
    const old = await readRevision(context, trx, version, params.revision);
    const text: VersionText = { headline: old.headline, lede: old.lede, body: JSON.stringify(old.body), slug: old.slug, seoTitle: old.seoTitle, seoDescription: old.seoDescription };
    if (params.expectedRevision !== version.revision) throw editConflict(version, text, params.expectedRevision);
    const revision = await writeVersionText(context, trx, version, text, isSystemActor(actor) ? null : actor.userId, now);
    await writeAudit(trx, {
      actor, action: 'restore', at: now, storyId: version.storyId, versionId: version.id, language: version.language,
      fromStatus: version.status, toStatus: version.status, details: { restored: old.revision, revision },
    });
    await storyChanged(version.storyId, [version.language], 'restore');
    return { revision };
  });
}
