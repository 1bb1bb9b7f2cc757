// What the index stores for one language version, computed from what the content domain hands
// over: the visibility facts (content decides which statuses readers see), the text, and the
// filters. The same rows feed the SQLite and the PostgreSQL index.

import type { Instant } from '../../db/schema.ts';
import { termsOf } from '../text/terms.ts';

/** One language version as the content domain describes it to the index. */
export interface SearchDocumentInput {
  versionId: number;
  storyId: number;
  language: string;
  status: string;
  /** Whether the status is one readers see (content's PUBLIC_STATUSES). */
  isPublic: boolean;
  rubricId: number;
  tagIds: readonly number[];
  headline: string;
  /** Lede and body as plain text. */
  text: string;
  publishedAt: Instant | null;
  embargoUntil: Instant | null;
  updatedAt: Instant;
}

export interface PlannedDocument {
  input: SearchDocumentInput;
  /** The moment the version is visible (or, for a draft, last changed), in ms. */
  timeMs: number;
  year: number;
  headlineTerms: string[];
  bodyTerms: string[];
  /** Filter tokens for the FTS5 facets column. */
  facets: string;
}

/** Keys of the same millisecond differ in their slot (below 2^53 until the year 20000). */
export const KEY_SLOTS = 16;

/** The first key of a moment. */
export function keyOfTime(ms: number): number {
  return Math.floor(ms) * KEY_SLOTS;
}

/** The last key of a moment: `key <= lastKeyOf(now)` is "visible by now". */
export function lastKeyOf(ms: number): number {
  return keyOfTime(ms) + KEY_SLOTS - 1;
}

export function timeOfKey(key: number): number {
  return Math.floor(key / KEY_SLOTS);
}

/**
 * A public version is indexed at the moment readers may first see it: its publication time or
 * its story's embargo, whichever is later. Public search then only needs `key <= now`, which
 * both databases check in the index, and a passing embargo needs no write.
 */
function indexTimeOf(input: SearchDocumentInput): number {
  const published = input.publishedAt === null ? undefined : Date.parse(input.publishedAt);
  if (published === undefined) return Date.parse(input.updatedAt);
  const embargo = input.embargoUntil === null ? -Infinity : Date.parse(input.embargoUntil);
  return Math.max(published, embargo);
}

export function facetTokensOf(input: SearchDocumentInput): string {
  const tokens = [`l${input.language}`, `s${input.status}`, `r${input.rubricId}`, ...input.tagIds.map((id) => `t${id}`)];
  if (input.isPublic) tokens.push('xpub');
  return tokens.join(' ');
}

export function planDocument(input: SearchDocumentInput): PlannedDocument {
  const timeMs = indexTimeOf(input);
  return {
    input,
    timeMs,
    year: new Date(timeMs).getUTCFullYear(),
    headlineTerms: termsOf(input.headline, input.language),
    bodyTerms: termsOf(input.text, input.language),
    facets: facetTokensOf(input),
  };
}

/** Assigns each document a key no other document of the generation has (`taken`). */
export function assignKeys(documents: readonly PlannedDocument[], taken: Set<number>): number[] {
  return documents.map((document) => {
    let key = keyOfTime(document.timeMs) + (document.input.versionId % KEY_SLOTS);
    while (taken.has(key)) key++;
    taken.add(key);
    return key;
  });
}

/** The candidate keys of documents, to look up which are taken before assigning. */
export function candidateKeys(documents: readonly PlannedDocument[]): number[] {
  return documents.map((document) => keyOfTime(document.timeMs) + (document.input.versionId % KEY_SLOTS));
}

const MAX_POSITION = 16383;

/** The terms as a PostgreSQL tsvector literal: headline terms weighted A, positions kept. */
export function tsvectorLiteral(document: PlannedDocument): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  const add = (term: string, weight: string) => {
    position = Math.min(position + 1, MAX_POSITION);
    let list = positions.get(term);
    if (!list) positions.set(term, (list = []));
    if (list.length < 256) list.push(`${position}${weight}`);
  };
  for (const term of document.headlineTerms) add(term, 'A');
  for (const term of document.bodyTerms) add(term, '');
  return [...positions].map(([term, list]) => `'${term.replaceAll("'", "''").replaceAll('\\', '\\\\')}':${list.join(',')}`).join(' ');
}
