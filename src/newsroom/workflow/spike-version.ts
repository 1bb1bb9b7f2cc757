// Spike (a reversible delete before publication) and unspike (back to draft). Spiking a scheduled
// version cancels its publishing job.

import { cancelJob } from '../../jobs/index.ts';
import { applyTransition, type TransitionResult, type VersionTarget } from './apply-transition.ts';
import { publishJobKey } from './job-kinds.ts';
import type { WorkflowContext } from './workflow-context.ts';

export async function spikeVersion(context: WorkflowContext, params: VersionTarget): Promise<TransitionResult> {
  return applyTransition(context, params, 'spike', async ({ trx }, version) => {
    await cancelJob(trx, publishJobKey(version.id));
    return { changes: { published_at: null } };
  });
}

export async function unspikeVersion(context: WorkflowContext, params: VersionTarget): Promise<TransitionResult> {
  return applyTransition(context, params, 'unspike');
}
