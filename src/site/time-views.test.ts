import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TimeFormatter } from './time-views.ts';
import { formatDateline, isoWithOffset } from './dateline.ts';

const NOW = new Date('2026-07-27T20:00:00.000Z'); // 23:00 in Minsk

test('datelines agree with the reference formatter in every language, around midnight and the new year', () => {
  const instants = ['2026-07-27T11:23:00.000Z', '2026-07-26T21:00:00.000Z', '2026-07-26T20:59:00.000Z', '2025-12-31T21:30:00.000Z', '2025-12-31T20:30:00.000Z', '2024-02-29T09:05:00.000Z'];
  for (const [locale, zone] of [['en-GB', 'Europe/Minsk'], ['ru-RU', 'Europe/Minsk'], ['be-BY', 'Europe/Minsk'], ['en-GB', 'Europe/Berlin'], ['ru-RU', 'America/New_York']] as const) {
    const formatter = new TimeFormatter(locale, zone);
    for (const instant of instants) {
      assert.equal(formatter.dateline(instant, NOW).text, formatDateline(instant, locale, zone, NOW), `${locale} ${zone} ${instant}`);
      assert.equal(formatter.dateline(instant, NOW).iso, isoWithOffset(instant, zone));
    }
  }
});

test('a news feed shows only the time for today and the date for earlier days', () => {
  const ru = new TimeFormatter('ru-RU', 'Europe/Minsk');
  assert.deepEqual(ru.listTime('2026-07-27T11:23:00.000Z', NOW), { iso: '2026-07-27T14:23:00+03:00', text: '14:23' });
  assert.deepEqual(ru.listTime('2026-07-26T20:59:00.000Z', NOW), { iso: '2026-07-26T23:59:00+03:00', text: '23:59, 26 июля' });
  assert.equal(ru.listTime('2025-07-27T11:23:00.000Z', NOW).text, '14:23, 27 июля 2025');
  const be = new TimeFormatter('be-BY', 'Europe/Minsk');
  assert.equal(be.listTime('2026-07-26T09:00:00.000Z', NOW).text, '12:00, 26 ліпеня');
});

test('days and months for the archive', () => {
  const en = new TimeFormatter('en-GB', 'Europe/Minsk');
  assert.equal(en.day(2026, 11, 22), '22 November 2026');
  assert.equal(en.month(2026, 11), 'November 2026');
  const ru = new TimeFormatter('ru-RU', 'Europe/Minsk');
  assert.equal(ru.day(2026, 11, 22), '22 ноября 2026');
  assert.match(ru.month(2026, 11), /^Ноябрь 2026$/);
  const be = new TimeFormatter('be-BY', 'Europe/Minsk');
  assert.match(be.month(2026, 11), /^Лістапад 2026$/);
});
