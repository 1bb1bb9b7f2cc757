// "Who is editing what": the editor sends a heartbeat while a language version is open, and the desk
// and the editor show the other people whose heartbeat is fresh. Rows live in `story_presence`, so
// every app process agrees; a row whose heartbeat was missed is stale and not shown, and leaving the
// editor removes it at once.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { validId, validLanguage } from '../../content/index.ts';
import { AppError } from '../../lib/errors.ts';
import { toInstant } from '../../lib/clock.ts';
import { isSystemActor, validActor, type Actor, type UserActor } from './actor.ts';
import { authorize } from './transitions.ts';
import { loadVersion } from './version-rows.ts';
import type { WorkflowContext } from './workflow-context.ts';

/** How often the editor renews its presence. */
export const PRESENCE_HEARTBEAT_SECONDS = 20;
/** A presence not renewed for this long (a missed heartbeat and some slack) is stale. */
export const PRESENCE_STALE_SECONDS = 50;
/** Stale rows older than this are deleted when someone opens the same version. */
const PRESENCE_FORGET_SECONDS = 3600;

export interface PresentUser {
  userId: number;
  name: string;
  /** When they opened the version. */
  since: string;
}

interface Target {
  actor: Actor;
  storyId: number;
  language: string;
}

function userActor(actor: Actor): UserActor {
  if (isSystemActor(actor)) throw new AppError('forbidden', 'The job runner opens no stories', { details: { action: 'presence' } });
  return actor;
}

function secondsBefore(now: Date, seconds: number): string {
  return toInstant(new Date(now.getTime() - seconds * 1000));
}

/** The people with a fresh presence on each of `versionIds`, earliest opener first. */
export async function listPresence(db: Kysely<Schema>, versionIds: readonly number[], now: Date): Promise<Map<number, PresentUser[]>> {
  const present = new Map<number, PresentUser[]>();
  if (versionIds.length === 0) return present;
  const rows = await db
    .selectFrom('story_presence as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.version_id', 'p.user_id', 'p.opened_at', 'u.name'])
    .where('p.version_id', 'in', [...versionIds])
    .where('p.seen_at', '>=', secondsBefore(now, PRESENCE_STALE_SECONDS))
    .orderBy('p.opened_at')
    .orderBy('p.user_id')
    .execute();
  for (const row of rows) {
    const list = present.get(row.version_id) ?? [];
    list.push({ userId: row.user_id, name: row.name, since: row.opened_at });
    present.set(row.version_id, list);
  }
  return present;
}

/** The actor has the version open (a heartbeat); answers who else has it open now. */
export async function markPresent(context: WorkflowContext, params: Target): Promise<{ others: PresentUser[]; heartbeatSeconds: number }> {
  const actor = userActor(validActor(params.actor));
  const now = context.clock();
  const seenAt = toInstant(now);
  const db = context.database.db;
  const version = await loadVersion(db, context.database.dialect, validId(params.storyId, 'storyId'), validLanguage(params.language, context.languages));
  authorize('readText', actor, { status: version.status, storyCreatedBy: version.storyCreatedBy });
  await db.transaction().execute(async (trx) => {
    // A stale row starts afresh: whoever comes back after a pause has "just opened" it.
    await trx.deleteFrom('story_presence').where('version_id', '=', version.id).where('seen_at', '<', secondsBefore(now, PRESENCE_STALE_SECONDS))
      .where((eb) => eb.or([eb('user_id', '=', actor.userId), eb('seen_at', '<', secondsBefore(now, PRESENCE_FORGET_SECONDS))]))
      .execute();
    await trx
      .insertInto('story_presence')
      .values({ version_id: version.id, user_id: actor.userId, opened_at: seenAt, seen_at: seenAt })
      .onConflict((conflict) => conflict.columns(['version_id', 'user_id']).doUpdateSet({ seen_at: seenAt }))
      .execute();
  });
  const everyone = (await listPresence(db, [version.id], now)).get(version.id) ?? [];
  return { others: everyone.filter((user) => user.userId !== actor.userId), heartbeatSeconds: PRESENCE_HEARTBEAT_SECONDS };
}

/** The actor closed the version: they are no longer shown at once, without waiting to go stale. */
export async function leaveVersion(context: WorkflowContext, params: Target): Promise<void> {
  const actor = userActor(validActor(params.actor));
  const db = context.database.db;
  const version = await loadVersion(db, context.database.dialect, validId(params.storyId, 'storyId'), validLanguage(params.language, context.languages));
  await db.deleteFrom('story_presence').where('version_id', '=', version.id).where('user_id', '=', actor.userId).execute();
}
