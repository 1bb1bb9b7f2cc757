// Checks the per-language texts of an image (alt text: what the picture shows, for people who
// cannot see it; caption: what the page prints under it) and its credit, as typed in the newsroom.

import { AppError } from '../lib/errors.ts';

export interface ImageTextInput {
  alt?: string | null;
  caption?: string | null;
}

export interface ImageTexts {
  alt: string;
  caption: string | null;
}

export const MAX_ALT_LENGTH = 1000;
export const MAX_CAPTION_LENGTH = 2000;
export const MAX_CREDIT_LENGTH = 300;
export const MAX_NAME_LENGTH = 255;

function fail(field: string, problem: string): AppError {
  return new AppError('invalid_input', `${field}: ${problem}`, { details: { field } });
}

function readText(value: unknown, field: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw fail(field, 'must be text');
  const text = value.trim();
  if (text.length > max) throw fail(field, `must be at most ${max} characters`);
  return text === '' ? null : text;
}

export function readCredit(value: unknown): string | null {
  return readText(value, 'credit', MAX_CREDIT_LENGTH);
}

export function readOriginalName(value: unknown): string | null {
  return readText(value, 'originalName', MAX_NAME_LENGTH);
}

/**
 * The texts per language; a language whose value is null (or whose alt and caption are both
 * empty) has no texts. Unknown languages are refused.
 */
export function readImageTexts(value: unknown, languages: readonly string[]): Map<string, ImageTexts | null> {
  const result = new Map<string, ImageTexts | null>();
  if (value === undefined || value === null) return result;
  if (typeof value !== 'object' || Array.isArray(value)) throw fail('texts', 'must be an object of languages, such as { "en": { "alt": "…" } }');
  for (const [language, entry] of Object.entries(value as Record<string, unknown>)) {
    if (!languages.includes(language)) {
      throw new AppError('language_unknown', `texts.${language}: not a configured language`, { details: { field: `texts.${language}` } });
    }
    if (entry === null) {
      result.set(language, null);
      continue;
    }
    if (typeof entry !== 'object' || Array.isArray(entry)) throw fail(`texts.${language}`, 'must be an object with alt and caption');
    const { alt, caption } = entry as Record<string, unknown>;
    const altText = readText(alt, `texts.${language}.alt`, MAX_ALT_LENGTH);
    const captionText = readText(caption, `texts.${language}.caption`, MAX_CAPTION_LENGTH);
    result.set(language, altText === null && captionText === null ? null : { alt: altText ?? '', caption: captionText });
  }
  return result;
}
