// Highlighted snippets for results, made in JavaScript from the stored text so both databases
// show the same: the words whose stem the query asked for are wrapped in <mark>, everything
// else is escaped, so nothing in a story or a query becomes markup.

import { locateWords } from './text/normalize.ts';
import { stemWord } from './text/stem.ts';

export interface Highlight {
  stems: ReadonlySet<string>;
  prefixes: readonly string[];
  language: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeText = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const WORDS_BEFORE = 8;
const SNIPPET_WORDS = 36;

function isMatch(word: string, highlight: Highlight): boolean {
  const stem = stemWord(word, highlight.language);
  return highlight.stems.has(stem) || highlight.prefixes.some((prefix) => stem.startsWith(prefix) || word.startsWith(prefix));
}

function markRange(text: string, words: ReturnType<typeof locateWords>, from: number, to: number, highlight: Highlight): string {
  let html = '';
  // From the first word on, the text before it (an opening quote) is kept.
  let cursor = from === 0 ? 0 : words[from]?.start ?? 0;
  const end = to >= words.length ? text.length : words[to]!.start;
  for (let i = from; i < Math.min(to, words.length); i++) {
    const word = words[i]!;
    if (!isMatch(word.word, highlight)) continue;
    html += escapeText(text.slice(cursor, word.start)) + `<mark>${escapeText(text.slice(word.start, word.end))}</mark>`;
    cursor = word.end;
  }
  return html + escapeText(text.slice(cursor, end));
}

/** The whole text (a headline) with its matching words marked. */
export function highlightAll(text: string, highlight: Highlight): string {
  const words = locateWords(text);
  return markRange(text, words, 0, words.length, highlight);
}

/** A window of the text around its first matching word (its start when none matches). */
export function snippetOf(text: string, highlight: Highlight): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const words = locateWords(flat);
  const first = words.findIndex((word) => isMatch(word.word, highlight));
  const from = first <= WORDS_BEFORE ? 0 : first - WORDS_BEFORE;
  const to = from + SNIPPET_WORDS;
  const body = markRange(flat, words, from, to, highlight).trim();
  return `${from > 0 ? '… ' : ''}${body}${to < words.length ? ' …' : ''}`;
}

/** The text of a stored story document (JSON): every text node in order, blocks on new lines. */
export function documentText(json: string): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.text === 'string') parts.push(record.text);
      if (record.content !== undefined) {
        walk(record.content);
        parts.push(' ');
      }
    }
  };
  try {
    walk(JSON.parse(json));
  } catch {
    return '';
  }
  return parts.join('');
}
