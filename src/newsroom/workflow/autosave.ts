// Autosave: each user's unsaved working copy of a language version, kept apart from revisions so
// that typing never creates history, and found again after a crash or a closed tab. A save of the
// text clears it (saveVersionText).

import { validId, validLanguage } from '../../content/index.ts';
import { AppError } from '../../lib/errors.ts';
import { toInstant } from '../../lib/clock.ts';
import { isSystemActor, validActor, type Actor, type UserActor } from './actor.ts';
import { authorize } from './transitions.ts';
import { loadVersion } from './version-rows.ts';
import { mergeText, textOf, type TextFields } from './version-text.ts';
import type { WorkflowContext } from './workflow-context.ts';

interface Target {
  actor: Actor;
  storyId: number;
  language: string;
}

export interface Autosave {
  fields: TextFields;
  /** The revision the working copy started from; if it is no longer current, saving will conflict. */
  baseRevision: number;
  savedAt: string;
}

function userActor(actor: Actor): UserActor {
  if (isSystemActor(actor)) throw new AppError('forbidden', 'The job runner has no working copies', { details: { action: 'autosave' } });
  return actor;
}

export async function autosaveDraft(context: WorkflowContext, params: Target & { baseRevision: number; fields: TextFields }): Promise<{ savedAt: string }> {
  const actor = userActor(validActor(params.actor));
  if (!Number.isSafeInteger(params.baseRevision) || params.baseRevision < 0) {
    throw new AppError('invalid_input', 'baseRevision: must be the revision number the text was opened at', { details: { field: 'baseRevision' } });
  }
  const savedAt = toInstant(context.clock());
  await context.database.db.transaction().execute(async (trx) => {
    const version = await loadVersion(trx, context.database.dialect, validId(params.storyId, 'storyId'), validLanguage(params.language, context.languages));
    authorize('autosave', actor, { status: version.status, storyCreatedBy: version.storyCreatedBy });
    // Validated like a save, so what is restored can be saved; stored as the user sent it.
    mergeText(textOf(version), params.fields, version.language, context.languages);
    const row = { base_revision: params.baseRevision, fields: JSON.stringify(params.fields), saved_at: savedAt };
    await trx
      .insertInto('autosaves')
      .values({ user_id: actor.userId, version_id: version.id, ...row })
      .onConflict((conflict) => conflict.columns(['user_id', 'version_id']).doUpdateSet(row))
      .execute();
  });
  return { savedAt };
}

export async function findAutosave(context: WorkflowContext, params: Target): Promise<Autosave | undefined> {
  const actor = userActor(validActor(params.actor));
  const db = context.database.db;
  const version = await loadVersion(db, context.database.dialect, validId(params.storyId, 'storyId'), validLanguage(params.language, context.languages));
  authorize('readText', actor, { status: version.status, storyCreatedBy: version.storyCreatedBy });
  const row = await db
    .selectFrom('autosaves')
    .select(['fields', 'base_revision', 'saved_at'])
    .where('user_id', '=', actor.userId)
    .where('version_id', '=', version.id)
    .executeTakeFirst();
  return row ? { fields: JSON.parse(row.fields) as TextFields, baseRevision: row.base_revision, savedAt: row.saved_at } : undefined;
}
