// PostgreSQL: lower() folds case by the database's locale (C.UTF-8 and the usual ones fold Cyrillic).

import { sql } from 'kysely';
import { containsPattern, type HeadlineMatch } from './headline-match.ts';

export function postgresHeadlineMatch(): HeadlineMatch {
  return (column, query) => sql<boolean>`lower(${sql.ref(column)}) like ${containsPattern(query)} escape '\\'`;
}
