// The reindex's writer on SQLite: the rows insertDocuments writes (the same keys, tables and
// terms), through statements prepared once per rebuild on the connection the batch's
// transaction runs on. Building and compiling a Kysely insert per 500 rows cost more than
// SQLite's work of inserting them.

import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { ftsTableName } from './generations.ts';
import { assignKeys, type PlannedDocument } from './search-document.ts';
import { ensureFtsTables, takenKeys } from './write-documents.ts';

export type BulkInsert = (trx: Kysely<Schema>, documents: readonly PlannedDocument[]) => Promise<void>;

/** Inserts planned documents (none of them in the generation yet) into one generation. */
export function sqliteBulkInsert(sqlite: BetterSqlite3.Database, generation: number): BulkInsert {
  const insertRow = sqlite.prepare(
    `insert into search_documents (generation, version_id, story_id, language, status, is_public, rubric_id, key, year, published_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTerms = new Map<number, BetterSqlite3.Statement>();
  const termsStatement = (year: number) => {
    let statement = insertTerms.get(year);
    if (!statement) {
      statement = sqlite.prepare(`insert into ${ftsTableName(generation, year)} (rowid, headline, body, facets) values (?, ?, ?, ?)`);
      insertTerms.set(year, statement);
    }
    return statement;
  };
  return async (trx, documents) => {
    if (documents.length === 0) return;
    const keys = assignKeys(documents, await takenKeys(trx, generation, documents));
    await ensureFtsTables(trx, generation, documents.map((document) => document.year));
    documents.forEach((document, i) => {
      const input = document.input;
      const key = keys[i]!;
      insertRow.run(generation, input.versionId, input.storyId, input.language, input.status, input.isPublic ? 1 : 0, input.rubricId, key, document.year, input.publishedAt);
      termsStatement(document.year).run(key, document.headlineTerms.join(' '), document.bodyTerms.join(' '), document.facets);
    });
  };
}
