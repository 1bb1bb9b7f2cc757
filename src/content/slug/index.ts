// The slug module's public interface: ASCII transliteration per language, story slugs built
// from headlines, and validation of hand-typed slugs. See README.md for the rules.

export { transliterate } from './transliterate.ts';
export { DEFAULT_SLUG_LENGTH, MAX_SLUG_LENGTH, isValidSlug, slugify } from './slugify.ts';
export type { SlugifyOptions } from './slugify.ts';
