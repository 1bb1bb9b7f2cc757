// → published: the version goes on the site now, after the publication check. The dateline is the
// moment of publication; first_published_at keeps the first one. The job runner publishes
// scheduled versions through here as SYSTEM_ACTOR.

import { toInstant } from '../../lib/clock.ts';
import { cancelJob } from '../../jobs/index.ts';
import { isSystemActor } from './actor.ts';
import { applyTransition, type TransitionResult, type VersionTarget } from './apply-transition.ts';
import { publishJobKey } from './job-kinds.ts';
import { assertReadyToPublish } from './publication-check.ts';
import type { WorkflowContext } from './workflow-context.ts';

export async function publishVersion(context: WorkflowContext, params: VersionTarget): Promise<TransitionResult> {
  return applyTransition(context, params, 'publish', async ({ trx, now }, version) => {
    await assertReadyToPublish(trx, version);
    // Published by hand before its time: the schedule has done its work. (The runner's own job
    // stays, to be marked done.)
    if (!isSystemActor(params.actor)) await cancelJob(trx, publishJobKey(version.id));
    const at = toInstant(now);
    return {
      changes: { published_at: at, first_published_at: version.firstPublishedAt ?? at },
      details: version.status === 'scheduled' ? { scheduledFor: version.publishedAt } : {},
    };
  });
}
