// Setting and lifting a story's embargo: before that time no version of it appears on any page,
// feed, sitemap or search result, whatever its status (the readers' queries filter on it). The
// end of an embargo changes no status, so a durable job announces it when the time comes.

import { validId, validInstant } from '../../content/index.ts';
import { AppError } from '../../lib/errors.ts';
import { toInstant } from '../../lib/clock.ts';
import { cancelJob, enqueueJob } from '../../jobs/index.ts';
import { SYSTEM_ACTOR, validActor, type Actor } from './actor.ts';
import { writeAudit } from './audit-log.ts';
import { EMBARGO_END_JOB, embargoJobKey, type EmbargoEndPayload } from './job-kinds.ts';
import { runCommand } from './run-command.ts';
import { authorize } from './transitions.ts';
import { loadStory, storyLanguages } from './version-rows.ts';
import type { WorkflowContext } from './workflow-context.ts';

export async function setEmbargo(context: WorkflowContext, params: { actor: Actor; storyId: number; until: string }): Promise<{ embargoUntil: string }> {
  const actor = validActor(params.actor);
  const storyId = validId(params.storyId, 'storyId');
  const until = validInstant(params.until, 'until');
  if (until === null) throw new AppError('invalid_input', 'until: the end of the embargo is required', { details: { field: 'until' } });
  return runCommand(context, async (scope) => {
    const { trx, now } = scope;
    if (Date.parse(until) <= now.getTime()) throw new AppError('invalid_input', 'until: must be in the future', { details: { field: 'until' } });
    const story = await loadStory(trx, context.database.dialect, storyId);
    authorize('embargo', actor, { storyCreatedBy: story.created_by });
    await trx.updateTable('stories').set({ embargo_until: until, updated_at: toInstant(now) }).where('id', '=', storyId).execute();
    const payload: EmbargoEndPayload = { storyId, until };
    await enqueueJob(trx, { kind: EMBARGO_END_JOB, payload, runAt: new Date(until), uniqueKey: embargoJobKey(storyId) }, now);
    await writeAudit(trx, { actor, action: 'embargo', at: now, storyId, details: { until, previous: story.embargo_until } });
    await scope.storyChanged(storyId, await storyLanguages(trx, storyId), 'embargo');
    return { embargoUntil: until };
  });
}

export async function liftEmbargo(context: WorkflowContext, params: { actor: Actor; storyId: number }): Promise<void> {
  const actor = validActor(params.actor);
  const storyId = validId(params.storyId, 'storyId');
  await runCommand(context, async (scope) => {
    const { trx, now } = scope;
    const story = await loadStory(trx, context.database.dialect, storyId);
    authorize('embargo', actor, { storyCreatedBy: story.created_by });
    await trx.updateTable('stories').set({ embargo_until: null, updated_at: toInstant(now) }).where('id', '=', storyId).execute();
    await cancelJob(trx, embargoJobKey(storyId));
    await writeAudit(trx, { actor, action: 'lift_embargo', at: now, storyId, details: { previous: story.embargo_until } });
    await scope.storyChanged(storyId, await storyLanguages(trx, storyId), 'lift_embargo');
  });
}

/** The embargo_end job: announces the story (its listings refreshed) if the embargo still ends then. */
export async function endEmbargo(context: WorkflowContext, payload: EmbargoEndPayload): Promise<void> {
  await runCommand(context, async (scope) => {
    const story = await scope.trx.selectFrom('stories').select(['id', 'embargo_until']).where('id', '=', payload.storyId).executeTakeFirst();
    if (!story || story.embargo_until !== payload.until) return;
    await writeAudit(scope.trx, { actor: SYSTEM_ACTOR, action: 'embargo_end', at: scope.now, storyId: story.id, details: { until: payload.until } });
    await scope.storyChanged(story.id, await storyLanguages(scope.trx, story.id), 'embargo_end');
  });
}
