// The `cursor` of the public content API: where the next (older) page of a story list starts, as
// base64url of the last story's publication time and id. Opaque to clients; anything the API did
// not give out is a 400 (`api_cursor_invalid`), never a database error.

import type { FeedCursor } from '../../content/index.ts';
import { AppError } from '../../lib/errors.ts';

const DECODED = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|(\d{1,10})$/;

export function encodeApiCursor(cursor: FeedCursor): string {
  return Buffer.from(`${cursor.publishedAt}|${cursor.storyId}`, 'utf8').toString('base64url');
}

export function decodeApiCursor(value: string): FeedCursor {
  const refuse = () => new AppError('api_cursor_invalid', 'cursor: not a cursor this API gave out; start again without one', { details: { field: 'cursor' } });
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(value)) throw refuse();
  const match = DECODED.exec(Buffer.from(value, 'base64url').toString('utf8'));
  if (!match || Number.isNaN(Date.parse(match[1]!)) || new Date(match[1]!).toISOString() !== match[1]) throw refuse();
  const storyId = Number(match[2]);
  if (storyId < 1) throw refuse();
  return { publishedAt: match[1]!, storyId };
}
