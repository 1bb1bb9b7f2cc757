// The jobs the workflow puts on the queue, with the unique keys that keep one pending job per
// version (scheduled publishing) and per story (embargo end).

export const PUBLISH_VERSION_JOB = 'publish_version';
export const EMBARGO_END_JOB = 'embargo_end';

export interface PublishVersionPayload {
  versionId: number;
  storyId: number;
  language: string;
  /** The time it was scheduled for; a job whose time no longer matches the version is stale. */
  at: string;
}

export interface EmbargoEndPayload {
  storyId: number;
  until: string;
}

export const publishJobKey = (versionId: number): string => `${PUBLISH_VERSION_JOB}:${versionId}`;
export const embargoJobKey = (storyId: number): string => `${EMBARGO_END_JOB}:${storyId}`;
