// Webhook deliveries: when a story is published, corrected, killed, unpublished, republished or its
// embargo ends, one delivery per subscriber
// with a webhook that receives its language and rubric, written together with its job in one
// transaction (the job runner sends it, durably, with retries). The body is fixed then, so every
// attempt sends the same bytes under the same delivery id. The delivery log reads them back.

import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { enqueueJob } from '../../jobs/index.ts';
import { AppError } from '../../lib/errors.ts';
import { findWireVersion } from './wire-items.ts';
import { presentWireItem } from './wire-item-presenter.ts';
import { listWebhookSubscribers } from './subscribers.ts';

export const WIRE_WEBHOOK_JOB = 'wire_webhook';
/** The workflow actions subscribers are told about: every change of what they may use. */
export const WEBHOOK_ACTIONS = ['publish', 'correct', 'kill', 'unpublish', 'republish', 'embargo_end'] as const;

export interface WebhookDelivery {
  id: string;
  subscriberId: number;
  storyId: number;
  language: string;
  action: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export async function enqueueWebhookDeliveries(params: { database: Database; publicUrl: string; storyId: number; languages: readonly string[]; action: string; now: Date }): Promise<string[]> {
  const { database, now } = params;
  if (!(WEBHOOK_ACTIONS as readonly string[]).includes(params.action)) return [];
  const ids: string[] = [];
  await inTransaction(database.db, async (trx) => {
    const scoped = { ...database, db: trx } as Database;
    for (const language of params.languages) {
      const everyRubric = { languages: [language], rubricIds: [] };
      const row = await findWireVersion(scoped, { scope: everyRubric, storyId: params.storyId, language, now });
      if (!row) continue;
      const subscribers = await listWebhookSubscribers(trx, language, row.rubricId);
      for (const subscriber of subscribers) {
        const item = await presentWireItem(scoped, row, { publicUrl: params.publicUrl, now, scope: { languages: subscriber.languages, rubricIds: subscriber.rubricIds } });
        const id = randomUUID();
        const body = JSON.stringify({ deliveryId: id, event: params.action, item });
        await trx.insertInto('webhook_deliveries').values({
          id, subscriber_id: subscriber.id, story_id: params.storyId, language, action: params.action, body,
          status: 'pending', last_status_code: null, last_error: null, created_at: now.toISOString(), delivered_at: null,
        }).execute();
        await enqueueJob(trx, { kind: WIRE_WEBHOOK_JOB, payload: { deliveryId: id }, runAt: now, uniqueKey: `${WIRE_WEBHOOK_JOB}:${id}` }, now);
        ids.push(id);
      }
    }
  });
  return ids;
}

export async function listWebhookDeliveries(database: Database, params: { subscriberId: number; limit: number }): Promise<WebhookDelivery[]> {
  const rows = await database.db
    .selectFrom('webhook_deliveries')
    .select(['id', 'subscriber_id', 'story_id', 'language', 'action', 'status', 'attempts', 'last_status_code', 'last_error', 'created_at', 'delivered_at'])
    .where('subscriber_id', '=', params.subscriberId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(params.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id, subscriberId: r.subscriber_id, storyId: r.story_id, language: r.language, action: r.action, status: r.status,
    attempts: r.attempts, lastStatusCode: r.last_status_code, lastError: r.last_error, createdAt: r.created_at, deliveredAt: r.delivered_at,
  }));
}

/**
 * Sends a failed or refused delivery again (after the subscriber fixed its webhook): the same id
 * and body, a fresh job with the runner's full set of attempts. A delivered one, or one the runner
 * is still trying, is refused, so nothing is sent twice by hand.
 */
export async function retryWebhookDelivery(database: Database, params: { subscriberId: number; deliveryId: string; now: Date }): Promise<WebhookDelivery> {
  const { subscriberId, deliveryId, now } = params;
  const uniqueKey = `${WIRE_WEBHOOK_JOB}:${deliveryId}`;
  await inTransaction(database.db, async (trx) => {
    const row = await trx.selectFrom('webhook_deliveries').select('status').where('id', '=', deliveryId).where('subscriber_id', '=', subscriberId).executeTakeFirst();
    if (!row) throw new AppError('delivery_not_found', `No delivery ${deliveryId} for subscriber ${subscriberId}`);
    const job = await trx.selectFrom('jobs').select('failed_at').where('unique_key', '=', uniqueKey).executeTakeFirst();
    const gaveUp = row.status === 'failed' || row.status === 'refused' || (row.status === 'pending' && (job === undefined || job.failed_at !== null));
    if (!gaveUp) throw new AppError('delivery_not_retryable', `The delivery is ${row.status}; only a failed or refused delivery is sent again`);
    await trx.updateTable('webhook_deliveries').set({ status: 'pending', last_error: null }).where('id', '=', deliveryId).execute();
    await enqueueJob(trx, { kind: WIRE_WEBHOOK_JOB, payload: { deliveryId }, runAt: now, uniqueKey }, now);
  });
  const [delivery] = (await listWebhookDeliveries(database, { subscriberId, limit: 1_000 })).filter((d) => d.id === deliveryId);
  return delivery!;
}
