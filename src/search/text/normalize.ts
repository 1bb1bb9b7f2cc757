// Turns any text, stored or typed, into the same comparable words: NFKC, lower case, ё → е,
// accents and other combining marks removed, apostrophes inside words dropped (Belarusian
// сям'я, English don't). Belarusian ў and the letter й are letters of their own, not accented
// у and и, so they are kept; і (U+0456) stays distinct from и. Index and query both go through
// wordsOf, so whatever is folded is folded the same way on both sides.

const KEPT = new Set(['й', 'ў']);
const APOSTROPHES = /(?<=[\p{L}\p{N}])['’ʼ`](?=[\p{L}\p{N}])/gu;
const WORD = /[\p{L}\p{N}]+/gu;
/** Longer "words" are noise (hashes, base64), and an upper bound keeps hostile input cheap. */
export const MAX_WORD_LENGTH = 64;

const folded = new Map<string, string>();

function foldChar(char: string): string {
  let result = folded.get(char);
  if (result !== undefined) return result;
  if (KEPT.has(char)) result = char;
  else if (char === 'ё') result = 'е';
  else result = char.normalize('NFD').replace(/\p{M}+/gu, '');
  if (folded.size < 10000) folded.set(char, result);
  return result;
}

/** Folds case, ё, accents and compatibility forms; keeps й, ў and і. */
export function normalizeText(text: string): string {
  const lower = text.normalize('NFKC').toLowerCase();
  let out = '';
  for (const char of lower) {
    const code = char.codePointAt(0)!;
    out += code < 0x80 ? char : foldChar(char);
  }
  return out.replace(APOSTROPHES, '');
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
