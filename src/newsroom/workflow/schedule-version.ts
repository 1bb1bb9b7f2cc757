// → scheduled: an editor sets the time the version goes out. The time waits in published_at (not
// visible: readers see only published and corrected versions) and a durable job publishes it then.

import { AppError } from '../../lib/errors.ts';
import { validInstant } from '../../content/index.ts';
import { enqueueJob } from '../../jobs/index.ts';
import { applyTransition, type TransitionResult, type VersionTarget } from './apply-transition.ts';
import { PUBLISH_VERSION_JOB, publishJobKey, type PublishVersionPayload } from './job-kinds.ts';
import { assertReadyToPublish } from './publication-check.ts';
import type { WorkflowContext } from './workflow-context.ts';

export async function scheduleVersion(context: WorkflowContext, params: VersionTarget & { at: string }): Promise<TransitionResult> {
  const at = validInstant(params.at, 'at');
  if (at === null) throw new AppError('invalid_input', 'at: the time to publish is required', { details: { field: 'at' } });
  return applyTransition(context, params, 'schedule', async ({ trx, now }, version) => {
    if (Date.parse(at) <= now.getTime()) throw new AppError('invalid_input', 'at: must be in the future; publish now instead', { details: { field: 'at' } });
    await assertReadyToPublish(trx, version);
    const payload: PublishVersionPayload = { versionId: version.id, storyId: version.storyId, language: version.language, at };
    await enqueueJob(trx, { kind: PUBLISH_VERSION_JOB, payload, runAt: new Date(at), uniqueKey: publishJobKey(version.id) }, now);
    return { changes: { published_at: at }, details: { at } };
  });
}
