// Validates what a caller wants stored as a story or a language version. Everything arriving here
// may come from a form, an API client or a file, so every field is checked and named on failure.

import { AppError } from '../../lib/errors.ts';
import { parseDocument, DocumentError } from '../document/index.ts';
import type { StoryDocument } from '../document/document.ts';
import { isStoryStatus, isPublicStatus, type StoryStatus } from './story-status.ts';
import type { Instant } from '../../db/schema.ts';

export interface LanguageVersionInput {
  language: string;
  headline: string;
  lede: string;
  /** The story document; validated with parseDocument. */
  body: unknown;
  /** An exact slug chosen by an editor; derived from the headline when absent. */
  slug?: string | undefined;
  status?: StoryStatus | undefined;
  publishedAt?: Instant | null | undefined;
  seoTitle?: string | null | undefined;
  seoDescription?: string | null | undefined;
}

export interface StoryInput {
  rubricId: number;
  urgency?: number | undefined;
  isMain?: boolean | undefined;
  embargoUntil?: Instant | null | undefined;
  leadImageId?: number | null | undefined;
  followsStoryId?: number | null | undefined;
  createdBy?: number | null | undefined;
  authorIds?: readonly number[] | undefined;
  tagIds?: readonly number[] | undefined;
  versions: readonly LanguageVersionInput[];
}

export interface ValidLanguageVersion {
  language: string;
  headline: string;
  lede: string;
  body: StoryDocument;
  slug: string | undefined;
  status: StoryStatus;
  publishedAt: Instant | null;
  seoTitle: string | null;
  seoDescription: string | null;
}

export const LIMITS = { headline: 300, lede: 2000, seoTitle: 120, seoDescription: 320 } as const;

function fail(field: string, problem: string): AppError {
  return new AppError('invalid_input', `${field}: ${problem}`, { details: { field } });
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function requiredText(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string') throw fail(field, 'must be text');
  const text = value.normalize('NFC').trim();
  if (text === '') throw fail(field, 'must not be empty');
  if (text.length > max) throw fail(field, `must be at most ${max} characters`);
  if (CONTROL.test(text)) throw fail(field, 'must not contain control characters');
  return text;
}

function optionalText(value: unknown, field: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  return requiredText(value, field, max);
}

export function validInstant(value: unknown, field: string): Instant | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw fail(field, 'must be an ISO 8601 time with an offset, such as 2026-11-23T14:23:00+03:00');
  }
  const time = Date.parse(value);
  // Date.parse rolls impossible days over (2026-02-30 becomes 2 March), so the day is checked too.
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (Number.isNaN(time) || day < 1 || day > daysInMonth) throw fail(field, 'is not a real date and time');
  return new Date(time).toISOString();
}

export function validId(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw fail(field, 'must be a positive whole number');
  return value;
}

export function validLanguage(value: unknown, languages: readonly string[], field = 'language'): string {
  if (typeof value !== 'string' || !languages.includes(value)) {
    throw new AppError('language_unknown', `${field}: must be one of ${languages.join(', ')}`, { details: { field, value } });
  }
  return value;
}

export function validateLanguageVersion(input: LanguageVersionInput, languages: readonly string[], prefix = ''): ValidLanguageVersion {
  const language = validLanguage(input.language, languages, `${prefix}language`);
  let body: StoryDocument;
  try {
    body = parseDocument(input.body);
  } catch (error) {
    if (error instanceof DocumentError) {
      throw new AppError('invalid_document', `${prefix}body: ${error.message}`, { details: { field: `${prefix}body`, path: error.path }, cause: error });
    }
    throw error;
  }
  const status = input.status ?? 'draft';
  if (!isStoryStatus(status)) throw fail(`${prefix}status`, 'is not a story status');
  const publishedAt = validInstant(input.publishedAt, `${prefix}publishedAt`);
  if (isPublicStatus(status) && publishedAt === null) throw fail(`${prefix}publishedAt`, `is required for a ${status} version`);
  if (input.slug !== undefined && typeof input.slug !== 'string') throw fail(`${prefix}slug`, 'must be text');
  return {
    language,
    headline: requiredText(input.headline, `${prefix}headline`, LIMITS.headline),
    lede: requiredText(input.lede, `${prefix}lede`, LIMITS.lede),
    body,
    slug: input.slug,
    status,
    publishedAt,
    seoTitle: optionalText(input.seoTitle, `${prefix}seoTitle`, LIMITS.seoTitle),
    seoDescription: optionalText(input.seoDescription, `${prefix}seoDescription`, LIMITS.seoDescription),
  };
}

export function validateStory(input: StoryInput, languages: readonly string[]) {
  const urgency = input.urgency ?? 3;
  if (!Number.isInteger(urgency) || urgency < 1 || urgency > 5) throw fail('urgency', 'must be a whole number from 1 (flash) to 5 (routine)');
  if (!Array.isArray(input.versions) || input.versions.length === 0) throw fail('versions', 'a story needs at least one language version');
  const versions = input.versions.map((version, index) => validateLanguageVersion(version, languages, `versions[${index}].`));
  const seen = new Set<string>();
  for (const version of versions) {
    if (seen.has(version.language)) throw fail('versions', `the language ${version.language} is given twice`);
    seen.add(version.language);
  }
  const uniqueIds = (ids: readonly number[] | undefined, field: string) => {
    const list = (ids ?? []).map((id, index) => validId(id, `${field}[${index}]`));
    if (new Set(list).size !== list.length) throw fail(field, 'lists the same id twice');
    return list;
  };
  return {
    rubricId: validId(input.rubricId, 'rubricId'),
    urgency,
    isMain: input.isMain === true,
    embargoUntil: validInstant(input.embargoUntil, 'embargoUntil'),
    leadImageId: input.leadImageId == null ? null : validId(input.leadImageId, 'leadImageId'),
    followsStoryId: input.followsStoryId == null ? null : validId(input.followsStoryId, 'followsStoryId'),
    createdBy: input.createdBy == null ? null : validId(input.createdBy, 'createdBy'),
    authorIds: uniqueIds(input.authorIds, 'authorIds'),
    tagIds: uniqueIds(input.tagIds, 'tagIds'),
    versions,
  };
}
