// Turns any text, stored or typed, into the same comparable words: NFKC, lower case, ё → е,
// accents and other combining marks removed, apostrophes inside words dropped (Belarusian
// сям'я, English don't). Belarusian ў and the letter й are letters of their own, not accented
// у and и, so they are kept; і (U+0456) stays distinct from и. Index and query both go through
// wordsOf, so whatever is folded is folded the same way on both sides.

const APOSTROPHES = /(?<=[\p{L}\p{N}])['’ʼ`](?=[\p{L}\p{N}])/gu;
const WORD = /[\p{L}\p{N}]+/gu;
// After NFD every accent is a combining mark. The breve of й (и + U+0306) and ў (у + U+0306)
// is kept, so NFC puts those letters back together; ё loses its diaeresis and becomes е.
const MARKS = /(?<![иу])\u0306|(?!\u0306)\p{M}/gu;
const NEEDS_FOLDING = /[^\u0000-\u007f\u00a0-\u00bf\u0400-\u0450\u0452-\u045d\u045f-\u04ff\u2000-\u206f]|ё/;
/** Longer "words" are noise (hashes, base64), and an upper bound keeps hostile input cheap. */
export const MAX_WORD_LENGTH = 64;

/** Folds case, ё, accents and compatibility forms; keeps й, ў and і. */
export function normalizeText(text: string): string {
  let lower = text.normalize('NFKC').toLowerCase();
  // Plain ASCII and Cyrillic without accents (most news text) need no decomposition.
  if (NEEDS_FOLDING.test(lower)) lower = lower.normalize('NFD').replace(MARKS, '').normalize('NFC');
  return lower.includes("'") || lower.includes('’') || lower.includes('ʼ') || lower.includes('`') ? lower.replace(APOSTROPHES, '') : lower;
}

export interface Word {
  /** The normalized word. */
  word: string;
  /** Where it starts and ends in the normalized text. */
  start: number;
  end: number;
}

/** The normalized words of a text, in order. */
export function wordsOf(text: string): string[] {
  const words = normalizeText(text).match(WORD) ?? [];
  return words.filter((word) => word.length <= MAX_WORD_LENGTH);
}

/**
 * The words of the original text with their positions in it, for highlighting: each original
 * word is normalized on its own, so the offsets point into the text as written.
 */
export function locateWords(text: string): Word[] {
  const result: Word[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*/gu)) {
    const normalized = normalizeText(match[0]).match(WORD)?.join('') ?? '';
    if (normalized.length === 0 || normalized.length > MAX_WORD_LENGTH) continue;
    result.push({ word: normalized, start: match.index, end: match.index + match[0].length });
  }
  return result;
}
