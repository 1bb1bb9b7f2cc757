// What every content command and query needs: the database, the configured languages and a clock.

import type { Database } from '../db/database.ts';
import type { Clock } from '../lib/clock.ts';

export interface ContentContext {
  database: Database;
  /** Codes of the configured languages, in the order the site shows them. */
  languages: readonly string[];
  clock: Clock;
}
