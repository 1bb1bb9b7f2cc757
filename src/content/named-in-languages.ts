// Rubrics and tags share one shape: a stable key and, per language, a name and a URL slug that is
// unique among its kind in that language. This module validates and stores those names.

import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { AppError } from '../lib/errors.ts';
import { baseSlug, firstFreeSlug } from './unique-slug.ts';
import { isValidSlug } from './slug/index.ts';

export type NamesByLanguage = Readonly<Record<string, string>>;

export function validKey(value: unknown, field = 'key'): string {
  if (typeof value !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) || value.length > 60) {
    throw new AppError('invalid_input', `${field}: must be lower-case Latin letters and digits joined by hyphens, at most 60 characters`, { details: { field } });
  }
  return value;
}

export function validNames(names: NamesByLanguage, languages: readonly string[], field = 'names'): Array<[string, string]> {
  const entries = Object.entries(names ?? {});
  if (entries.length === 0) throw new AppError('invalid_input', `${field}: give a name in at least one language`, { details: { field } });
  return entries.map(([language, name]) => {
    if (!languages.includes(language)) {
      throw new AppError('language_unknown', `${field}.${language}: not a configured language`, { details: { field: `${field}.${language}` } });
    }
    if (typeof name !== 'string' || name.trim() === '' || name.trim().length > 120) {
      throw new AppError('invalid_input', `${field}.${language}: must be a name of 1 to 120 characters`, { details: { field: `${field}.${language}` } });
    }
    return [language, name.trim()];
  });
}

/** First path segments the site uses for itself, which a rubric (/<lang>/<rubric>/) must not take. */
export const RESERVED_RUBRIC_SLUGS: ReadonlySet<string> = new Set(['tags', 'authors', 'archive', 'search', 'rss', 'feed', 'media', 'assets', 'api', 'newsroom', 'pages']);

/** A free slug among rubric_names or tag_names for `name` in `language`, or the exact one asked for. */
export async function slugForName(
  db: Kysely<Schema>,
  table: 'rubric_names' | 'tag_names',
  language: string,
  name: string,
  wanted?: string,
  /** The rubric or tag asking: its own current and former slugs are free to it. */
  ownerId?: number,
): Promise<string> {
  const kind = table === 'rubric_names' ? 'rubric' : 'tag';
  const owner = table === 'rubric_names' ? 'rubric_id' : 'tag_id';
  const taken = async (base: string) => {
    const similar = { base, like: `${base}-%` };
    let current = db
      .selectFrom(table)
      .select('slug')
      .where('language', '=', language)
      .where((eb) => eb.or([eb('slug', '=', similar.base), eb('slug', 'like', similar.like)]));
    if (ownerId !== undefined) current = current.where(owner as 'rubric_id', '!=', ownerId);
    let former = db
      .selectFrom('former_taxonomy_slugs')
      .select('slug')
      .where('kind', '=', kind)
      .where('language', '=', language)
      .where((eb) => eb.or([eb('slug', '=', similar.base), eb('slug', 'like', similar.like)]));
    if (ownerId !== undefined) former = former.where('target_id', '!=', ownerId);
    const rows = [...(await current.execute()), ...(await former.execute())];
    const taken = new Set(rows.map((row) => row.slug));
    if (table === 'rubric_names' && RESERVED_RUBRIC_SLUGS.has(base)) taken.add(base);
    return taken;
  };
  if (wanted !== undefined) {
    const field = `slugs.${language}`;
    if (!isValidSlug(wanted)) throw new AppError('slug_invalid', `${field}: lower-case Latin letters and digits joined by single hyphens`, { details: { field } });
    if ((await taken(wanted)).has(wanted)) throw new AppError('slug_taken', `${field}: "${wanted}" is already used`, { details: { field } });
    return wanted;
  }
  return firstFreeSlug(baseSlug(name, language, 'section'), taken);
}
