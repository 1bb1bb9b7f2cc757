// Character tables for story slugs: how the letters of each language, and the punctuation
// Unicode decomposition cannot reduce, become ASCII. Plain data, read by transliterate.ts.
// Keys are lower-case single characters; transliterate.ts lower-cases before looking up.
// Everything not listed here goes through the generic rule (NFKD, accents removed).

/**
 * Russian, letter by letter. A practical, readable scheme of the kind Russian news sites use
 * in URLs (not GOST or ISO 9): no diacritics and no apostrophes. ё is written as e, as
 * Russian text itself usually writes it, so a headline gets the same slug whether or not the
 * editor typed the dots. ъ and ь are dropped.
 * These rules are also used for Cyrillic met in the text of any language except Belarusian.
 */
export const RUSSIAN: ReadonlyMap<string, string> = new Map([
  ['а', 'a'], ['б', 'b'], ['в', 'v'], ['г', 'g'], ['д', 'd'], ['е', 'e'], ['ё', 'e'],
  ['ж', 'zh'], ['з', 'z'], ['и', 'i'], ['й', 'y'], ['к', 'k'], ['л', 'l'], ['м', 'm'],
  ['н', 'n'], ['о', 'o'], ['п', 'p'], ['р', 'r'], ['с', 's'], ['т', 't'], ['у', 'u'],
  ['ф', 'f'], ['х', 'kh'], ['ц', 'ts'], ['ч', 'ch'], ['ш', 'sh'], ['щ', 'shch'], ['ъ', ''],
  ['ы', 'y'], ['ь', ''], ['э', 'e'], ['ю', 'yu'], ['я', 'ya'],
]);

/**
 * Belarusian, letter by letter: г is h (it is a fricative, and Belarusian's own romanizations
 * write Homel, Mahilyow), ґ is g, ў is w (the sound is [w]; one ASCII letter, never dropped),
 * ё is yo. дз and дж are simply д + з and д + ж. ь and the apostrophe (' ’ ʼ) are dropped.
 * Russian-only letters (и щ ъ) met in Belarusian text keep their Russian rules.
 */
export const BELARUSIAN: ReadonlyMap<string, string> = new Map([
  ['а', 'a'], ['б', 'b'], ['в', 'v'], ['г', 'h'], ['ґ', 'g'], ['д', 'd'], ['е', 'e'],
  ['ё', 'yo'], ['ж', 'zh'], ['з', 'z'], ['і', 'i'], ['й', 'y'], ['к', 'k'], ['л', 'l'],
  ['м', 'm'], ['н', 'n'], ['о', 'o'], ['п', 'p'], ['р', 'r'], ['с', 's'], ['т', 't'],
  ['у', 'u'], ['ў', 'w'], ['ф', 'f'], ['х', 'kh'], ['ц', 'ts'], ['ч', 'ch'], ['ш', 'sh'],
  ['ы', 'y'], ['ь', ''], ['э', 'e'], ['ю', 'yu'], ['я', 'ya'],
  ["'", ''], ['\u2019', ''], ['\u02BC', ''],
]);

/**
 * Cyrillic letters of neighbouring languages, so that they are never dropped from the text
 * of another language: the Belarusian-only і and ў (Belarusian rules), Ukrainian ґ є ї.
 */
export const OTHER_CYRILLIC: ReadonlyMap<string, string> = new Map([
  ['і', 'i'], ['ў', 'w'], ['ґ', 'g'], ['є', 'ye'], ['ї', 'yi'],
]);

/** Latin letters that Unicode does not decompose into a base letter and accents. */
export const LATIN: ReadonlyMap<string, string> = new Map([
  ['ß', 'ss'], ['æ', 'ae'], ['œ', 'oe'], ['ø', 'o'], ['ł', 'l'], ['þ', 'th'], ['ð', 'd'],
  ['đ', 'd'], ['ħ', 'h'], ['ı', 'i'], ['ŧ', 't'],
]);

/**
 * Punctuation and symbols worth keeping as their ASCII look-alikes (so that slugify can treat
 * them as word breaks) instead of dropping them like other symbols.
 */
export const PUNCTUATION: ReadonlyMap<string, string> = new Map([
  // Quotation marks: « » ‹ › “ ” „ ‟ ″
  ['\u00AB', '"'], ['\u00BB', '"'], ['\u2039', '"'], ['\u203A', '"'], ['\u201C', '"'],
  ['\u201D', '"'], ['\u201E', '"'], ['\u201F', '"'], ['\u2033', '"'],
  // Apostrophes and single quotes: ‘ ’ ‚ ‛ ′ ʼ ʻ
  ['\u2018', "'"], ['\u2019', "'"], ['\u201A', "'"], ['\u201B', "'"], ['\u2032', "'"],
  ['\u02BC', "'"], ['\u02BB', "'"],
  // Hyphens and dashes: ‐ ‑ ‒ – — ― ⁃ −
  ['\u2010', '-'], ['\u2011', '-'], ['\u2012', '-'], ['\u2013', '-'], ['\u2014', '-'],
  ['\u2015', '-'], ['\u2043', '-'], ['\u2212', '-'],
  // Fraction slash (½ decomposes to 1⁄2), multiplication sign (5×5), next line.
  ['\u2044', '/'], ['\u00D7', 'x'], ['\u0085', ' '],
]);
