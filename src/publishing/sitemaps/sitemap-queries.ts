// The reads behind the sitemaps, each an index range on story_versions (language, published_at)
// restricted to what readers may see: one page of a month's versions in a language, the visible
// translations of a set of stories, the count of the last 48 hours; and the month counts kept in
// sitemap_months (migration 2026-12-03-20), for the index. Never a full scan.

import { sql, type Kysely } from 'kysely';
import type { Instant, Schema } from '../../db/schema.ts';
import { PUBLIC_STATUSES } from '../../content/index.ts';

const IS_PUBLIC = sql<boolean>`${sql.raw(`v.status in (${PUBLIC_STATUSES.map((s) => `'${s}'`).join(', ')})`)}`;

export interface SitemapVersion {
  storyId: number;
  language: string;
  slug: string;
  rubricId: number;
  headline: string;
  publishedAt: Instant;
  changedAt: Instant;
}

function visible(now: string) {
  return (eb: any) => eb.or([eb('s.embargo_until', 'is', null), eb('s.embargo_until', '<=', now)]); // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * One upper bound on the publication time: before the period's end, or by now (a story published
 * this very millisecond is on its page, so it is in the sitemaps too), whichever is tighter.
 */
function publishedBefore(to: Instant | undefined, now: Instant): ['v.published_at', '<' | '<=', Instant] {
  return to !== undefined && to <= now ? ['v.published_at', '<', to] : ['v.published_at', '<=', now];
}

/** Versions in `language` published in [from, to) and visible now, oldest first, one page. */
export async function listVersionsPublishedIn(
  db: Kysely<Schema>,
  params: { language: string; from: Instant; /** Absent: up to now. */ to?: Instant; now: Date; offset: number; limit: number; newestFirst?: boolean },
): Promise<SitemapVersion[]> {
  const now = params.now.toISOString();
  const rows = await db
    .selectFrom('story_versions as v')
    .innerJoin('stories as s', 's.id', 'v.story_id')
    .select(['v.story_id', 'v.language', 'v.slug', 'v.rubric_id', 'v.headline', 'v.published_at', 'v.updated_at', 'v.corrected_at'])
    .where('v.language', '=', params.language)
    .where(IS_PUBLIC)
    .where('v.published_at', '>=', params.from)
    .where(...publishedBefore(params.to, now))
    .where(visible(now))
    .orderBy('v.published_at', params.newestFirst ? 'desc' : 'asc')
    .orderBy('v.story_id', params.newestFirst ? 'desc' : 'asc')
    .offset(params.offset)
    .limit(params.limit)
    .execute();
  return rows.map(toVersion);
}

function toVersion(row: { story_id: number; language: string; slug: string; rubric_id: number; headline: string; published_at: string | null; updated_at: string; corrected_at: string | null }): SitemapVersion {
  const published = row.published_at!;
  const changed = row.corrected_at ?? row.updated_at;
  return {
    storyId: row.story_id,
    language: row.language,
    slug: row.slug,
    rubricId: row.rubric_id,
    headline: row.headline,
    publishedAt: published,
    changedAt: changed > published ? changed : published,
  };
}

const CHUNK = 500;

/** Every visible language version of `storyIds` (the hreflang alternates), by story id. */
export async function listVisibleVersionsOf(db: Kysely<Schema>, storyIds: readonly number[], now: Date): Promise<Map<number, SitemapVersion[]>> {
  const nowText = now.toISOString();
  const result = new Map<number, SitemapVersion[]>();
  const unique = [...new Set(storyIds)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .selectFrom('story_versions as v')
      .innerJoin('stories as s', 's.id', 'v.story_id')
      .select(['v.story_id', 'v.language', 'v.slug', 'v.rubric_id', 'v.headline', 'v.published_at', 'v.updated_at', 'v.corrected_at'])
      .where('v.story_id', 'in', unique.slice(i, i + CHUNK))
      .where(IS_PUBLIC)
      .where('v.published_at', '<=', nowText)
      .where(visible(nowText))
      .execute();
    for (const row of rows) {
      const list = result.get(row.story_id) ?? [];
      list.push(toVersion(row));
      result.set(row.story_id, list);
    }
  }
  return result;
}

/**
 * How many versions in `language` were published in [from, to): an index-only count on the partial
 * (language, published_at) index, to size a month's sitemap files. Embargoed stories are counted
 * (the stories table is not read), so a count may run a little high, never low.
 */
export async function countPublishedIn(db: Kysely<Schema>, params: { language: string; from: Instant; /** Absent: up to now. */ to?: Instant; now: Date }): Promise<number> {
  const now = params.now.toISOString();
  const row = await db
    .selectFrom('story_versions as v')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('v.language', '=', params.language)
    .where(IS_PUBLIC)
    .where('v.published_at', '>=', params.from)
    .where(...publishedBefore(params.to, now))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface SitemapMonth {
  language: string;
  /** `YYYY-MM`, UTC. */
  month: string;
  versions: number;
}

/**
 * The months up to `until` (`YYYY-MM`) with public versions, per language, oldest first, as the
 * story_versions triggers keep them: not a count of the archive. These counts include versions of
 * embargoed stories and versions dated after now (`listHiddenVersionMonths` finds those).
 */
export async function listSitemapMonths(db: Kysely<Schema>, until: string): Promise<SitemapMonth[]> {
  const rows = await db
    .selectFrom('sitemap_months')
    .select(['language', 'month', 'versions'])
    .where('versions', '>', 0)
    .where('month', '<=', until)
    .orderBy('language')
    .orderBy('month')
    .execute();
  return rows.map((row) => ({ language: row.language, month: row.month, versions: Number(row.versions) }));
}

/**
 * The public versions in `languages` that the month counts hold but no sitemap file lists now:
 * those of stories under embargo (the partial embargo index) and those dated after now (an index
 * range past now), as language and month (UTC). Both are few whatever the archive's size.
 */
export async function listHiddenVersionMonths(db: Kysely<Schema>, languages: readonly string[], now: Date): Promise<Array<{ language: string; month: string }>> {
  if (languages.length === 0) return [];
  const nowText = now.toISOString();
  const [embargoed, future] = await Promise.all([
    db.selectFrom('stories as s')
      .innerJoin('story_versions as v', 'v.story_id', 's.id')
      .select(['v.language', 'v.published_at'])
      .where('s.embargo_until', 'is not', null)
      .where('s.embargo_until', '>', nowText)
      .where('v.language', 'in', [...languages])
      .where(IS_PUBLIC)
      .where('v.published_at', '<=', nowText)
      .execute(),
    db.selectFrom('story_versions as v')
      .select(['v.language', 'v.published_at'])
      .where('v.language', 'in', [...languages])
      .where(IS_PUBLIC)
      .where('v.published_at', '>', nowText)
      .execute(),
  ]);
  return [...embargoed, ...future].map((row) => ({ language: row.language, month: new Date(row.published_at!).toISOString().slice(0, 7) }));
}
