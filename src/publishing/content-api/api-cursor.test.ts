// The content API's cursor: what it gives out reads back; anything else is api_cursor_invalid.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeApiCursor, encodeApiCursor } from './api-cursor.ts';

test('a cursor reads back as the position it was made from', () => {
  const position = { publishedAt: '2026-11-23T08:00:00.000Z', storyId: 42 };
  assert.deepEqual(decodeApiCursor(encodeApiCursor(position)), position);
});

test('a cursor the API did not give out is refused with api_cursor_invalid', () => {
  const made = (text: string) => Buffer.from(text).toString('base64url');
  for (const bad of ['', 'not base64!', made('2026-11-23T08:00:00.000Z'), made('2026-13-45T08:00:00.000Z|1'), made('2026-11-23T08:00:00.000Z|0'), made('yesterday|5'), 'x'.repeat(200)]) {
    assert.throws(() => decodeApiCursor(bad), (error: { code?: string }) => error.code === 'api_cursor_invalid', JSON.stringify(bad));
  }
});
