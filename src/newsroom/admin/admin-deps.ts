// What the administration routes need: the newsroom's dependencies, and a way to make the site
// show a change of rubrics or settings at once (the site keeps them in memory).

import type { NewsroomDeps } from '../http/newsroom-deps.ts';

export interface AdminDeps extends NewsroomDeps {
  /** Re-reads the site's settings and rubrics in this process; other processes follow within a minute. */
  reloadSite(): Promise<void>;
}
