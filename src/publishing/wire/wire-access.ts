// Who is asking the wire: the subscriber whose API key is in `Authorization: Bearer`. A missing
// or unknown key is 401 `wire_key_invalid`, a revoked one 401 `wire_key_revoked`; then the key's
// rate limit; a language outside the subscription is 403.

import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';
import { readBearerKey } from './subscriber-key.ts';
import { findSubscriberByKey, type SubscriberWithSecret } from './subscribers.ts';
import type { WireRateLimiter } from './wire-rate-limit.ts';

export async function authenticateSubscriber(params: { database: Database; request: FastifyRequest; limiter: WireRateLimiter; now: Date }): Promise<SubscriberWithSecret> {
  const key = readBearerKey(params.request.headers.authorization);
  if (!key || key.length > 200) throw new AppError('wire_key_invalid', 'Send your wire API key as `Authorization: Bearer <key>`');
  const subscriber = await findSubscriberByKey(params.database.db, key);
  if (!subscriber) throw new AppError('wire_key_invalid', 'This wire API key is not known (it may have been rotated)');
  if (subscriber.revokedAt !== null) throw new AppError('wire_key_revoked', 'This wire API key was revoked');
  params.limiter.take(subscriber.id, subscriber.ratePerMinute, params.now);
  return subscriber;
}

export function assertReceivesLanguage(subscriber: SubscriberWithSecret, language: string): void {
  if (!subscriber.languages.includes(language)) {
    throw new AppError('wire_language_forbidden', `The subscription does not include the language "${language}" (it has ${subscriber.languages.join(', ')})`, {
      details: { language, languages: subscriber.languages },
    });
  }
}
