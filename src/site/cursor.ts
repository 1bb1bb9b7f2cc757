// The `older` parameter of paginated listings: "<unix milliseconds>-<story id>" of the last story on the
// previous page. Anything else is a malformed address (400), never a database error.

import type { FeedCursor } from '../content/index.ts';

const CURSOR = /^(\d{1,14})-(\d{1,10})$/;

export type CursorParse = { ok: true; cursor: FeedCursor | undefined } | { ok: false };

export function parseOlder(value: unknown): CursorParse {
  if (value === undefined) return { ok: true, cursor: undefined };
  if (typeof value !== 'string') return { ok: false };
  const match = CURSOR.exec(value);
  if (!match) return { ok: false };
  const milliseconds = Number(match[1]);
  const storyId = Number(match[2]);
  if (milliseconds > 32503680000000 || storyId < 1) return { ok: false };
  return { ok: true, cursor: { publishedAt: new Date(milliseconds).toISOString(), storyId } };
}
