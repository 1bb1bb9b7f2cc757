// "Headline contains these words, whatever the case" for the desk, behind one interface: SQLite's
// lower() folds only ASCII, PostgreSQL's follows the database's locale, so the spelling differs.

import type { Expression, SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';

export type HeadlineMatch = (column: string, query: string) => Expression<SqlBool>;

/** The LIKE pattern for "contains `query`", with the query's own % and _ taken literally. */
export function containsPattern(query: string): string {
  return `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function headlineMatchFor(database: Database): Promise<HeadlineMatch> {
  if (database.dialect === 'sqlite') return (await import('./headline-match.sqlite.ts')).sqliteHeadlineMatch(database);
  return (await import('./headline-match.postgres.ts')).postgresHeadlineMatch();
}
