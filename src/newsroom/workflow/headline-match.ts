// "Headline contains these words, whatever the case" for the desk, folding case the same way on
// SQLite and PostgreSQL (Cyrillic included; see db/fold-case.ts).

import type { Expression, SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import { containsPattern, foldedLike } from '../../db/index.ts';

export type HeadlineMatch = (column: string, query: string) => Expression<SqlBool>;

export function headlineMatchFor(database: Database): HeadlineMatch {
  return (column, query) => foldedLike(database, column, containsPattern(query));
}
