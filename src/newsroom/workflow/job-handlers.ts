// What the job runner does for the workflow's jobs. Both are safe to run twice or late: a publish
// job whose version is no longer scheduled for that time, or an embargo job whose embargo moved,
// does nothing.

import type { JobHandler } from '../../jobs/index.ts';
import { SYSTEM_ACTOR } from './actor.ts';
import { endEmbargo } from './embargo.ts';
import { EMBARGO_END_JOB, PUBLISH_VERSION_JOB, type EmbargoEndPayload, type PublishVersionPayload } from './job-kinds.ts';
import { publishVersion } from './publish-version.ts';
import type { WorkflowContext } from './workflow-context.ts';

export function workflowJobHandlers(context: WorkflowContext): Record<string, JobHandler> {
  return {
    async [PUBLISH_VERSION_JOB](job) {
      const payload = job.payload as PublishVersionPayload;
      const version = await context.database.db
        .selectFrom('story_versions')
        .select(['status', 'published_at'])
        .where('id', '=', payload.versionId)
        .executeTakeFirst();
      if (!version || version.status !== 'scheduled' || version.published_at !== payload.at) return;
      await publishVersion(context, { actor: SYSTEM_ACTOR, storyId: payload.storyId, language: payload.language });
    },
    async [EMBARGO_END_JOB](job) {
      await endEmbargo(context, job.payload as EmbargoEndPayload);
    },
  };
}
