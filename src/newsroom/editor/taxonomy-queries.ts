// Queries for the editor's pickers: tags whose name starts with what the user typed (the tag
// field's autocomplete), tags and authors by id with their names in one language, and all authors
// for the byline. Names fall back to any language when the wanted one is missing.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import type { Database } from '../../db/database.ts';
import { foldedLike, prefixPattern } from '../../db/index.ts';

export interface NamedItem {
  id: number;
  name: string;
}

/** Tags whose name in `language` starts with `prefix`, whatever the case (Cyrillic too, on both databases). */
export async function suggestTags(database: Database, params: { language: string; prefix: string; limit: number }): Promise<NamedItem[]> {
  const rows = await database.db
    .selectFrom('tag_names')
    .select(['tag_id', 'name'])
    .where('language', '=', params.language)
    .where(foldedLike(database, 'name', prefixPattern(params.prefix)))
    .orderBy('name')
    .limit(params.limit)
    .execute();
  return rows.map((row) => ({ id: row.tag_id, name: row.name }));
}

function pickNames(ids: readonly number[], rows: { id: number; language: string; name: string }[], language: string): NamedItem[] {
  return ids.map((id) => {
    const names = rows.filter((row) => row.id === id);
    return { id, name: (names.find((row) => row.language === language) ?? names[0])?.name ?? `#${id}` };
  });
}

export async function namedTags(db: Kysely<Schema>, ids: readonly number[], language: string): Promise<NamedItem[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('tag_names').select(['tag_id as id', 'language', 'name']).where('tag_id', 'in', [...ids]).execute();
  return pickNames(ids, rows, language);
}

export async function namedAuthors(db: Kysely<Schema>, ids: readonly number[], language: string): Promise<NamedItem[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('author_names').select(['author_id as id', 'language', 'name']).where('author_id', 'in', [...ids]).execute();
  return pickNames(ids, rows, language);
}

export async function listAuthorsIn(db: Kysely<Schema>, language: string): Promise<NamedItem[]> {
  const ids = (await db.selectFrom('authors').select('id').orderBy('id').limit(500).execute()).map((row) => row.id);
  const authors = await namedAuthors(db, ids, language);
  return authors.sort((a, b) => a.name.localeCompare(b.name));
}
