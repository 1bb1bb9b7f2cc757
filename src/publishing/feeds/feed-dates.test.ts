import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatRfc3339, formatRfc822 } from './feed-dates.ts';

const AT = new Date('2026-07-27T11:23:05.000Z');

test('RFC 822 dates carry the agency offset', () => {
  assert.equal(formatRfc822(AT, 'Europe/Minsk'), 'Mon, 27 Jul 2026 14:23:05 +0300');
  assert.equal(formatRfc822(AT, 'UTC'), 'Mon, 27 Jul 2026 11:23:05 +0000');
  assert.equal(formatRfc822(new Date('2026-01-01T02:00:00Z'), 'America/New_York'), 'Wed, 31 Dec 2025 21:00:00 -0500');
});

test('RFC 3339 dates carry the agency offset and read back as the same instant', () => {
  const text = formatRfc3339(AT, 'Europe/Minsk');
  assert.equal(text, '2026-07-27T14:23:05+03:00');
  assert.equal(new Date(text).getTime(), AT.getTime());
  assert.equal(formatRfc3339(AT, 'Asia/Kolkata'), '2026-07-27T16:53:05+05:30');
});
