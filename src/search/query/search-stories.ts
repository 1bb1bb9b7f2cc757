// searchStories: the one entry point of archive search, for the site (audience 'public': only
// what readers may see now) and the newsroom (audience 'newsroom': the statuses the caller may
// see). The pipeline: parse the query → plan the key range (visibility, dates, page) → all
// matches best-first by relevance × freshness, headline matches counting three times → read the
// page's stories → highlight.

import type { Database } from '../../db/database.ts';
import type { Instant } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { liveIndex } from '../index-store/generations.ts';
import { keyOfTime, lastKeyOf } from '../index-store/search-document.ts';
import { highlightAll, snippetOf, documentText, type Highlight } from '../snippet.ts';
import { byScore, HEADLINE_BOOST, type Candidate, type Retrieval, type RetrievalPlan } from './candidates.ts';
import { toFts5, toTsquery } from './compile-query.ts';
import { highlightTermsOf, parseQuery, type ParsedQuery, type QueryProblem } from './parse-query.ts';
import { retrieveSqlite } from './retrieve.sqlite.ts';
import { retrievePostgres } from './retrieve.postgres.ts';

export const PAGE_SIZE = 20;
/** Pages are bounded: page 50 is as deep as a reader goes; a date filter reaches older stories. */
export const MAX_PAGE = 50;
/** At least this many are ranked, so the count reads "more than 100" rather than "more than 20". */
const MIN_RANKED = 101;

export interface SearchContext {
  database: Database;
  clock: () => Date;
}

export interface SearchOptions {
  query: string;
  language: string;
  audience: 'public' | 'newsroom';
  /** Newsroom only: the statuses the caller may see (required there; public search ignores it). */
  statuses?: readonly string[] | undefined;
  rubricId?: number | undefined;
  tagId?: number | undefined;
  /** Only stories visible (published) at or after / before this instant. */
  from?: Instant | undefined;
  to?: Instant | undefined;
  /** 1-based, at most MAX_PAGE. */
  page?: number | undefined;
}

export interface SearchResult {
  storyId: number;
  versionId: number;
  language: string;
  rubricId: number;
  slug: string;
  status: string;
  publishedAt: Instant | null;
  /** The headline, escaped, with matching words in <mark>. */
  headlineHtml: string;
  /** A piece of the lede and body around the first match, escaped, matches in <mark>. */
  snippetHtml: string;
  /** Whether every query word is in the headline (such results count HEADLINE_BOOST times). */
  isHeadlineMatch: boolean;
}

export interface SearchPage {
  results: SearchResult[];
  page: number;
  hasNextPage: boolean;
  /** How many stories match: exact, or (isExact false) at least this many. */
  total: number;
  isExact: boolean;
  /** Why nothing could be searched, when the query had nothing searchable. */
  problem: QueryProblem | undefined;
  /** Whether the query was cut to its first part. */
  truncated: boolean;
}

function invalid(field: string, problem: string): AppError {
  return new AppError('invalid_input', `${field}: ${problem}`, { details: { field } });
}

function optionalId(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw invalid(field, 'must be a positive whole number');
  return value;
}

function optionalInstant(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw invalid(field, 'must be an ISO 8601 instant');
  return ms;
}

interface DetailRow {
  key: number;
  story_id: number;
  version_id: number;
  language: string;
  rubric_id: number;
  status: string;
  is_public: number;
  published_at: Instant | null;
  headline: string;
  lede: string;
  body: string;
  slug: string;
}

async function readDetails(database: Database, generation: number, keys: number[]): Promise<Map<number, DetailRow>> {
  if (keys.length === 0) return new Map();
  const rows = await database.db
    .selectFrom('search_documents as d')
    .innerJoin('story_versions as v', 'v.id', 'd.version_id')
    .select(['d.key', 'd.story_id', 'd.version_id', 'd.language', 'd.rubric_id', 'v.status', 'd.is_public', 'v.published_at', 'v.headline', 'v.lede', 'v.body', 'v.slug'])
    .where('d.generation', '=', generation)
    .where('d.key', 'in', keys)
    .execute();
  return new Map(rows.map((row) => [Number(row.key), row]));
}

function emptyPage(page: number, query: ParsedQuery): SearchPage {
  return { results: [], page, hasNextPage: false, total: 0, isExact: true, problem: query.problem, truncated: query.truncated };
}

export async function searchStories(context: SearchContext, options: SearchOptions): Promise<SearchPage> {
  // 1. Validate the options (the query text itself is never an error).
  if (typeof options.language !== 'string' || options.language === '') throw invalid('language', 'is required');
  if (options.audience !== 'public' && options.audience !== 'newsroom') throw invalid('audience', "must be 'public' or 'newsroom'");
  const statuses = options.audience === 'newsroom' ? options.statuses : undefined;
  if (options.audience === 'newsroom' && (!Array.isArray(statuses) || statuses.some((s) => typeof s !== 'string'))) {
    throw invalid('statuses', 'the newsroom searches only the statuses the caller may see; list them');
  }
  const rubricId = optionalId(options.rubricId, 'rubricId');
  const tagId = optionalId(options.tagId, 'tagId');
  const fromMs = optionalInstant(options.from, 'from');
  const toMs = optionalInstant(options.to, 'to');
  const page = options.page ?? 1;
  if (!Number.isSafeInteger(page) || page < 1 || page > MAX_PAGE) throw invalid('page', `must be a whole number from 1 to ${MAX_PAGE}`);

  // 2. Parse the query: a query with nothing searchable is an empty page with a reason.
  const parsed = parseQuery(options.query, options.language);
  if (parsed.problem) return emptyPage(page, parsed);
  const live = await liveIndex(context.database.db);
  if (live === undefined) return emptyPage(page, parsed);
  if (!live.isComplete) throw new AppError('search_index_building', 'The archive index is being built; search will answer in a few minutes.', { details: { retryAfterSeconds: 60 } });
  const generation = live.generation;

  // 3. Plan: the key range says what is visible and inside the dates.
  const nowMs = context.clock().getTime();
  let highKey = toMs === undefined ? Number.MAX_SAFE_INTEGER : lastKeyOf(toMs);
  if (options.audience === 'public') highKey = Math.min(highKey, lastKeyOf(nowMs));
  const lowKey = fromMs === undefined ? 0 : keyOfTime(fromMs);
  const offset = (page - 1) * PAGE_SIZE;
  const plan: RetrievalPlan = { generation, lowKey, highKey, nowKey: keyOfTime(nowMs), limit: Math.max(offset + PAGE_SIZE + 1, MIN_RANKED) };
  if (lowKey > highKey) return emptyPage(page, parsed);

  // 4. Retrieve: all matches by relevance × freshness, then the headline matches, whose score
  //    counts HEADLINE_BOOST times; the second pass stops where no headline match can enter.
  const filters = { language: options.language, isPublicOnly: options.audience === 'public', statuses };
  let all: Retrieval;
  let headline: Retrieval;
  if (context.database.dialect === 'sqlite') {
    const facets: string[] = [];
    if (rubricId !== undefined) facets.push(`facets : "r${rubricId}"`);
    if (tagId !== undefined) facets.push(`facets : "t${tagId}"`);
    all = await retrieveSqlite(context.database, plan, toFts5(parsed, 'headline body', facets), filters);
    const bar = all.candidates.length >= plan.limit ? all.candidates[plan.limit - 1]!.score : 0;
    headline = await retrieveSqlite(context.database, plan, toFts5(parsed, 'headline', facets), filters, { multiplier: HEADLINE_BOOST, minBar: bar });
  } else {
    ({ all, headline } = await retrievePostgres(context.database, plan, toTsquery(parsed), toTsquery(parsed, 'A'), HEADLINE_BOOST, { ...filters, rubricId, tagId }));
  }
  const best = new Map<number, number>();
  for (const c of [...all.candidates, ...headline.candidates]) best.set(c.key, Math.max(best.get(c.key) ?? 0, c.score));
  const ranked: Candidate[] = [...best].map(([key, score]) => ({ key, score })).sort(byScore).slice(0, plan.limit);
  const isExact = all.isComplete;

  // 5. Read the page's stories and highlight them.
  const pageKeys = ranked.slice(offset, offset + PAGE_SIZE).map((c) => c.key);
  const details = await readDetails(context.database, generation, pageKeys);
  const terms = highlightTermsOf(parsed);
  const headlineKeys = new Set(headline.candidates.map((c) => c.key));

  const results: SearchResult[] = [];
  for (const key of pageKeys) {
    const row = details.get(key);
    if (!row) continue;
    if (options.audience === 'public' && row.is_public !== 1) continue;
    const highlight: Highlight = { ...terms, language: row.language };
    results.push({
      storyId: row.story_id,
      versionId: row.version_id,
      language: row.language,
      rubricId: row.rubric_id,
      slug: row.slug,
      status: row.status,
      publishedAt: row.published_at,
      headlineHtml: highlightAll(row.headline, highlight),
      snippetHtml: snippetOf(`${row.lede} ${documentText(row.body)}`, highlight),
      isHeadlineMatch: headlineKeys.has(key),
    });
  }
  return {
    results,
    page,
    hasNextPage: ranked.length > offset + PAGE_SIZE && page < MAX_PAGE,
    total: ranked.length,
    isExact,
    problem: undefined,
    truncated: parsed.truncated,
  };
}

