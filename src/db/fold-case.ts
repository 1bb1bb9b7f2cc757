// Matching text whatever its case, with the same results on both databases. SQLite's lower() and
// LIKE fold only ASCII letters; PostgreSQL's lower() follows the database's locale (C.UTF-8 and the
// usual ones fold Cyrillic too: «ЭКОН» → «экон», «Ў» → «ў», «Ё» → «ё», and ё stays apart from е).
// So every SQLite connection gets dispatch_fold_case(), which folds as JavaScript's toLowerCase()
// does, and PostgreSQL uses lower(); the patterns are folded the same way before they are sent.

import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Dialect } from './database.ts';

/** The SQL function that SQLite connections are given (`registerFoldCase`). */
export const FOLD_CASE_FUNCTION = 'dispatch_fold_case';

/** The fold itself, for what is compared with a folded column. */
export function foldCase(text: string): string {
  return text.toLowerCase();
}

/** Adds dispatch_fold_case() to a better-sqlite3 connection. */
export function registerFoldCase(connection: BetterSqlite3.Database): void {
  connection.function(FOLD_CASE_FUNCTION, { deterministic: true }, (value) => (typeof value === 'string' ? foldCase(value) : value));
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** "Contains `text`" as a LIKE pattern of folded text (the text's own %, _ and \ taken literally). */
export function containsPattern(text: string): string {
  return `%${escapeLike(foldCase(text))}%`;
}

/** "Starts with `text`" as a LIKE pattern of folded text. */
export function prefixPattern(text: string): string {
  return `${escapeLike(foldCase(text))}%`;
}

/** `column`, folded, matches `pattern` (from `containsPattern` or `prefixPattern`). */
export function foldedLike(database: { dialect: Dialect }, column: string, pattern: string): Expression<SqlBool> {
  const folded = database.dialect === 'sqlite' ? sql`${sql.raw(FOLD_CASE_FUNCTION)}(${sql.ref(column)})` : sql`lower(${sql.ref(column)})`;
  return sql<SqlBool>`${folded} like ${pattern} escape '\\'`;
}
