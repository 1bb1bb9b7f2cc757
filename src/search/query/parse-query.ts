// The query language readers can guess: words (all must match), "exact phrases", -excluded
// words or phrases, prefix* searches. The parser accepts any string and never throws: what it
// cannot use it drops, and when nothing searchable is left it says why (`problem`). Its output
// holds only stemmed words, so no search syntax of either database can reach the index from a
// reader's input; the dialect compilers quote every term themselves.

import { wordsOf } from '../text/normalize.ts';
import { stemPrefix, stemWord } from '../text/stem.ts';

/** Longer input is cut here: no real query is longer, and it bounds the work per request. */
export const MAX_QUERY_LENGTH = 300;
/** At most this many words, phrases and prefixes in one query. */
export const MAX_CLAUSES = 12;
/** A prefix needs this many letters; shorter ones would match most of the archive. */
export const MIN_PREFIX_LENGTH = 3;

export type Clause =
  | { kind: 'term'; term: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'phrase'; terms: string[] };

export type QueryProblem = 'empty' | 'only_excluded';

export interface ParsedQuery {
  /** What every result must contain. */
  required: Clause[];
  /** What no result may contain. */
  excluded: Clause[];
  /** Why the query can find nothing, when it cannot. */
  problem: QueryProblem | undefined;
  /** Whether the input was longer than MAX_QUERY_LENGTH or had more than MAX_CLAUSES parts. */
  truncated: boolean;
}

const QUOTES = /["«»“”„]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

interface Chunk {
  text: string;
  isPhrase: boolean;
  isExcluded: boolean;
}

/** Splits the input into bare chunks and quoted phrases; an unclosed quote runs to the end. */
function chunksOf(input: string): Chunk[] {
  const chunks: Chunk[] = [];
  let rest = input;
  while (rest.length > 0) {
    const quote = rest.search(QUOTES);
    const bare = quote === -1 ? rest : rest.slice(0, quote);
    const pieces = bare.split(/\s+/).filter((piece) => piece.length > 0);
    let excludeNext = false;
    for (const [index, piece] of pieces.entries()) {
      const isLast = index === pieces.length - 1;
      // A "-" right before a quote excludes the phrase that follows.
      if (piece === '-' && isLast && quote !== -1 && !/\s$/.test(bare)) excludeNext = true;
      else if (/^-+$/.test(piece) && isLast && quote !== -1 && !/\s$/.test(bare)) excludeNext = true;
      else chunks.push({ text: piece.replace(/^-+/, ''), isPhrase: false, isExcluded: piece.startsWith('-') });
    }
    if (quote === -1) break;
    rest = rest.slice(quote + 1);
    const close = rest.search(QUOTES);
    const phrase = close === -1 ? rest : rest.slice(0, close);
    chunks.push({ text: phrase, isPhrase: true, isExcluded: excludeNext });
    rest = close === -1 ? '' : rest.slice(close + 1);
  }
  return chunks;
}

function clauseOf(chunk: Chunk, language: string): Clause | undefined {
  const words = wordsOf(chunk.text);
  if (words.length === 0) return undefined;
  const isPrefix = !chunk.isPhrase && /\*\s*$/.test(chunk.text) && words.length === 1;
  if (isPrefix) {
    const prefix = stemPrefix(words[0]!, language);
    return prefix.length >= MIN_PREFIX_LENGTH ? { kind: 'prefix', prefix } : { kind: 'term', term: stemWord(words[0]!, language) };
  }
  const terms = words.map((word) => stemWord(word, language));
  // covid-19 and "Национальный банк" alike: several words in a row are a phrase.
  return terms.length === 1 ? { kind: 'term', term: terms[0]! } : { kind: 'phrase', terms };
}

function keyOf(clause: Clause): string {
  return clause.kind === 'term' ? `t:${clause.term}` : clause.kind === 'prefix' ? `p:${clause.prefix}` : `q:${clause.terms.join(' ')}`;
}

export function parseQuery(input: unknown, language: string): ParsedQuery {
  const text = typeof input === 'string' ? input : '';
  let truncated = text.length > MAX_QUERY_LENGTH;
  const cleaned = text.slice(0, MAX_QUERY_LENGTH).replace(CONTROL, ' ');
  const required: Clause[] = [];
  const excluded: Clause[] = [];
  const seen = new Set<string>();
  for (const chunk of chunksOf(cleaned)) {
    const clause = clauseOf(chunk, language);
    if (!clause) continue;
    const key = `${chunk.isExcluded ? '-' : '+'}${keyOf(clause)}`;
    if (seen.has(key)) continue;
    if (seen.size >= MAX_CLAUSES) {
      truncated = true;
      break;
    }
    seen.add(key);
    (chunk.isExcluded ? excluded : required).push(clause);
  }
  const problem: QueryProblem | undefined = required.length > 0 ? undefined : excluded.length > 0 ? 'only_excluded' : 'empty';
  return { required, excluded, problem, truncated };
}

/** Every stem and prefix a result's text is highlighted for. */
export function highlightTermsOf(query: ParsedQuery): { stems: Set<string>; prefixes: string[] } {
  const stems = new Set<string>();
  const prefixes: string[] = [];
  for (const clause of query.required) {
    if (clause.kind === 'term') stems.add(clause.term);
    else if (clause.kind === 'phrase') clause.terms.forEach((term) => stems.add(term));
    else prefixes.push(clause.prefix);
  }
  return { stems, prefixes };
}
