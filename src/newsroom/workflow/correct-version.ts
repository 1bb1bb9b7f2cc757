// published | corrected → corrected: a fix of a version on the site, in place (same address),
// version + 1, with a note readers see under the headline and a new dateModified. The fixed text,
// when given, is saved as a revision like any other save; so are the story's details, when given.

import { AppError } from '../../lib/errors.ts';
import { toInstant } from '../../lib/clock.ts';
import { isSystemActor } from './actor.ts';
import { applyTransition, type TransitionResult, type VersionTarget } from './apply-transition.ts';
import { editConflict } from './edit-conflict.ts';
import { mergeText, textOf, writeVersionText, type TextFields } from './version-text.ts';
import type { WorkflowContext } from './workflow-context.ts';
import { validDetails, writeStoryDetails, type StoryDetails } from './update-story-details.ts';

export const MAX_CORRECTION_NOTE = 1000;

export async function correctVersion(
  context: WorkflowContext,
  params: VersionTarget & { note: string; fields?: TextFields; expectedRevision?: number; details?: StoryDetails },
): Promise<TransitionResult & { revision: number }> {
  const note = typeof params.note === 'string' ? params.note.normalize('NFC').trim() : '';
  if (note === '' || note.length > MAX_CORRECTION_NOTE) {
    throw new AppError('invalid_input', `note: say what was corrected, in up to ${MAX_CORRECTION_NOTE} characters`, { details: { field: 'note' } });
  }
  const details = params.details === undefined ? undefined : validDetails(params.details);
  let revision = 0;
  return applyTransition(context, params, 'correct', async ({ trx, now }, version) => {
    revision = version.revision;
    if (params.fields !== undefined) {
      const text = mergeText(textOf(version), params.fields, version.language, context.languages);
      if (params.expectedRevision !== undefined && params.expectedRevision !== version.revision) throw editConflict(version, text, params.expectedRevision);
      revision = await writeVersionText(context, trx, version, text, isSystemActor(params.actor) ? null : params.actor.userId, now);
    }
    // The story's details (tags, byline, lead image...) of a story on the site change with a correction too.
    if (details !== undefined) await writeStoryDetails(trx, version.storyId, details, now);
    return {
      changes: { version: version.version + 1, correction_note: note, corrected_at: toInstant(now) },
      details: { note, version: version.version + 1, revision, ...(details === undefined ? {} : { storyDetails: { ...details } }) },
    };
  }).then((result) => ({ ...result, revision }));
}
