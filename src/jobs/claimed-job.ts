// A job as a runner holds it: claimed under a lease that expires, so a runner that dies mid-job
// leaves it to be picked up again.

import type { Selectable } from 'kysely';
import type { JobsTable } from '../db/schema.ts';

export type JobRow = Selectable<JobsTable>;

export interface ClaimRequest {
  workerId: string;
  now: string;
  lockedUntil: string;
}

export type ClaimJob = (request: ClaimRequest) => Promise<JobRow | undefined>;
