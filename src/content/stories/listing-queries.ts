// Pages of stories for readers, newest first: the whole feed of a language, a rubric, a tag, an
// author or one day. Pagination is by keyset (the publication time and story id of the last story
// shown), so the 500th page costs what the first does. Every query reads an index in order.

import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Schema, Instant } from '../../db/schema.ts';
import { compiledQuery } from '../../db/compiled-query.ts';
import { publicStatusSql } from './story-status.ts';

export interface FeedCursor {
  publishedAt: Instant;
  storyId: number;
}

export type FeedScope =
  | { kind: 'all' }
  | { kind: 'rubric'; rubricId: number }
  | { kind: 'tag'; tagId: number }
  | { kind: 'author'; authorId: number }
  /** Stories published in [from, to). */
  | { kind: 'period'; from: Instant; to: Instant };

export interface ListedStory {
  storyId: number;
  headline: string;
  lede: string;
  slug: string;
  publishedAt: Instant;
  rubricId: number;
  urgency: number;
  isMain: boolean;
  leadImageId: number | null;
}

export interface FeedPage {
  stories: ListedStory[];
  /** Where the next (older) page starts, when there is one. */
  older: FeedCursor | undefined;
}

const IS_PUBLIC_VERSION = sql<boolean>`${sql.raw(publicStatusSql('v'))}`; // literals: see publicStatusSql

// Kysely cannot type a query whose base table varies (versions or a listing table); the
// columns are checked by the tests on both databases instead.
/* eslint-disable @typescript-eslint/no-explicit-any */
function selectListed<QB extends SelectQueryBuilder<any, any, any>>(query: QB, withLede = true) {
  // Without the lede, the version columns are all in the feed and rubric indexes: no version row is read.
  return query
    .innerJoin('stories as s', 's.id', 'v.story_id')
    .select([
      'v.story_id', 'v.headline', ...(withLede ? ['v.lede'] : []), 'v.slug', 'v.published_at', 'v.rubric_id',
      's.urgency', 's.is_main', 's.lead_image_id',
    ]);
}

function toListed(row: Record<string, unknown>): ListedStory {
  return {
    storyId: row.story_id as number,
    headline: row.headline as string,
    lede: (row.lede as string | undefined) ?? '',
    slug: row.slug as string,
    publishedAt: row.published_at as Instant,
    rubricId: row.rubric_id as number,
    urgency: row.urgency as number,
    isMain: row.is_main === 1,
    leadImageId: row.lead_image_id as number | null,
  };
}

type FeedArgs = [language: string, scopeId: number | string, periodEnd: string, now: string, beforeAt: string, beforeId: number, limit: number];

/**
 * The feed query of one shape (scope kind, with or without a cursor); values arrive as arguments
 * so each shape is compiled once (see compiledQuery). Unused arguments are simply not referenced.
 */
function buildFeedQuery(kind: FeedScope['kind'], withCursor: boolean, withLede: boolean) {
  return compiledQuery((db: Kysely<Schema>, ...[language, scopeId, periodEnd, now, beforeAt, beforeId, limit]: FeedArgs) => {
    // Tags and authors read their listing table in order; everything else the version indexes.
    const listing = kind === 'tag' ? { table: 'tag_listings', column: 'tag_id' } as const
      : kind === 'author' ? { table: 'author_listings', column: 'author_id' } as const
      : undefined;
    let query;
    let timeColumn: string;
    let storyColumn: string;
    if (listing) {
      timeColumn = 'l.published_at';
      storyColumn = 'l.story_id';
      query = selectListed(
        (db as Kysely<any>)
          .selectFrom(`${listing.table} as l`)
          .innerJoin('story_versions as v', (join: any) => join.onRef('v.story_id', '=', 'l.story_id').onRef('v.language', '=', 'l.language'))
          .where(`l.${listing.column}`, '=', scopeId)
          .where('l.language', '=', language),
        withLede,
      );
      if (!withCursor) query = query.where('l.published_at', '<=', now);
    } else {
      timeColumn = 'v.published_at';
      storyColumn = 'v.story_id';
      let base = (db as Kysely<any>).selectFrom('story_versions as v').where('v.language', '=', language).where(IS_PUBLIC_VERSION);
      if (kind === 'rubric') base = base.where('v.rubric_id', '=', scopeId);
      if (kind === 'period') base = base.where('v.published_at', '>=', scopeId);
      if (!withCursor) base = kind === 'period' ? base.where('v.published_at', '<', periodEnd) : base.where('v.published_at', '<=', now);
      query = selectListed(base, withLede);
    }
    query = query
      .where(IS_PUBLIC_VERSION)
      .where((eb: any) => eb.or([eb('s.embargo_until', 'is', null), eb('s.embargo_until', '<=', now)]));
    if (withCursor) {
      // One row-value comparison, which both databases turn into one index range (an OR, or a second
      // upper bound such as "published by now", would make them walk the index from the newest story
      // down to the cursor). listFeedPage folds "by now" and the period's end into this bound.
      query = query.where(sql<boolean>`(${sql.ref(timeColumn)}, ${sql.ref(storyColumn)}) < (${beforeAt}, ${beforeId})`);
    }
    return query.orderBy(timeColumn, 'desc').orderBy(storyColumn, 'desc').limit(limit);
  });
}

const feedQueries = new Map<string, ReturnType<typeof buildFeedQuery>>();

const NO_STORY_ABOVE = Number.MAX_SAFE_INTEGER;

/**
 * The tightest of the upper bounds on (published_at, story_id): the cursor, "published by now"
 * (now, any id) and a period's end (before `to`, so (to, no id)). Instants compare as strings.
 */
function upperBound(cursor: FeedCursor, now: Instant, periodTo: Instant | undefined): FeedCursor {
  const candidates: FeedCursor[] = [cursor, { publishedAt: now, storyId: NO_STORY_ABOVE }];
  if (periodTo !== undefined) candidates.push({ publishedAt: periodTo, storyId: 0 });
  return candidates.reduce((a, b) => (b.publishedAt < a.publishedAt || (b.publishedAt === a.publishedAt && b.storyId < a.storyId) ? b : a));
}

/**
 * One page of the scope's visible stories in `language`, older than `before` when given. With
 * `withLede: false` (a list of headlines) every lede is '' and the page is read from the index alone
 * for the whole feed, a rubric or a day.
 */
export async function listFeedPage(
  db: Kysely<Schema>,
  params: { language: string; scope: FeedScope; before?: FeedCursor | undefined; limit: number; now: Date; withLede?: boolean },
): Promise<FeedPage> {
  const now = params.now.toISOString();
  const { scope, before, language } = params;
  const withLede = params.withLede ?? true;
  const shape = `${scope.kind}:${before !== undefined}:${withLede}`;
  let query = feedQueries.get(shape);
  if (!query) feedQueries.set(shape, (query = buildFeedQuery(scope.kind, before !== undefined, withLede)));
  const scopeId = scope.kind === 'rubric' ? scope.rubricId : scope.kind === 'tag' ? scope.tagId : scope.kind === 'author' ? scope.authorId : scope.kind === 'period' ? scope.from : 0;
  const periodEnd = scope.kind === 'period' && scope.to < now ? scope.to : now;
  const bound = before ? upperBound(before, now, scope.kind === 'period' ? scope.to : undefined) : undefined;
  const rows = (await query(db, language, scopeId, periodEnd, now, bound?.publishedAt ?? '', bound?.storyId ?? 0, params.limit + 1)) as Array<Record<string, unknown>>;
  const stories = rows.slice(0, params.limit).map(toListed);
  const last = stories.at(-1);
  return { stories, older: rows.length > params.limit && last ? { publishedAt: last.publishedAt, storyId: last.storyId } : undefined };
}

/** What a list of headlines shows: «Other materials» under a story. */
export type ListedHeadline = Pick<ListedStory, 'storyId' | 'headline' | 'slug' | 'publishedAt' | 'rubricId' | 'urgency'>;

// Only columns the rubric index carries (story_versions_rubric_cover): no version row is read.
const selectRubricHeadlines = compiledQuery((db: Kysely<Schema>, rubricId: number, language: string, now: string, limit: number) =>
  db
    .selectFrom('story_versions as v')
    .innerJoin('stories as s', 's.id', 'v.story_id')
    .select(['v.story_id', 'v.headline', 'v.slug', 'v.published_at', 'v.rubric_id', 's.urgency'])
    .where('v.rubric_id', '=', rubricId)
    .where('v.language', '=', language)
    .where(IS_PUBLIC_VERSION)
    .where('v.published_at', '<=', now)
    .where((eb) => eb.or([eb('s.embargo_until', 'is', null), eb('s.embargo_until', '<=', now)]))
    .orderBy('v.published_at', 'desc')
    .orderBy('v.story_id', 'desc')
    .limit(limit),
);

/** The newest `limit` headlines readers can see in a rubric, leaving out `exceptStoryId`. */
export async function listRubricHeadlines(
  db: Kysely<Schema>,
  params: { language: string; rubricId: number; exceptStoryId?: number; limit: number; now: Date },
): Promise<ListedHeadline[]> {
  const rows = await selectRubricHeadlines(db, params.rubricId, params.language, params.now.toISOString(), params.limit + 1);
  return rows
    .filter((row) => row.story_id !== params.exceptStoryId)
    .slice(0, params.limit)
    .map((row) => ({
      storyId: row.story_id,
      headline: row.headline,
      slug: row.slug,
      publishedAt: row.published_at as Instant,
      rubricId: row.rubric_id,
      urgency: row.urgency,
    }));
}

const MAIN_CANDIDATES = 20;

const selectMainCandidates = compiledQuery((db: Kysely<Schema>, language: string, now: string, limit: number) =>
  selectListed(
    (db as Kysely<any>)
      .selectFrom('stories as m')
      // CROSS JOIN fixes the join order in SQLite: the few flagged stories first, their versions second.
      .crossJoin('story_versions as v')
      .whereRef('v.story_id', '=', 'm.id')
      .where('v.language', '=', language)
      .where('m.is_main', '=', sql.lit(1))
      .where(IS_PUBLIC_VERSION)
      .where('v.published_at', '<=', now),
  )
    .where((eb: any) => eb.or([eb('s.embargo_until', 'is', null), eb('s.embargo_until', '<=', now)]))
    .orderBy('m.id', 'desc')
    .limit(limit),
);

/**
 * The main story of a language home: of the most recently flagged main stories, the one published
 * last that readers can see in `language`. Reads the few flagged stories through their own index.
 */
export async function findMainStory(db: Kysely<Schema>, params: { language: string; now: Date }): Promise<ListedStory | undefined> {
  const rows = (await selectMainCandidates(db, params.language, params.now.toISOString(), MAIN_CANDIDATES)) as Array<Record<string, unknown>>;
  const newest = rows.reduce<Record<string, unknown> | undefined>(
    (best, row) => (!best || (row.published_at as string) > (best.published_at as string) ? row : best),
    undefined,
  );
  return newest ? toListed(newest) : undefined;
}

/** Whether `language` has visible stories in [from, to): one index probe. */
export async function hasStoriesIn(db: Kysely<Schema>, params: { language: string; from: Instant; to: Instant; now: Date }): Promise<boolean> {
  const now = params.now.toISOString();
  const row = await db
    .selectFrom('story_versions as v')
    .innerJoin('stories as s', 's.id', 'v.story_id')
    .select('v.story_id')
    .where('v.language', '=', params.language)
    .where(IS_PUBLIC_VERSION)
    .where('v.published_at', '>=', params.from)
    .where('v.published_at', '<', params.to < now ? params.to : now)
    .where((eb) => eb.or([eb('s.embargo_until', 'is', null), eb('s.embargo_until', '<=', now)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** How many visible stories `language` has in [from, to): an index range count. */
export async function countStoriesIn(db: Kysely<Schema>, params: { language: string; from: Instant; to: Instant; now: Date }): Promise<number> {
  const now = params.now.toISOString();
  const row = await db
    .selectFrom('story_versions as v')
    .innerJoin('stories as s', 's.id', 'v.story_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('v.language', '=', params.language)
    .where(IS_PUBLIC_VERSION)
    .where('v.published_at', '>=', params.from)
    .where('v.published_at', '<', params.to < now ? params.to : now)
    .where((eb) => eb.or([eb('s.embargo_until', 'is', null), eb('s.embargo_until', '<=', now)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
