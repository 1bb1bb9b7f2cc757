// The queries of the wire: language versions that were ever published, in the subscriber's
// languages and rubrics, in the order they last changed (the polling order), one by its id, its
// translations, its bylines and the history of its versions from the audit log.

import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Schema } from '../../db/schema.ts';
import type { WireCursor } from './wire-cursor.ts';

/** The statuses a version can have once it reached the wire (killed and unpublished stay, as such). */
export const WIRE_STATUSES = ['published', 'corrected', 'unpublished', 'killed'] as const;

export interface WireScope {
  languages: readonly string[];
  /** Empty: every rubric. */
  rubricIds: readonly number[];
}

export interface WireVersionRow {
  versionId: number;
  storyId: number;
  language: string;
  headline: string;
  lede: string;
  body: string;
  status: string;
  version: number;
  publishedAt: string | null;
  firstPublishedAt: string | null;
  updatedAt: string;
  correctionNote: string | null;
  correctedAt: string | null;
  urgency: number;
  embargoUntil: string | null;
  createdAt: string;
  rubricId: number;
  rubricKey: string;
  rubricName: string | null;
  changedAt: string;
}

// `now` is kept in the signature: what an item says (withheld or usable) depends on it, its place
// in the polling order does not (workflow commands and the embargo-end job move it, in their
// transaction, to when they ran: story_versions.wire_changed_at, indexed).
function selectWireVersions(database: Database, scope: WireScope, _now: Date) {
  let query = database.db
    .selectFrom('story_versions as sv')
    .innerJoin('stories as s', 's.id', 'sv.story_id')
    .innerJoin('rubrics as r', 'r.id', 'sv.rubric_id')
    .leftJoin('rubric_names as rn', (join) => join.onRef('rn.rubric_id', '=', 'sv.rubric_id').onRef('rn.language', '=', 'sv.language'))
    .select([
      'sv.id as versionId', 'sv.story_id as storyId', 'sv.language', 'sv.headline', 'sv.lede', 'sv.body', 'sv.status', 'sv.version',
      'sv.published_at as publishedAt', 'sv.first_published_at as firstPublishedAt', 'sv.updated_at as updatedAt',
      'sv.correction_note as correctionNote', 'sv.corrected_at as correctedAt', 's.urgency', 's.embargo_until as embargoUntil',
      's.created_at as createdAt', 'sv.rubric_id as rubricId', 'r.key as rubricKey', 'rn.name as rubricName',
    ])
    .select(sql<string>`sv.wire_changed_at`.as('changedAt'))
    .where('sv.first_published_at', 'is not', null)
    .where('sv.status', 'in', [...WIRE_STATUSES])
    .where('sv.language', 'in', [...scope.languages]);
  if (scope.rubricIds.length > 0) query = query.where('sv.rubric_id', 'in', [...scope.rubricIds]);
  return query;
}

/** Items changed after `since`, oldest change first: polling with the last one's position misses nothing. */
export async function listWireVersions(database: Database, params: { scope: WireScope; since?: WireCursor; limit: number; now: Date }): Promise<WireVersionRow[]> {
  let query = selectWireVersions(database, params.scope, params.now);
  if (params.since) {
    const { changedAt: at, versionId } = params.since;
    const time = database.dialect === 'postgres' ? sql`${at}::timestamptz` : sql`${at}`;
    // One row-value bound: both databases make it one range of story_versions_wire_changed.
    query = query.where(sql<boolean>`(sv.wire_changed_at, sv.id) > (${time}, ${versionId})`);
  }
  return (await query.where('sv.wire_changed_at', 'is not', null).orderBy('sv.wire_changed_at').orderBy('sv.id').limit(params.limit).execute()) as WireVersionRow[];
}

export async function findWireVersion(database: Database, params: { scope: WireScope; storyId: number; language: string; now: Date }): Promise<WireVersionRow | undefined> {
  const query = selectWireVersions(database, params.scope, params.now);
  return (await query.where('sv.story_id', '=', params.storyId).where('sv.language', '=', params.language).executeTakeFirst()) as WireVersionRow | undefined;
}

/** The story's other language versions on the wire, for associations. */
export async function listWireTranslations(db: Kysely<Schema>, storyId: number, language: string): Promise<Array<{ language: string; headline: string; status: string }>> {
  return db
    .selectFrom('story_versions')
    .select(['language', 'headline', 'status'])
    .where('story_id', '=', storyId)
    .where('language', '!=', language)
    .where('first_published_at', 'is not', null)
    .where('status', 'in', [...WIRE_STATUSES])
    .orderBy('language')
    .execute();
}

export async function listWireBylines(db: Kysely<Schema>, storyId: number, language: string): Promise<Array<{ key: string; name: string }>> {
  const rows = await db
    .selectFrom('story_authors as sa')
    .innerJoin('authors as a', 'a.id', 'sa.author_id')
    .leftJoin('author_names as an', (join) => join.onRef('an.author_id', '=', 'a.id').on('an.language', '=', language))
    .select(['a.key', 'an.name'])
    .where('sa.story_id', '=', storyId)
    .orderBy('sa.position')
    .execute();
  return rows.map((row) => ({ key: row.key, name: row.name ?? row.key }));
}

export interface WireHistoryEntry {
  action: string;
  at: string;
  details: Record<string, unknown>;
}

const HISTORY_ACTIONS = ['publish', 'correct', 'kill', 'unpublish', 'republish'];

/** The public steps of a version (publication, corrections, take-downs), oldest first. */
export async function listWireHistory(db: Kysely<Schema>, versionId: number): Promise<WireHistoryEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['action', 'at', 'details'])
    .where('version_id', '=', versionId)
    .where('action', 'in', HISTORY_ACTIONS)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ action: row.action, at: row.at, details: JSON.parse(row.details) as Record<string, unknown> }));
}
