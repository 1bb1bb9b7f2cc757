// Taking a published version off the site and bringing it back: kill (for legal or factual
// reasons; the site answers 410, final), unpublish (withdrawn, may return) and republish.

import { AppError } from '../../lib/errors.ts';
import { assertReadyToPublish } from './publication-check.ts';
import { applyTransition, type TransitionResult, type VersionTarget } from './apply-transition.ts';
import type { WorkflowContext } from './workflow-context.ts';

function reasonOf(reason: unknown): string {
  if (typeof reason !== 'string' || reason.trim() === '' || reason.length > 2000) {
    throw new AppError('invalid_input', 'reason: say in up to 2000 characters why the story is killed', { details: { field: 'reason' } });
  }
  return reason.trim();
}

export async function killVersion(context: WorkflowContext, params: VersionTarget & { reason: string }): Promise<TransitionResult> {
  const reason = reasonOf(params.reason);
  return applyTransition(context, params, 'kill', async () => ({ details: { reason } }));
}

export async function unpublishVersion(context: WorkflowContext, params: VersionTarget): Promise<TransitionResult> {
  return applyTransition(context, params, 'unpublish');
}

/** Back on the site with its first dateline; `corrected` again if it had been corrected. */
export async function republishVersion(context: WorkflowContext, params: VersionTarget): Promise<TransitionResult> {
  return applyTransition(context, params, 'republish', async ({ trx }, version) => {
    // Its text may have been edited while it was down.
    await assertReadyToPublish(trx, version);
    return version.correctionNote !== null ? { status: 'corrected' } : {};
  });
}
