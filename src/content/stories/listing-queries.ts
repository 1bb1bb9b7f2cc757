// Pages of stories for readers, newest first: the whole feed of a language, a rubric, a tag, an
// author or one day. Pagination is by keyset (the publication time and story id of the last story
// shown), so the 500th page costs what the first does. Every query reads an index in order.

import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Schema, Instant } from '../../db/schema.ts';

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
  rubricSlug: string | null;
  rubricName: string | null;
  urgency: number;
  isMain: boolean;
  leadImageId: number | null;
}

export interface FeedPage {
  stories: ListedStory[];
  /** Where the next (older) page starts, when there is one. */
  older: FeedCursor | undefined;
}

const IS_PUBLIC_VERSION = sql<boolean>`v.status in ('published', 'corrected')`;

// Kysely cannot type a query whose base table varies (versions or a listing table); the
// columns are checked by the tests on both databases instead.
/* eslint-disable @typescript-eslint/no-explicit-any */
function selectListed<QB extends SelectQueryBuilder<any, any, any>>(query: QB) {
  return query
    .innerJoin('stories as s', 's.id', 'v.story_id')
    .leftJoin('rubric_names as rn', (join: any) => join.onRef('rn.rubric_id', '=', 'v.rubric_id').onRef('rn.language', '=', 'v.language'))
    .select([
      'v.story_id', 'v.headline', 'v.lede', 'v.slug', 'v.published_at', 'v.rubric_id',
      'rn.slug as rubric_slug', 'rn.name as rubric_name', 's.urgency', 's.is_main', 's.lead_image_id',
    ]);
}

function toListed(row: Record<string, unknown>): ListedStory {
  return {
    storyId: row.story_id as number,
    headline: row.headline as string,
    lede: row.lede as string,
    slug: row.slug as string,
    publishedAt: row.published_at as Instant,
    rubricId: row.rubric_id as number,
    rubricSlug: row.rubric_slug as string | null,
    rubricName: row.rubric_name as string | null,
    urgency: row.urgency as number,
    isMain: row.is_main === 1,
    leadImageId: row.lead_image_id as number | null,
  };
}

/** One page of the scope's visible stories in `language`, older than `before` when given. */
export async function listFeedPage(
  db: Kysely<Schema>,
  params: { language: string; scope: FeedScope; before?: FeedCursor | undefined; limit: number; now: Date },
): Promise<FeedPage> {
  const now = params.now.toISOString();
  const { scope, before, language } = params;
  // Tags and authors read their listing table in order; everything else the version indexes.
  const listing = scope.kind === 'tag' ? { table: 'tag_listings', column: 'tag_id', id: scope.tagId } as const
    : scope.kind === 'author' ? { table: 'author_listings', column: 'author_id', id: scope.authorId } as const
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
        .where(`l.${listing.column}`, '=', listing.id)
        .where('l.language', '=', language)
        .where('l.published_at', '<=', now),
    );
  } else {
    timeColumn = 'v.published_at';
    storyColumn = 'v.story_id';
    let base = (db as Kysely<any>).selectFrom('story_versions as v').where('v.language', '=', language).where(IS_PUBLIC_VERSION);
    if (scope.kind === 'rubric') base = base.where('v.rubric_id', '=', scope.rubricId);
    if (scope.kind === 'period') {
      base = base.where('v.published_at', '>=', scope.from).where('v.published_at', '<', scope.to < now ? scope.to : now);
    } else {
      base = base.where('v.published_at', '<=', now);
    }
    query = selectListed(base);
  }
  query = query
    .where(IS_PUBLIC_VERSION)
    .where((eb: any) => eb.or([eb('s.embargo_until', 'is', null), eb('s.embargo_until', '<=', now)]));
  if (before) {
    query = query.where((eb: any) =>
      eb.or([eb(timeColumn, '<', before.publishedAt), eb.and([eb(timeColumn, '=', before.publishedAt), eb(storyColumn, '<', before.storyId)])]),
    );
  }
  const rows = (await query.orderBy(timeColumn, 'desc').orderBy(storyColumn, 'desc').limit(params.limit + 1).execute()) as Array<Record<string, unknown>>;
  const stories = rows.slice(0, params.limit).map(toListed);
  const last = stories.at(-1);
  return { stories, older: rows.length > params.limit && last ? { publishedAt: last.publishedAt, storyId: last.storyId } : undefined };
}

/** The newest visible main story in `language`, if any among the latest `window` stories. */
export async function findMainStory(db: Kysely<Schema>, params: { language: string; now: Date; window?: number }): Promise<ListedStory | undefined> {
  const now = params.now.toISOString();
  const rows = await selectListed(
    (db as Kysely<any>)
      .selectFrom('story_versions as v')
      .where('v.language', '=', params.language)
      .where(IS_PUBLIC_VERSION)
      .where('v.published_at', '<=', now),
  )
    .where((eb: any) => eb.or([eb('s.embargo_until', 'is', null), eb('s.embargo_until', '<=', now)]))
    .orderBy('v.published_at', 'desc')
    .orderBy('v.story_id', 'desc')
    .limit(params.window ?? 200)
    .execute();
  const main = (rows as Array<Record<string, unknown>>).find((row) => row.is_main === 1);
  return main ? toListed(main) : undefined;
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
