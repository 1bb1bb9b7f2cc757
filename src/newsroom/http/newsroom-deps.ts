// What the newsroom's routes need from the application.

import type { Database } from '../../db/database.ts';
import type { Config } from '../../lib/config.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Policy } from '../access/policy.ts';

export interface NewsroomDeps {
  database: Database;
  config: Config;
  clock: Clock;
  /** The policy with the workflow's transition rule; the default denies every transition. */
  policy?: Policy;
}
