// Renaming a rubric or a tag per language: a new name leaves the slug as it was (addresses stay
// stable); a new slug is given by hand, and the one it replaces is kept as a former slug so its
// address answers 301. A language without a name yet gets one, with a slug from the name.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { slugForName, validNames, type NamesByLanguage } from '../named-in-languages.ts';
import { forgetFormerSlug, keepFormerSlug } from './former-slugs.ts';

export interface NameChanges {
  names?: NamesByLanguage;
  slugs?: NamesByLanguage;
}

type Table = 'rubric_names' | 'tag_names';

export async function renameInLanguages(
  trx: Kysely<Schema>,
  params: { table: Table; ownerId: number; changes: NameChanges; languages: readonly string[]; at: string },
): Promise<void> {
  const { table, ownerId, changes, languages, at } = params;
  const kind = table === 'rubric_names' ? 'rubric' : 'tag';
  const owner = table === 'rubric_names' ? 'rubric_id' : 'tag_id';
  const names = new Map(changes.names === undefined ? [] : validNames(changes.names, languages));
  const slugs = Object.entries(changes.slugs ?? {});
  for (const [language] of slugs) {
    if (!languages.includes(language)) {
      throw new AppError('language_unknown', `slugs.${language}: not a configured language`, { details: { field: `slugs.${language}` } });
    }
  }
  const rows = await trx.selectFrom(table).select(['language', 'name', 'slug']).where(owner as 'rubric_id', '=', ownerId).execute();
  const current = new Map(rows.map((row) => [row.language, row]));
  for (const language of new Set([...names.keys(), ...slugs.map(([language]) => language)])) {
    const wantedSlug = changes.slugs?.[language];
    const existing = current.get(language);
    const name = names.get(language) ?? existing?.name;
    if (name === undefined) {
      throw new AppError('invalid_input', `names.${language}: give a name before a slug in this language`, { details: { field: `names.${language}` } });
    }
    if (!existing) {
      const slug = await slugForName(trx, table, language, name, wantedSlug, ownerId);
      await trx.insertInto(table).values({ [owner]: ownerId, language, name, slug } as never).execute();
      await forgetFormerSlug(trx, { kind, language, slug });
      continue;
    }
    let slug = existing.slug;
    if (wantedSlug !== undefined && wantedSlug !== existing.slug) {
      slug = await slugForName(trx, table, language, name, wantedSlug, ownerId);
      await forgetFormerSlug(trx, { kind, language, slug });
      await keepFormerSlug(trx, { kind, language, slug: existing.slug, targetId: ownerId, at });
    }
    await trx.updateTable(table).set({ name, slug }).where(owner as 'rubric_id', '=', ownerId).where('language', '=', language).execute();
  }
}
