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

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * Whether a code point is a letter or a digit (`[\p{L}\p{N}]`). ASCII and Cyrillic, nearly all
 * news text, are decided by their code; the rest by the regular expression. Indexing calls this
 * for every character of the archive: a Unicode regular expression over the whole text cost
 * several times more.
 */
function isWordChar(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
  // Cyrillic: letters but for the thousands sign and the combining marks (U+0482–U+0489).
  if (code >= 0x400 && code <= 0x4ff) return code < 0x482 || code > 0x489;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(code));
}

/** The normalized words of a text, in order (the same as matching `[\p{L}\p{N}]+`). */
export function wordsOf(text: string): string[] {
  const normalized = normalizeText(text);
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < normalized.length; i++) {
    let code = normalized.charCodeAt(i);
    const isPair = code >= 0xd800 && code <= 0xdbff && i + 1 < normalized.length;
    if (isPair) code = normalized.codePointAt(i)!;
    if (isWordChar(code)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start <= MAX_WORD_LENGTH) words.push(normalized.slice(start, i));
      start = -1;
    }
    if (isPair && code > 0xffff) i++;
  }
  if (start >= 0 && normalized.length - start <= MAX_WORD_LENGTH) words.push(normalized.slice(start));
  return words;
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
