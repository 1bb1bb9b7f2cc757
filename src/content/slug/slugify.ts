// Builds the slug part of a story URL (/en/economics/1234-<slug>) from a headline, and checks
// slugs an editor types by hand. A slug is lower-case ASCII words joined by single hyphens.
// Making slugs unique is the storage layer's job (the URL also carries the story id).

import { primaryLanguage, transliterate } from './transliterate.ts';

/** The length slugify cuts to unless told otherwise. */
export const DEFAULT_SLUG_LENGTH = 80;
/** The longest slug isValidSlug accepts, and the largest maxLength slugify takes. */
export const MAX_SLUG_LENGTH = 120;

export interface SlugifyOptions {
  /** Cut the slug to at most this many characters (1..MAX_SLUG_LENGTH); default 80. */
  maxLength?: number;
}

interface SignWords {
  readonly and: string;
  readonly percent: string;
}

/**
 * Words written for & and %. Languages not listed here get neither: & and % are then just
 * word breaks, rather than words of a language we do not know.
 */
const SIGN_WORDS: ReadonlyMap<string, SignWords> = new Map([
  ['en', { and: 'and', percent: 'percent' }],
  ['ru', { and: 'i', percent: 'protsent' }],
  ['be', { and: 'i', percent: 'pratsent' }],
]);

const HYPHEN = 0x2d;
const APOSTROPHE = 0x27;
const AMPERSAND = 0x26;
const PERCENT = 0x25;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The slug for `text` in `language`: transliterated, & and % written as words, every run of
 * other characters that are not [a-z0-9] turned into one hyphen (apostrophes are removed
 * instead: "don't" → "dont"), no hyphen at either end, cut to `maxLength` at a hyphen where
 * there is one. Returns "" when nothing is left; the caller picks a fallback.
 * Every non-empty result passes isValidSlug.
 */
export function slugify(text: string, language: string, options: SlugifyOptions = {}): string {
  const maxLength = options.maxLength ?? DEFAULT_SLUG_LENGTH;
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_SLUG_LENGTH) {
    throw new RangeError(`slug maxLength must be an integer from 1 to ${MAX_SLUG_LENGTH}, got ${maxLength}`);
  }
  const ascii = transliterate(text, language);
  const words = SIGN_WORDS.get(primaryLanguage(language));

  let slug = '';
  let wordStart = -1; // start of the current run of [a-z0-9] in `ascii`, or -1
  let pendingBreak = false;
  const endRun = (end: number): void => {
    if (wordStart < 0) return;
    slug += pendingBreak && slug !== '' ? '-' + ascii.slice(wordStart, end) : ascii.slice(wordStart, end);
    wordStart = -1;
    pendingBreak = false;
  };
  const addWord = (word: string): void => {
    slug += slug === '' ? word : '-' + word;
    pendingBreak = true;
  };

  for (let i = 0; i < ascii.length; i++) {
    const c = ascii.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      if (wordStart < 0) wordStart = i;
      continue;
    }
    endRun(i);
    if (c === APOSTROPHE) continue; // joins: the run goes on after it
    if (c === AMPERSAND && words !== undefined) addWord(words.and);
    else if (c === PERCENT && words !== undefined) addWord(words.percent);
    else pendingBreak = true;
  }
  endRun(ascii.length);

  return truncate(slug, maxLength);
}

/** Cuts a slug to `maxLength`, at the last hyphen that fits, or mid-word if none does. */
function truncate(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  if (slug.charCodeAt(maxLength) === HYPHEN) return slug.slice(0, maxLength);
  const cut = slug.lastIndexOf('-', maxLength - 1);
  return cut > 0 ? slug.slice(0, cut) : slug.slice(0, maxLength);
}

/** Whether `slug` is a well-formed slug: ^[a-z0-9]+(-[a-z0-9]+)*$, 1..120 characters. */
export function isValidSlug(slug: string): boolean {
  return (
    typeof slug === 'string' &&
    slug.length >= 1 &&
    slug.length <= MAX_SLUG_LENGTH &&
    SLUG.test(slug)
  );
}
