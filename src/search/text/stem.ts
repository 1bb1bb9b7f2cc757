// Chooses the stemmer for a word: Russian and English Snowball stemmers (@orama/stemmers, the
// generated Snowball code shipped in the package), the project's Belarusian stemmer, none for
// other languages. A Latin word inside Cyrillic text (IT, Apple) gets the English stemmer, a
// Cyrillic word inside English text the Russian one (or Belarusian, in Belarusian text), so a
// word is stemmed the same way whichever version it appears in. Stems are cached: news text
// repeats its words, and stemming is most of the cost of indexing.

import { stemmer as stemRussian } from '@orama/stemmers/russian';
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemBelarusian } from './stem-belarusian.ts';

const LATIN = /^[a-z0-9]+$/;
const CYRILLIC = /^[\u0400-\u04ff0-9]+$/;
const DIGITS = /^[0-9]+$/;
const CACHE_LIMIT = 200_000;

type Stemmer = (word: string) => string;

/** Stems by language and word; cleared when full (news vocabulary repeats, hostile input does not grow it). */
const caches = new Map<string, Map<string, string>>();

function stemmerFor(word: string, language: string): Stemmer | undefined {
  if (DIGITS.test(word)) return undefined;
  if (LATIN.test(word)) return stemEnglish;
  if (CYRILLIC.test(word)) return language === 'be' ? stemBelarusian : stemRussian;
  return undefined;
}

/** The stem of a normalized word in a version of this language. */
export function stemWord(word: string, language: string): string {
  let cache = caches.get(language);
  if (!cache) caches.set(language, (cache = new Map()));
  let stem = cache.get(word);
  if (stem === undefined) {
    const stemmer = stemmerFor(word, language);
    stem = stemmer ? stemmer(word) || word : word;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, stem);
  }
  return stem;
}

/**
 * What a prefix query (`сотрудничест*`) looks for among the stems: the word's stem when it is a
 * prefix of the word (so "cooperation*" still finds "cooper"), else the word as typed.
 */
export function stemPrefix(word: string, language: string): string {
  const stem = stemWord(word, language);
  return word.startsWith(stem) ? stem : word;
}
