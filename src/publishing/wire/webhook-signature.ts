// The signature of a webhook: HMAC-SHA256 with the subscriber's secret over
// `timestamp + "." + body`, hex, so a receiver can prove the sender and refuse replays by the time.

import { createHmac } from 'node:crypto';

export function signWebhook(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}
