// What a chief editor may set on a subscriber, checked field by field: all problems of one request
// are reported together. Rubrics are named by id and must exist; no rubrics means all of them.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { FieldErrors, refuseUnknownFields } from '../../newsroom/index.ts';

export interface SubscriberFields {
  name: string;
  languages: string[];
  rubricIds: number[];
  webhookUrl: string | null;
  webhookSecret: string | null;
  ratePerMinute: number;
}

export const DEFAULT_RATE_PER_MINUTE = 120;
const FIELDS = ['name', 'languages', 'rubricIds', 'webhookUrl', 'webhookSecret', 'ratePerMinute'] as const;

export async function readSubscriberFields(
  db: Kysely<Schema>,
  body: Record<string, unknown>,
  languages: readonly string[],
  mode: 'create' | 'update',
): Promise<Partial<SubscriberFields>> {
  const errors = new FieldErrors();
  refuseUnknownFields(body, FIELDS, errors);
  const fields: Partial<SubscriberFields> = {};
  if (mode === 'create') for (const field of ['name', 'languages'] as const) if (body[field] === undefined) errors.add(field, 'is required');
  if (mode === 'update' && Object.keys(body).length === 0) errors.add('body', `name at least one of ${FIELDS.join(', ')}`);

  if (body.name !== undefined) {
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    if (name === '' || name.length > 120) errors.add('name', 'must be 1 to 120 characters');
    else fields.name = name;
  }
  if (body.languages !== undefined) {
    const list = body.languages;
    if (!Array.isArray(list) || list.length === 0 || !list.every((l) => typeof l === 'string' && languages.includes(l))) {
      errors.add('languages', `must be a non-empty list of ${languages.join(', ')}`);
    } else fields.languages = [...new Set(list as string[])];
  }
  if (body.rubricIds !== undefined) {
    const list = body.rubricIds;
    if (!Array.isArray(list) || !list.every((id) => Number.isSafeInteger(id) && (id as number) > 0)) {
      errors.add('rubricIds', 'must be a list of rubric ids (empty: every rubric)');
    } else {
      const ids = [...new Set(list as number[])];
      const found = ids.length === 0 ? [] : await db.selectFrom('rubrics').select('id').where('id', 'in', ids).execute();
      const missing = ids.filter((id) => !found.some((row) => row.id === id));
      if (missing.length > 0) errors.add('rubricIds', `no rubric with the id ${missing.join(', ')}`);
      else fields.rubricIds = ids.sort((a, b) => a - b);
    }
  }
  if (body.webhookUrl !== undefined) {
    if (body.webhookUrl === null) fields.webhookUrl = null;
    else if (typeof body.webhookUrl !== 'string' || !isHttpUrl(body.webhookUrl)) errors.add('webhookUrl', 'must be an http or https URL, or null');
    else fields.webhookUrl = body.webhookUrl;
  }
  if (body.webhookSecret !== undefined) {
    if (body.webhookSecret === null) fields.webhookSecret = null;
    else if (typeof body.webhookSecret !== 'string' || body.webhookSecret.length < 16 || body.webhookSecret.length > 200) {
      errors.add('webhookSecret', 'must be 16 to 200 characters, or null');
    } else fields.webhookSecret = body.webhookSecret;
  }
  if (body.ratePerMinute !== undefined) {
    if (!Number.isSafeInteger(body.ratePerMinute) || (body.ratePerMinute as number) < 1 || (body.ratePerMinute as number) > 100_000) {
      errors.add('ratePerMinute', 'must be a whole number from 1 to 100000');
    } else fields.ratePerMinute = body.ratePerMinute as number;
  }
  errors.throwIfAny();
  return fields;
}

function isHttpUrl(text: string): boolean {
  if (text.length > 2000) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
