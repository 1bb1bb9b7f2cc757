// Picks the first free slug among base, base-2, base-3, ... The caller says which are taken, so
// the same rule serves stories, rubrics and tags.

import { slugify } from './slug/index.ts';

export const FALLBACK_SLUG = 'story';

/** A slug for `text` in `language`, never empty. */
export function baseSlug(text: string, language: string, fallback = FALLBACK_SLUG): string {
  return slugify(text, language) || fallback;
}

export async function firstFreeSlug(base: string, takenAmong: (base: string) => Promise<Set<string>>): Promise<string> {
  const taken = await takenAmong(base);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
