// Sends one webhook delivery, as the job runner's handler: signed, with its delivery id and
// timestamp in headers, a time limit, redirects not followed, private addresses refused. A 2xx
// marks it delivered and it is never sent again; a 5xx, a timeout or a network failure throws, so
// the runner retries with backoff (same id, same body); a redirect, a 4xx or a refused address is
// final. A send whose answer was lost (the process stopped) is sent again under the same id, so a
// receiver that keeps the ids it has seen takes each delivery once.

import type { Database } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';
import type { RunningJob } from '../../jobs/index.ts';
import { refusalOf } from './webhook-address.ts';
import { signWebhook } from './webhook-signature.ts';
import { WIRE_WEBHOOK_JOB } from './webhook-deliveries.ts';

export interface WebhookOptions {
  database: Database;
  clock: Clock;
  /** Hosts a webhook may reach though they are private or loopback (tests, an intranet subscriber). */
  allowHosts?: readonly string[];
  timeoutMs?: number;
}

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 5_000;

export function wireJobHandlers(options: WebhookOptions): Record<string, (job: RunningJob) => Promise<void>> {
  return { [WIRE_WEBHOOK_JOB]: (job) => sendWebhookDelivery(options, String((job.payload as { deliveryId?: unknown }).deliveryId)) };
}

export async function sendWebhookDelivery(options: WebhookOptions, deliveryId: string): Promise<void> {
  const db = options.database.db;
  const delivery = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('subscribers as s', 's.id', 'd.subscriber_id')
    .select(['d.id', 'd.status', 'd.body', 'd.action', 'd.attempts', 's.webhook_url', 's.webhook_secret', 's.revoked_at'])
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
  if (!delivery || delivery.status !== 'pending') return;
  const settle = (status: string, changes: { last_status_code?: number | null; last_error?: string | null }) =>
    db.updateTable('webhook_deliveries')
      .set({ status, ...changes, attempts: delivery.attempts + 1, ...(status === 'delivered' ? { delivered_at: options.clock().toISOString() } : {}) })
      .where('id', '=', deliveryId).where('status', '=', 'pending').execute();
  if (delivery.revoked_at !== null || !delivery.webhook_url || !delivery.webhook_secret) {
    await settle('failed', { last_error: 'the subscriber was revoked or has no webhook any more' });
    return;
  }
  const refusal = await refusalOf(delivery.webhook_url, options.allowHosts ?? []);
  if (refusal) {
    await settle('refused', { last_error: refusal });
    return;
  }
  const timestamp = String(Math.floor(options.clock().getTime() / 1000));
  let response: Response;
  try {
    response = await fetch(delivery.webhook_url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS),
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Dispatch-Wire/1',
        'x-dispatch-event': delivery.action,
        'x-dispatch-delivery': delivery.id,
        'x-dispatch-timestamp': timestamp,
        'x-dispatch-signature': `sha256=${signWebhook(delivery.webhook_secret, timestamp, delivery.body)}`,
      },
      body: delivery.body,
    });
    await response.body?.cancel();
  } catch (error) {
    const message = (error as Error).name === 'TimeoutError' ? `no answer within ${options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS} ms` : `request failed: ${(error as Error).message}`;
    await db.updateTable('webhook_deliveries').set({ attempts: delivery.attempts + 1, last_error: message, last_status_code: null }).where('id', '=', deliveryId).execute();
    throw new Error(message);
  }
  if (response.status >= 200 && response.status < 300) return void (await settle('delivered', { last_status_code: response.status, last_error: null }));
  if (response.status >= 300 && response.status < 400) return void (await settle('failed', { last_status_code: response.status, last_error: 'the webhook answered with a redirect, which is not followed' }));
  if (response.status >= 500 || response.status === 429 || response.status === 408) {
    await db.updateTable('webhook_deliveries').set({ attempts: delivery.attempts + 1, last_status_code: response.status, last_error: `answered ${response.status}; will retry` }).where('id', '=', deliveryId).execute();
    throw new Error(`webhook answered ${response.status}`);
  }
  await settle('failed', { last_status_code: response.status, last_error: `answered ${response.status}` });
}
