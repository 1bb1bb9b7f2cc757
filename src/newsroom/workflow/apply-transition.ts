// The one path every status change of a language version takes: load and lock the version, ask
// the transition table, apply the change guarded by the status it was read in, stamp the story,
// write the audit log, refresh the story's listings and announce the change after the commit.

import { validId, validLanguage, type StoryStatus } from '../../content/index.ts';
import { toInstant } from '../../lib/clock.ts';
import { validActor, type Actor } from './actor.ts';
import { writeAudit } from './audit-log.ts';
import { runCommand, type CommandScope } from './run-command.ts';
import { authorize, WORKFLOW, type WorkflowAction } from './transitions.ts';
import { loadVersion, setVersionStatus, type WorkflowVersion } from './version-rows.ts';
import type { WorkflowContext } from './workflow-context.ts';
import type { Updateable } from 'kysely';
import type { Schema } from '../../db/schema.ts';

export interface VersionTarget {
  actor: Actor;
  storyId: number;
  language: string;
}

export interface TransitionPlan {
  /** Overrides the table's target status (republish returns to `corrected` when it was). */
  status?: StoryStatus;
  changes?: Pick<Updateable<Schema['story_versions']>, 'published_at' | 'first_published_at' | 'version' | 'correction_note' | 'corrected_at'>;
  details?: Record<string, unknown>;
}

export interface TransitionResult {
  storyId: number;
  language: string;
  versionId: number;
  fromStatus: string;
  status: StoryStatus;
  version: number;
}

export async function applyTransition(
  context: WorkflowContext,
  target: VersionTarget,
  action: WorkflowAction,
  plan: (scope: CommandScope, version: WorkflowVersion) => Promise<TransitionPlan> = async () => ({}),
): Promise<TransitionResult> {
  const actor = validActor(target.actor);
  const storyId = validId(target.storyId, 'storyId');
  const language = validLanguage(target.language, context.languages);
  return runCommand(context, async (scope) => {
    const { trx, now } = scope;
    const version = await loadVersion(trx, context.database.dialect, storyId, language);
    authorize(action, actor, { status: version.status, storyCreatedBy: version.storyCreatedBy });
    const planned = await plan(scope, version);
    const to = WORKFLOW[action].to;
    const status = planned.status ?? (to === 'same' ? (version.status as StoryStatus) : to);
    const updatedAt = toInstant(now);
    await setVersionStatus(trx, version, { status, ...planned.changes, updated_at: updatedAt });
    await trx.updateTable('stories').set({ updated_at: updatedAt }).where('id', '=', storyId).execute();
    await writeAudit(trx, {
      actor, action, at: now, storyId, versionId: version.id, language, fromStatus: version.status, toStatus: status, details: planned.details,
    });
    await scope.storyChanged(storyId, [language], action);
    return { storyId, language, versionId: version.id, fromStatus: version.status, status, version: planned.changes?.version ?? version.version };
  });
}
