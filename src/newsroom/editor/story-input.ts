// Reading the stories API's input: path parameters, desk filters from the query string, and the
// text fields a save or an autosave carries. Every problem is a 400 `invalid_input` naming its
// field; the commands validate the values themselves (lengths, slugs, the story document).

import { AppError } from '../../lib/errors.ts';
import { FieldErrors, readId, readObjectBody, refuseUnknownFields } from '../http/api-input.ts';
import type { TextFields } from '../workflow/index.ts';

export { readId, readObjectBody };

export interface VersionParams {
  storyId: string;
  language: string;
}

export function readVersionParams(params: VersionParams): { storyId: number; language: string } {
  return { storyId: readId(params.storyId, 'storyId'), language: readLanguageCode(params.language, 'language') };
}

export function readLanguageCode(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^[a-z]{2,3}$/.test(value)) throw new AppError('invalid_input', `${field}: must be a language code such as ru or en`, { details: { field } });
  return value;
}

export function readRevisionNumber(value: unknown, field: string): number {
  const number = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) {
    throw new AppError('invalid_input', `${field}: must be a revision number (a whole number from 0)`, { details: { field } });
  }
  return number;
}

const TEXT_FIELDS = ['headline', 'lede', 'body', 'slug', 'seoTitle', 'seoDescription'] as const;

export function readTextFields(value: unknown, field = 'fields'): TextFields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AppError('invalid_input', `${field}: must be an object of text fields`, { details: { field } });
  }
  const fields = value as Record<string, unknown>;
  const errors = new FieldErrors();
  for (const key of Object.keys(fields)) {
    if (!(TEXT_FIELDS as readonly string[]).includes(key)) errors.add(`${field}.${key}`, `is not a text field (known: ${TEXT_FIELDS.join(', ')})`);
  }
  for (const key of ['headline', 'lede', 'slug'] as const) {
    if (key in fields && typeof fields[key] !== 'string') errors.add(`${field}.${key}`, 'must be text');
  }
  for (const key of ['seoTitle', 'seoDescription'] as const) {
    if (key in fields && fields[key] !== null && typeof fields[key] !== 'string') errors.add(`${field}.${key}`, 'must be text or null');
  }
  errors.throwIfAny();
  return fields as TextFields;
}

/** The body of a request: an object with exactly the named fields (others are refused). */
export function readBody(body: unknown, known: readonly string[]): Record<string, unknown> {
  const object = body === undefined || body === null ? {} : readObjectBody(body);
  const errors = new FieldErrors();
  refuseUnknownFields(object, known, errors);
  errors.throwIfAny();
  return object;
}

export function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new AppError('invalid_input', `${field}: must be text`, { details: { field } });
  return value;
}

/** A query-string parameter given at most once; an empty value means "any". */
export function queryText(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new AppError('invalid_input', `${name}: must be given once`, { details: { field: name } });
  return value;
}

/** A date filter: YYYY-MM-DD (a UTC day; `endOfDay` takes the day in) or an instant. */
export function queryDay(query: Record<string, unknown>, name: string, endOfDay: boolean): string | undefined {
  const value = queryText(query, name);
  if (value === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = Date.parse(`${value}T00:00:00Z`);
    if (Number.isNaN(start)) throw new AppError('invalid_input', `${name}: is not a date`, { details: { field: name } });
    return new Date(endOfDay ? start + 86_400_000 : start).toISOString();
  }
  return value;
}

/** Desk filters from the query string; empty values mean "any". */
export function readDeskQuery(query: Record<string, unknown>) {
  const text = (name: string) => queryText(query, name);
  const id = (name: string) => {
    const value = text(name);
    return value === undefined ? undefined : readId(value, name);
  };
  const day = (name: string, endOfDay: boolean) => queryDay(query, name, endOfDay);
  const limit = text('limit');
  return {
    status: text('status'),
    rubricId: id('rubric'),
    language: text('language'),
    authorId: id('author'),
    from: day('from', false),
    to: day('to', true),
    headlineQuery: text('q'),
    cursor: text('cursor'),
    limit: limit === undefined ? undefined : readRevisionNumber(limit, 'limit'),
  };
}
