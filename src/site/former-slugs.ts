// Where a former rubric or tag slug leads: the current slug, in the same language, of the rubric or
// tag that gave it up (renamed, or merged into another tag). The listing pages and the feeds answer
// an old address with a 301 to the address it has now.

import { findFormerSlugOwner, findTagById } from '../content/index.ts';
import type { Site } from './site-deps.ts';

/** The current slug of the rubric that had `slug` in `language`, when one did. */
export async function findCurrentRubricSlug(site: Site, language: string, slug: string): Promise<string | undefined> {
  const id = await findFormerSlugOwner(site.database.db, 'rubric', language, slug);
  return id === undefined ? undefined : site.directory.rubricById(id)?.names[language]?.slug;
}

/** The current slug of the tag that had `slug` in `language`, when one did. */
export async function findCurrentTagSlug(site: Site, language: string, slug: string): Promise<string | undefined> {
  const id = await findFormerSlugOwner(site.database.db, 'tag', language, slug);
  if (id === undefined) return undefined;
  return (await findTagById(site, id))?.names[language]?.slug;
}
