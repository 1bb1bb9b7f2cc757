// Subscribers of the wire: the commands that create, change, rotate the key of and revoke one
// (each one statement, hence one transaction), and the queries that read them. A new key is
// returned once and never stored; a webhook without a secret gets a generated one, also shown once.

import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Schema, SubscribersTable } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { DEFAULT_RATE_PER_MINUTE, type SubscriberFields } from './subscriber-input.ts';
import { generateSubscriberKey, hashSubscriberKey, keyHint } from './subscriber-key.ts';

export interface Subscriber {
  id: number;
  name: string;
  languages: string[];
  /** Empty: every rubric. */
  rubricIds: number[];
  webhookUrl: string | null;
  hasWebhookSecret: boolean;
  keyHint: string;
  ratePerMinute: number;
  createdAt: string;
  updatedAt: string;
  revokedAt: string | null;
}

/** A subscriber as the wire and the webhooks need it, with the webhook secret. */
export type SubscriberWithSecret = Subscriber & { webhookSecret: string | null };

type Row = Selectable<SubscribersTable>;

function fromRow(row: Row): SubscriberWithSecret {
  return {
    id: row.id,
    name: row.name,
    languages: JSON.parse(row.languages) as string[],
    rubricIds: JSON.parse(row.rubric_ids) as number[],
    webhookUrl: row.webhook_url,
    hasWebhookSecret: row.webhook_secret !== null,
    webhookSecret: row.webhook_secret,
    keyHint: row.key_hint,
    ratePerMinute: row.rate_per_minute,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revokedAt: row.revoked_at,
  };
}

function generateSecret(): string {
  return randomBytes(24).toString('base64url');
}

export async function createSubscriber(params: { db: Kysely<Schema>; fields: Partial<SubscriberFields>; now: Date }): Promise<{ subscriber: SubscriberWithSecret; apiKey: string; webhookSecret?: string }> {
  const { db, fields, now } = params;
  const apiKey = generateSubscriberKey();
  const webhookUrl = fields.webhookUrl ?? null;
  const generated = webhookUrl !== null && !fields.webhookSecret ? generateSecret() : undefined;
  const at = now.toISOString();
  const row = await db
    .insertInto('subscribers')
    .values({
      name: fields.name!,
      languages: JSON.stringify(fields.languages),
      rubric_ids: JSON.stringify(fields.rubricIds ?? []),
      webhook_url: webhookUrl,
      webhook_secret: fields.webhookSecret ?? generated ?? null,
      key_hash: hashSubscriberKey(apiKey),
      key_hint: keyHint(apiKey),
      rate_per_minute: fields.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE,
      created_at: at,
      updated_at: at,
      revoked_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { subscriber: fromRow(row), apiKey, ...(generated ? { webhookSecret: generated } : {}) };
}

export async function updateSubscriber(params: { db: Kysely<Schema>; subscriberId: number; fields: Partial<SubscriberFields>; now: Date }): Promise<{ subscriber: SubscriberWithSecret; webhookSecret?: string }> {
  const { db, subscriberId, fields, now } = params;
  const current = await findSubscriber(db, subscriberId);
  const webhookUrl = fields.webhookUrl === undefined ? current.webhookUrl : fields.webhookUrl;
  const secret = fields.webhookSecret === undefined ? current.webhookSecret : fields.webhookSecret;
  const generated = webhookUrl !== null && secret === null ? generateSecret() : undefined;
  const row = await db
    .updateTable('subscribers')
    .set({
      ...(fields.name !== undefined ? { name: fields.name } : {}),
      ...(fields.languages !== undefined ? { languages: JSON.stringify(fields.languages) } : {}),
      ...(fields.rubricIds !== undefined ? { rubric_ids: JSON.stringify(fields.rubricIds) } : {}),
      ...(fields.ratePerMinute !== undefined ? { rate_per_minute: fields.ratePerMinute } : {}),
      webhook_url: webhookUrl,
      webhook_secret: generated ?? secret,
      updated_at: now.toISOString(),
    })
    .where('id', '=', subscriberId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { subscriber: fromRow(row), ...(generated ? { webhookSecret: generated } : {}) };
}

/** A new key; the old one stops working at once. A revoked subscriber stays revoked. */
export async function rotateSubscriberKey(params: { db: Kysely<Schema>; subscriberId: number; now: Date }): Promise<{ subscriber: SubscriberWithSecret; apiKey: string }> {
  const apiKey = generateSubscriberKey();
  const row = await params.db
    .updateTable('subscribers')
    .set({ key_hash: hashSubscriberKey(apiKey), key_hint: keyHint(apiKey), updated_at: params.now.toISOString() })
    .where('id', '=', params.subscriberId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound(params.subscriberId);
  return { subscriber: fromRow(row), apiKey };
}

/** Revoking is final for the subscriber's key (rotation does not bring it back) and idempotent. */
export async function revokeSubscriber(params: { db: Kysely<Schema>; subscriberId: number; now: Date }): Promise<SubscriberWithSecret> {
  const current = await findSubscriber(params.db, params.subscriberId);
  if (current.revokedAt !== null) return current;
  const at = params.now.toISOString();
  const row = await params.db
    .updateTable('subscribers')
    .set({ revoked_at: at, updated_at: at })
    .where('id', '=', params.subscriberId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return fromRow(row);
}

export async function listSubscribers(db: Kysely<Schema>): Promise<SubscriberWithSecret[]> {
  return (await db.selectFrom('subscribers').selectAll().orderBy('name').orderBy('id').execute()).map(fromRow);
}

export async function findSubscriber(db: Kysely<Schema>, subscriberId: number): Promise<SubscriberWithSecret> {
  const row = await db.selectFrom('subscribers').selectAll().where('id', '=', subscriberId).executeTakeFirst();
  if (!row) throw notFound(subscriberId);
  return fromRow(row);
}

export async function findSubscriberByKey(db: Kysely<Schema>, apiKey: string): Promise<SubscriberWithSecret | undefined> {
  const row = await db.selectFrom('subscribers').selectAll().where('key_hash', '=', hashSubscriberKey(apiKey)).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/** The subscribers that receive this language and rubric and have a webhook. */
export async function listWebhookSubscribers(db: Kysely<Schema>, language: string, rubricId: number): Promise<SubscriberWithSecret[]> {
  const rows = await db.selectFrom('subscribers').selectAll().where('revoked_at', 'is', null).where('webhook_url', 'is not', null).execute();
  return rows.map(fromRow).filter((s) => s.languages.includes(language) && (s.rubricIds.length === 0 || s.rubricIds.includes(rubricId)));
}

function notFound(id: number): AppError {
  return new AppError('subscriber_not_found', `No subscriber with the id ${id}`);
}

export function presentSubscriber(subscriber: Subscriber): Subscriber {
  const { id, name, languages, rubricIds, webhookUrl, hasWebhookSecret, keyHint: hint, ratePerMinute, createdAt, updatedAt, revokedAt } = subscriber;
  return { id, name, languages, rubricIds, webhookUrl, hasWebhookSecret, keyHint: hint, ratePerMinute, createdAt, updatedAt, revokedAt };
}
