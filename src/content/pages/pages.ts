// Static pages of the site (About, Contacts): per language a title, a slug and a body document.
// The newsroom will edit them; the demo agency brings a first version.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { toInstant } from '../../lib/clock.ts';
import type { ContentContext } from '../content-context.ts';
import { parseDocument, DocumentError, type StoryDocument } from '../document/index.ts';
import { isValidSlug } from '../slug/index.ts';
import { validKey } from '../named-in-languages.ts';

export interface StaticPage {
  key: string;
  language: string;
  title: string;
  slug: string;
  body: StoryDocument;
  updatedAt: string;
}

export async function writePage(
  context: ContentContext,
  input: { key: string; language: string; title: string; slug: string; body: unknown },
): Promise<void> {
  const key = validKey(input.key);
  if (!context.languages.includes(input.language)) throw new AppError('language_unknown', `language: ${input.language} is not configured`);
  const title = typeof input.title === 'string' ? input.title.trim() : '';
  if (title === '' || title.length > 200) throw new AppError('invalid_input', 'title: must be 1 to 200 characters', { details: { field: 'title' } });
  if (!isValidSlug(input.slug)) throw new AppError('slug_invalid', 'slug: lower-case Latin letters and digits joined by single hyphens');
  let body: StoryDocument;
  try {
    body = parseDocument(input.body);
  } catch (error) {
    if (error instanceof DocumentError) throw new AppError('invalid_document', `body: ${error.message}`, { cause: error });
    throw error;
  }
  const row = { key, language: input.language, title, slug: input.slug, body: JSON.stringify(body), updated_at: toInstant(context.clock()) };
  await context.database.db
    .insertInto('pages')
    .values(row)
    .onConflict((oc) => oc.columns(['key', 'language']).doUpdateSet({ title: row.title, slug: row.slug, body: row.body, updated_at: row.updated_at }))
    .execute();
}

function toPage(row: Schema['pages']): StaticPage {
  return { key: row.key, language: row.language, title: row.title, slug: row.slug, body: JSON.parse(row.body) as StoryDocument, updatedAt: row.updated_at };
}

export async function findPageBySlug(db: Kysely<Schema>, language: string, slug: string): Promise<StaticPage | undefined> {
  const row = await db.selectFrom('pages').selectAll().where('language', '=', language).where('slug', '=', slug).executeTakeFirst();
  return row ? toPage(row) : undefined;
}

/** Every language version of the page `key`. */
export async function listPageVersions(db: Kysely<Schema>, key: string): Promise<StaticPage[]> {
  return (await db.selectFrom('pages').selectAll().where('key', '=', key).execute()).map(toPage);
}

/** The pages in `language`, for the site's footer. */
export async function listPages(db: Kysely<Schema>, language: string): Promise<Array<{ key: string; title: string; slug: string }>> {
  return db.selectFrom('pages').select(['key', 'title', 'slug']).where('language', '=', language).orderBy('key').execute();
}
