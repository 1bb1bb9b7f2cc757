// The audit log: every workflow action, who took it, when, from which status to which, on which
// story and version, with details as JSON. Written in the action's own transaction, so an action
// that rolls back leaves no entry; read by chief editors only.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { validId } from '../../content/index.ts';
import { toInstant } from '../../lib/clock.ts';
import { actorForAudit, validActor, type Actor } from './actor.ts';
import { authorize } from './transitions.ts';
import type { WorkflowContext } from './workflow-context.ts';

export interface AuditInput {
  actor: Actor;
  action: string;
  at: Date;
  storyId?: number | null;
  versionId?: number | null;
  language?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  details?: Record<string, unknown>;
}

export async function writeAudit(trx: Kysely<Schema>, entry: AuditInput): Promise<void> {
  const actor = actorForAudit(entry.actor);
  await trx
    .insertInto('audit_log')
    .values({
      at: toInstant(entry.at),
      actor_user_id: actor.userId,
      actor_role: actor.role,
      action: entry.action,
      story_id: entry.storyId ?? null,
      version_id: entry.versionId ?? null,
      language: entry.language ?? null,
      from_status: entry.fromStatus ?? null,
      to_status: entry.toStatus ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export interface AuditEntry {
  id: number;
  at: string;
  actorUserId: number | null;
  actorRole: string;
  action: string;
  storyId: number | null;
  versionId: number | null;
  language: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  details: Record<string, unknown>;
}

/** Newest first; `before` is the id of the last entry of the previous page. Chief editors only. */
export async function listAuditLog(
  context: Pick<WorkflowContext, 'database'>,
  params: {
    actor: Actor; storyId?: number; before?: number; limit?: number;
    /** Only this user's actions; only this action; only entries at or after `from` and before `to`. */
    userId?: number; action?: string; from?: Date; to?: Date;
  },
): Promise<{ entries: AuditEntry[]; before: number | undefined }> {
  authorize('readAudit', validActor(params.actor));
  const limit = params.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new AppError('invalid_input', 'limit: must be a whole number from 1 to 500', { details: { field: 'limit' } });
  let query = context.database.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit + 1);
  if (params.storyId !== undefined) query = query.where('story_id', '=', validId(params.storyId, 'storyId'));
  if (params.before !== undefined) query = query.where('id', '<', validId(params.before, 'before'));
  if (params.userId !== undefined) query = query.where('actor_user_id', '=', validId(params.userId, 'userId'));
  if (params.action !== undefined) query = query.where('action', '=', params.action);
  if (params.from !== undefined) query = query.where('at', '>=', toInstant(params.from));
  if (params.to !== undefined) query = query.where('at', '<', toInstant(params.to));
  const rows = await query.execute();
  const entries = rows.slice(0, limit).map((row) => ({
    id: row.id,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorRole: row.actor_role,
    action: row.action,
    storyId: row.story_id,
    versionId: row.version_id,
    language: row.language,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }));
  return { entries, before: rows.length > limit ? entries.at(-1)!.id : undefined };
}
