// Turns text (a headline, usually) into lower-case ASCII for story slugs: Russian and
// Belarusian by their own letter tables, every other language by the generic rule (Unicode
// NFKD with the accents removed, plus a few letters that do not decompose). Each language's
// output for a character is looked up in a precomputed table (dense array for the first
// 0x530 code points, which covers ASCII, Latin and Cyrillic; a bounded cache for the rest),
// so the per-character cost is one array or Map read.
//
// What comes out: ASCII letters (lower-cased) and digits; other printable ASCII unchanged;
// any whitespace as ' '; typographic quotes, apostrophes and dashes as their ASCII look-alikes
// (" ' -); other punctuation as ' '. Control and format characters, combining marks, symbols
// and emoji, and letters of scripts without a rule (CJK, Greek, Arabic...) are dropped.

import { BELARUSIAN, LATIN, OTHER_CYRILLIC, PUNCTUATION, RUSSIAN } from './tables.ts';

interface Table {
  /** The explicit rules: lower-case character → ASCII. */
  readonly rules: ReadonlyMap<string, string>;
  /** Output by code point, for code points below DENSE_END. */
  readonly dense: (string | undefined)[];
  /** Output by code point, for the code points above, filled as they are met. */
  readonly cache: Map<number, string>;
}

const DENSE_END = 0x0530;
/** Stop caching past this many distinct rare code points; they are still computed. */
const CACHE_LIMIT = 65_536;

// Used only when a code point's output is computed, once per code point, never per character.
const SEPARATOR = /^\p{Z}$/u;
const DROPPED = /^[\p{C}\p{M}\p{S}]$/u;
const LETTER = /^\p{L}$/u;
const PUNCTUATION_MARK = /^\p{P}$/u;
const NOT_ALPHANUMERIC = /[^a-z0-9]/g;

function lookup(table: Table, cp: number): string {
  if (cp < DENSE_END) {
    const known = table.dense[cp];
    if (known !== undefined) return known;
    const computed = compute(table, cp);
    table.dense[cp] = computed;
    return computed;
  }
  const known = table.cache.get(cp);
  if (known !== undefined) return known;
  const computed = compute(table, cp);
  if (table.cache.size < CACHE_LIMIT) table.cache.set(cp, computed);
  return computed;
}

/** The output for one code point, from the explicit rules or the generic rule. */
function compute(table: Table, cp: number): string {
  const ch = String.fromCodePoint(cp);
  const rule = table.rules.get(ch);
  if (rule !== undefined) return rule;
  if (cp < 0x80) {
    if (cp >= 0x41 && cp <= 0x5a) return String.fromCharCode(cp + 0x20);
    if (cp >= 0x20 && cp < 0x7f) return ch;
    return cp >= 0x09 && cp <= 0x0d ? ' ' : ''; // tab, newlines → space; other controls, NUL → gone
  }
  const lower = ch.toLowerCase();
  if (lower !== ch) return mapCodePoints(table, lower);
  if (SEPARATOR.test(ch)) return ' ';
  if (DROPPED.test(ch)) return '';
  const decomposed = ch.normalize('NFKD');
  if (decomposed !== ch) {
    const mapped = mapCodePoints(table, decomposed);
    // A letter stays letters: ŀ (l + middle dot) is l, not "l ".
    return LETTER.test(ch) ? mapped.replace(NOT_ALPHANUMERIC, '') : mapped;
  }
  return PUNCTUATION_MARK.test(ch) ? ' ' : '';
}

function mapCodePoints(table: Table, text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) ?? 0;
    if (cp > 0xffff) i++;
    out += lookup(table, cp);
  }
  return out;
}

function createTable(...layers: ReadonlyMap<string, string>[]): Table {
  const rules = new Map<string, string>();
  for (const layer of layers) for (const [ch, ascii] of layer) rules.set(ch, ascii);
  const table: Table = { rules, dense: new Array<string | undefined>(DENSE_END), cache: new Map() };
  for (let cp = 0; cp < DENSE_END; cp++) lookup(table, cp);
  return table;
}

/** The generic rule; its Cyrillic is Russian, so it is also the Russian table. */
const GENERIC = createTable(LATIN, PUNCTUATION, OTHER_CYRILLIC, RUSSIAN);
const TABLES: ReadonlyMap<string, Table> = new Map([
  ['ru', GENERIC],
  ['be', createTable(LATIN, PUNCTUATION, OTHER_CYRILLIC, RUSSIAN, BELARUSIAN)],
]);

/** The primary subtag of a language tag, lower-cased: "be-BY" → "be", "RU" → "ru". */
export function primaryLanguage(language: string): string {
  const lower = language.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 0x2d || c === 0x5f) return lower.slice(0, i); // - or _
  }
  return lower;
}

/**
 * Lower-case ASCII transliteration of `text` by the rules of `language` ("ru", "be"; any other
 * tag, such as "en", gets the generic rule). Region subtags are ignored: "be-BY" is "be".
 */
export function transliterate(text: string, language: string): string {
  const table = TABLES.get(primaryLanguage(language)) ?? GENERIC;
  const { dense } = table;
  // NFC first, so that decomposed input (й as и + breve, as pasted from some systems)
  // meets the same table entry as the composed letter.
  const source = text.normalize('NFC');
  let out = '';
  for (let i = 0; i < source.length; i++) {
    let cp = source.charCodeAt(i);
    if (cp < DENSE_END) {
      out += dense[cp] ?? lookup(table, cp);
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < source.length) {
      const low = source.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    out += lookup(table, cp);
  }
  return out;
}
