// The wire over HTTP for subscribers (ninjs 3.1 JSON): the items changed since a cursor, one item
// by its id, and the history of its versions. Every request: key → rate limit → language → query
// → present.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { assertReceivesLanguage, authenticateSubscriber } from './wire-access.ts';
import { decodeWireCursor, encodeWireCursor, type WireCursor } from './wire-cursor.ts';
import { findWireVersion, listWireVersions, type WireScope } from './wire-items.ts';
import { createWireRateLimiter, type WireRateLimiter } from './wire-rate-limit.ts';
import { presentWireItem, presentWireVersions } from './wire-item-presenter.ts';
import type { SubscriberWithSecret } from './subscribers.ts';
import { renderNewsmlItem } from './newsml-item.ts';

export interface WireDeps {
  database: Database;
  clock: Clock;
  publicUrl: string;
  languages: readonly string[];
  limiter?: WireRateLimiter;
}

export const MAX_WIRE_LIMIT = 100;
export const NEWSML_ITEM_TYPE = 'application/vnd.iptc.g2.newsitem+xml; charset=utf-8';

function wantsNewsml(accept: string | undefined): boolean {
  return /application\/vnd\.iptc\.g2\.newsitem\+xml/i.test(accept ?? '');
}
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export function registerWireRoutes(app: FastifyInstance, deps: WireDeps): void {
  const limiter = deps.limiter ?? createWireRateLimiter();
  const publicUrl = deps.publicUrl.replace(/\/+$/, '');
  const subscriberOf = (request: FastifyRequest) => authenticateSubscriber({ database: deps.database, request, limiter, now: deps.clock() });

  app.get<{ Querystring: Record<string, string | string[] | undefined> }>('/api/wire/items', async (request) => {
    const subscriber = await subscriberOf(request);
    const query = request.query;
    const languages = readLanguages(query.language, subscriber, deps.languages);
    const limit = readLimit(query.limit);
    const since = readStart(query.since, query.from);
    const now = deps.clock();
    const scope: WireScope = { languages, rubricIds: subscriber.rubricIds };
    const rows = await listWireVersions(deps.database, { scope, since, limit, now });
    const items = await Promise.all(rows.map((row) => presentWireItem(deps.database, row, { publicUrl, now, scope })));
    const last = rows.at(-1);
    const next = last ? encodeWireCursor({ changedAt: last.changedAt, versionId: last.versionId }) : since ? encodeWireCursor(since) : null;
    return { items, next, hasMore: rows.length === limit };
  });

  // `…/:id.xml`, or `Accept: application/vnd.iptc.g2.newsitem+xml`, gives the NewsML-G2 newsItem.
  app.get<{ Params: { id: string } }>('/api/wire/items/:id', async (request, reply) => {
    const subscriber = await subscriberOf(request);
    const asXml = request.params.id.endsWith('.xml') || wantsNewsml(request.headers.accept);
    const { row, scope, now } = await findItem(deps, subscriber, request.params.id.replace(/\.xml$/, ''));
    const item = await presentWireItem(deps.database, row, { publicUrl, now, scope });
    if (!asXml) return item;
    return reply.type(NEWSML_ITEM_TYPE).header('vary', 'Accept').send(renderNewsmlItem(item));
  });

  app.get<{ Params: { id: string } }>('/api/wire/items/:id/versions', async (request) => {
    const subscriber = await subscriberOf(request);
    const { row, scope, now } = await findItem(deps, subscriber, request.params.id);
    return presentWireVersions(deps.database, row, { publicUrl, now, scope });
  });
}

async function findItem(deps: WireDeps, subscriber: SubscriberWithSecret, id: string) {
  const match = /^([1-9]\d{0,15})-([a-z]{2,8})$/.exec(id);
  const notFound = () => new AppError('wire_item_not_found', `No wire item "${id}"`, { details: { id } });
  if (!match) throw notFound();
  const storyId = Number(match[1]);
  const language = match[2]!;
  if (!deps.languages.includes(language)) throw notFound();
  assertReceivesLanguage(subscriber, language);
  const now = deps.clock();
  const scope: WireScope = { languages: subscriber.languages, rubricIds: subscriber.rubricIds };
  const row = await findWireVersion(deps.database, { scope, storyId, language, now });
  if (!row) throw notFound();
  return { row, scope, now };
}

function single(value: string | string[] | undefined, field: string): string | undefined {
  if (Array.isArray(value)) throw new AppError('invalid_input', `${field}: give it once`, { details: { field } });
  return value;
}

function readLanguages(value: string | string[] | undefined, subscriber: SubscriberWithSecret, configured: readonly string[]): string[] {
  const text = single(value, 'language');
  if (text === undefined || text === '') return subscriber.languages;
  const asked = [...new Set(text.split(','))];
  for (const language of asked) {
    if (!configured.includes(language)) throw new AppError('language_unknown', `language: "${language}" is not a language of this agency`, { details: { field: 'language' } });
    assertReceivesLanguage(subscriber, language);
  }
  return asked;
}

function readLimit(value: string | string[] | undefined): number {
  const text = single(value, 'limit');
  if (text === undefined) return 50;
  if (!/^[1-9]\d{0,2}$/.test(text) || Number(text) > MAX_WIRE_LIMIT) {
    throw new AppError('invalid_input', `limit: must be a whole number from 1 to ${MAX_WIRE_LIMIT}`, { details: { field: 'limit' } });
  }
  return Number(text);
}

/** Where the list starts: after a cursor, or at a moment (`from`, ISO 8601 with an offset: changes from then on). */
function readStart(sinceValue: string | string[] | undefined, fromValue: string | string[] | undefined): WireCursor | undefined {
  const since = single(sinceValue, 'since');
  const from = single(fromValue, 'from');
  if (since !== undefined && from !== undefined) throw new AppError('invalid_input', 'since, from: give one of them', { details: { field: 'from' } });
  if (since !== undefined) return decodeWireCursor(since);
  if (from === undefined) return undefined;
  const at = INSTANT.test(from) ? Date.parse(from) : Number.NaN;
  if (Number.isNaN(at)) throw new AppError('invalid_input', 'from: must be a date and time in ISO 8601 with an offset, like 2026-12-01T08:00:00Z', { details: { field: 'from' } });
  return { changedAt: new Date(at).toISOString(), versionId: 0 };
}
