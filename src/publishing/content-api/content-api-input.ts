// Reading the content API's query parameters: each bad value is a 400 with a stable code and the
// field named, never a database error.

import { AppError } from '../../lib/errors.ts';

export function readApiLanguage(value: unknown, languages: readonly string[]): string {
  if (value === undefined || value === '') throw new AppError('invalid_input', `language: required, one of ${languages.join(', ')}`, { details: { field: 'language' } });
  if (typeof value !== 'string' || !languages.includes(value)) {
    throw new AppError('language_unknown', `language: "${String(value)}" is not a language of this agency (${languages.join(', ')})`, { details: { field: 'language' } });
  }
  return value;
}

export function readApiLimit(value: unknown, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > max) {
    throw new AppError('invalid_input', `limit: a whole number from 1 to ${max}`, { details: { field: 'limit' } });
  }
  return Number(value);
}

export function readApiStoryId(value: string): number {
  if (!/^\d{1,10}$/.test(value) || Number(value) < 1 || Number(value) > 2_147_483_647) {
    throw new AppError('invalid_input', 'id: a story id is a positive whole number', { details: { field: 'id' } });
  }
  return Number(value);
}

/** A single text parameter (repeating it is a mistake, not a list). */
export function readApiText(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '' || value.length > 200) throw new AppError('invalid_input', `${field}: one non-empty value`, { details: { field } });
  return value;
}
