// The desk: the newsroom's list of stories in work, newest change first, filtered by status,
// rubric, language, byline author, time of last change and words of the headline, each story with
// the status of every language version, who has it open in the editor now, and the configured
// languages it still lacks.

import { sql } from 'kysely';
import { isStoryStatus, validId, validInstant, validLanguage } from '../../content/index.ts';
import { AppError } from '../../lib/errors.ts';
import { validActor, type Actor } from './actor.ts';
import { headlineMatchFor } from './headline-match.ts';
import { listPresence, type PresentUser } from './presence.ts';
import { authorize } from './transitions.ts';
import type { WorkflowContext } from './workflow-context.ts';

export interface DeskFilter {
  actor: Actor;
  status?: string;
  rubricId?: number;
  language?: string;
  authorId?: number;
  /** Changed at or after. */
  from?: string;
  /** Changed before. */
  to?: string;
  headlineQuery?: string;
  /** `next` of the previous page. */
  cursor?: string;
  limit?: number;
}

export interface DeskVersion {
  language: string;
  status: string;
  headline: string;
  version: number;
  revision: number;
  publishedAt: string | null;
  updatedAt: string;
  /** Who has this version open in the editor now (fresh heartbeat). */
  openBy: PresentUser[];
}

export interface DeskStory {
  storyId: number;
  rubricId: number;
  urgency: number;
  createdBy: number | null;
  followsStoryId: number | null;
  embargoUntil: string | null;
  updatedAt: string;
  versions: DeskVersion[];
  missingLanguages: string[];
}

function fail(field: string, problem: string): AppError {
  return new AppError('invalid_input', `${field}: ${problem}`, { details: { field } });
}

function parseCursor(cursor: string): { updatedAt: string; id: number } {
  const match = /^(\d{1,15})-(\d{1,10})$/.exec(cursor);
  if (!match) throw fail('cursor', 'is not a desk cursor');
  return { updatedAt: new Date(Number(match[1])).toISOString(), id: Number(match[2]) };
}

export async function listDesk(context: WorkflowContext, filter: DeskFilter): Promise<{ stories: DeskStory[]; next: string | undefined }> {
  authorize('readDesk', validActor(filter.actor));
  const limit = filter.limit ?? 30;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw fail('limit', 'must be a whole number from 1 to 200');
  if (filter.status !== undefined && !isStoryStatus(filter.status)) throw fail('status', 'is not a story status');
  const language = filter.language === undefined ? undefined : validLanguage(filter.language, context.languages);
  const rubricId = filter.rubricId === undefined ? undefined : validId(filter.rubricId, 'rubricId');
  const authorId = filter.authorId === undefined ? undefined : validId(filter.authorId, 'authorId');
  const from = validInstant(filter.from, 'from');
  const to = validInstant(filter.to, 'to');
  const words = filter.headlineQuery?.normalize('NFC').trim();
  if (words !== undefined && words.length > 200) throw fail('headlineQuery', 'must be at most 200 characters');
  const cursor = filter.cursor === undefined ? undefined : parseCursor(filter.cursor);
  const match = words ? headlineMatchFor(context.database) : undefined;
  const db = context.database.db;

  let query = db
    .selectFrom('stories as s')
    .select(['s.id', 's.rubric_id', 's.urgency', 's.created_by', 's.follows_story_id', 's.embargo_until', 's.updated_at'])
    .orderBy('s.updated_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(limit + 1);
  if (filter.status !== undefined || language !== undefined || words) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('story_versions as v')
          .select(sql.lit(1).as('one'))
          .whereRef('v.story_id', '=', 's.id')
          .$if(filter.status !== undefined, (q) => q.where('v.status', '=', filter.status!))
          .$if(language !== undefined, (q) => q.where('v.language', '=', language!))
          .$if(match !== undefined, (q) => q.where(match!('v.headline', words!))),
      ),
    );
  }
  if (rubricId !== undefined) query = query.where('s.rubric_id', '=', rubricId);
  if (authorId !== undefined) {
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('story_authors as a').select(sql.lit(1).as('one')).whereRef('a.story_id', '=', 's.id').where('a.author_id', '=', authorId)),
    );
  }
  if (from !== null) query = query.where('s.updated_at', '>=', from);
  if (to !== null) query = query.where('s.updated_at', '<', to);
  if (cursor) {
    query = query.where((eb) => eb.or([eb('s.updated_at', '<', cursor.updatedAt), eb.and([eb('s.updated_at', '=', cursor.updatedAt), eb('s.id', '<', cursor.id)])]));
  }
  const rows = await query.execute();
  const page = rows.slice(0, limit);
  const versions = page.length === 0
    ? []
    : await db
      .selectFrom('story_versions')
      .select(['id', 'story_id', 'language', 'status', 'headline', 'version', 'revision', 'published_at', 'updated_at'])
      .where('story_id', 'in', page.map((row) => row.id))
      .execute();
  const presence = await listPresence(db, versions.map((v) => v.id), context.clock());
  const stories = page.map((row): DeskStory => {
    const own = versions
      .filter((v) => v.story_id === row.id)
      .sort((a, b) => context.languages.indexOf(a.language) - context.languages.indexOf(b.language))
      .map((v) => ({ language: v.language, status: v.status, headline: v.headline, version: v.version, revision: v.revision, publishedAt: v.published_at, updatedAt: v.updated_at, openBy: presence.get(v.id) ?? [] }));
    const present = new Set(own.map((v) => v.language));
    return {
      storyId: row.id,
      rubricId: row.rubric_id,
      urgency: row.urgency,
      createdBy: row.created_by,
      followsStoryId: row.follows_story_id,
      embargoUntil: row.embargo_until,
      updatedAt: row.updated_at,
      versions: own,
      missingLanguages: context.languages.filter((code) => !present.has(code)),
    };
  });
  const last = page.at(-1);
  return { stories, next: rows.length > limit && last ? `${Date.parse(last.updated_at)}-${last.id}` : undefined };
}
