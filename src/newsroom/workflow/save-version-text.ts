// Saving a language version's text ("never lose a word"): every save is a full-copy revision, a
// save started from a stale revision is refused with both texts, and the saver's autosave is
// cleared once the text is safely stored.

import { validId, validLanguage } from '../../content/index.ts';
import { AppError } from '../../lib/errors.ts';
import { isSystemActor, validActor, type Actor } from './actor.ts';
import { writeAudit } from './audit-log.ts';
import { editConflict } from './edit-conflict.ts';
import { runCommand } from './run-command.ts';
import { authorize } from './transitions.ts';
import { loadVersion } from './version-rows.ts';
import { mergeText, textOf, writeVersionText, type TextFields } from './version-text.ts';
import type { WorkflowContext } from './workflow-context.ts';

export interface SaveTextParams {
  actor: Actor;
  storyId: number;
  language: string;
  /** The revision the editor started from (`revision` of the version when it was opened). */
  expectedRevision: number;
  fields: TextFields;
}

export async function saveVersionText(context: WorkflowContext, params: SaveTextParams): Promise<{ revision: number }> {
  const actor = validActor(params.actor);
  const storyId = validId(params.storyId, 'storyId');
  const language = validLanguage(params.language, context.languages);
  if (!Number.isSafeInteger(params.expectedRevision) || params.expectedRevision < 0) {
    throw new AppError('invalid_input', 'expectedRevision: must be the revision number the text was opened at', { details: { field: 'expectedRevision' } });
  }
  return runCommand(context, async ({ trx, now, storyChanged }) => {
    const version = await loadVersion(trx, context.database.dialect, storyId, language);
    authorize('edit', actor, { status: version.status, storyCreatedBy: version.storyCreatedBy });
    const text = mergeText(textOf(version), params.fields, language, context.languages);
    if (params.expectedRevision !== version.revision) throw editConflict(version, text, params.expectedRevision);
    const userId = isSystemActor(actor) ? null : actor.userId;
    const revision = await writeVersionText(context, trx, version, text, userId, now);
    if (userId !== null) await trx.deleteFrom('autosaves').where('user_id', '=', userId).where('version_id', '=', version.id).execute();
    await writeAudit(trx, {
      actor, action: 'save', at: now, storyId, versionId: version.id, language, fromStatus: version.status, toStatus: version.status,
      details: { revision, fields: Object.keys(params.fields) },
    });
    await storyChanged(storyId, [language], 'save');
    return { revision };
  });
}
