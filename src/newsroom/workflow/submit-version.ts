// draft → submitted: the writer hands the version to the desk for review.

import { applyTransition, type TransitionResult, type VersionTarget } from './apply-transition.ts';
import type { WorkflowContext } from './workflow-context.ts';

export async function submitVersion(context: WorkflowContext, params: VersionTarget): Promise<TransitionResult> {
  return applyTransition(context, params, 'submit');
}
