// SQLite: a deterministic SQL function folding case as JavaScript does (Cyrillic included), added
// to the connection once, used in the LIKE.

import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { SqliteDatabase } from '../../db/database.sqlite.ts';
import { containsPattern, type HeadlineMatch } from './headline-match.ts';

const registered = new WeakSet<object>();

export function sqliteHeadlineMatch(database: Database): HeadlineMatch {
  const { sqlite } = database as SqliteDatabase;
  if (!registered.has(sqlite)) {
    sqlite.function('dispatch_fold_case', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value));
    registered.add(sqlite);
  }
  return (column, query) => sql<boolean>`dispatch_fold_case(${sql.ref(column)}) like ${containsPattern(query)} escape '\\'`;
}
