// Tests for the dateline ("14:23, 27 July" / "14:23, 27 июля" / "14:23, 27 ліпеня") in the
// agency's time zone, the year shown only for other years, and isoWithOffset for <time datetime>.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDateline, isoWithOffset } from './dateline.ts';

const MINSK = 'Europe/Minsk';
/** "Now" for these tests: 1 September 2026, 13:00 in Minsk. */
const NOW = new Date('2026-09-01T10:00:00Z');
/** 27 July 2026, 14:23 in Minsk. */
const STORY = '2026-07-27T11:23:00Z';

describe('formatDateline in the current year', () => {
  it('writes the English dateline', () => {
    assert.equal(formatDateline(STORY, 'en-GB', MINSK, NOW), '14:23, 27 July');
  });

  it('writes the Russian dateline, the month in the genitive', () => {
    assert.equal(formatDateline(STORY, 'ru-RU', MINSK, NOW), '14:23, 27 июля');
  });

  it('writes the Belarusian dateline, the month in the genitive', () => {
    assert.equal(formatDateline(STORY, 'be-BY', MINSK, NOW), '14:23, 27 ліпеня');
  });

  it('writes every Belarusian month in the genitive', () => {
    const months = ['студзеня', 'лютага', 'сакавіка', 'красавіка', 'мая', 'чэрвеня', 'ліпеня', 'жніўня', 'верасня', 'кастрычніка', 'лістапада', 'снежня'];
    const december = new Date('2026-12-31T12:00:00Z');
    months.forEach((month, index) => {
      const instant = new Date(Date.UTC(2026, index, 5, 9, 0)).toISOString();
      assert.equal(formatDateline(instant, 'be-BY', MINSK, december), `12:00, 5 ${month}`);
    });
  });

  it('writes every Russian month in the genitive', () => {
    const months = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
    const december = new Date('2026-12-31T12:00:00Z');
    months.forEach((month, index) => {
      const instant = new Date(Date.UTC(2026, index, 5, 9, 0)).toISOString();
      assert.equal(formatDateline(instant, 'ru-RU', MINSK, december), `12:00, 5 ${month}`);
    });
  });

  it('accepts an instant written with an offset', () => {
    assert.equal(formatDateline('2026-07-27T14:23:00+03:00', 'en-GB', MINSK, NOW), '14:23, 27 July');
  });
});

describe('formatDateline in another year', () => {
  const LAST_YEAR = '2025-07-27T11:23:00Z';

  it('adds the year in English', () => {
    assert.equal(formatDateline(LAST_YEAR, 'en-GB', MINSK, NOW), '14:23, 27 July 2025');
  });

  it('adds the year in Russian without "г."', () => {
    assert.equal(formatDateline(LAST_YEAR, 'ru-RU', MINSK, NOW), '14:23, 27 июля 2025');
  });

  it('adds the year in Belarusian without "г."', () => {
    assert.equal(formatDateline(LAST_YEAR, 'be-BY', MINSK, NOW), '14:23, 27 ліпеня 2025');
  });

  it('adds the year for a date in a later year too', () => {
    assert.equal(formatDateline('2027-01-02T09:00:00Z', 'en-GB', MINSK, NOW), '12:00, 2 January 2027');
  });
});

describe('formatDateline: hours and the date boundary', () => {
  it('pads midnight and single-digit hours and minutes with a zero', () => {
    assert.equal(formatDateline('2026-07-26T21:00:00Z', 'en-GB', MINSK, NOW), '00:00, 27 July');
    assert.equal(formatDateline('2026-07-27T05:05:00Z', 'en-GB', MINSK, NOW), '08:05, 27 July');
    assert.equal(formatDateline('2026-07-27T06:09:00Z', 'ru-RU', MINSK, NOW), '09:09, 27 июля');
  });

  it('writes the day without a leading zero', () => {
    assert.equal(formatDateline('2026-07-03T11:23:00Z', 'en-GB', MINSK, NOW), '14:23, 3 July');
    assert.equal(formatDateline('2026-07-03T11:23:00Z', 'be-BY', MINSK, NOW), '14:23, 3 ліпеня');
  });

  it('uses the Minsk date, not the UTC date: 21:30 UTC is 00:30 the next day', () => {
    assert.equal(formatDateline('2026-07-26T21:30:00Z', 'en-GB', MINSK, NOW), '00:30, 27 July');
    assert.equal(formatDateline('2026-07-26T21:30:00Z', 'ru-RU', MINSK, NOW), '00:30, 27 июля');
    assert.equal(formatDateline('2026-07-26T21:30:00Z', 'en-GB', 'UTC', NOW), '21:30, 26 July');
  });

  it('decides "this year" by the Minsk calendar on New Year’s night', () => {
    // 21:30 UTC on 31 December 2025 is already 1 January 2026 in Minsk: this year, no year shown.
    assert.equal(formatDateline('2025-12-31T21:30:00Z', 'en-GB', MINSK, NOW), '00:30, 1 January');
    // Shortly after midnight in Minsk (still 2025 in UTC), a story from the evening before is last year's.
    const newYearInMinsk = new Date('2025-12-31T21:10:00Z');
    assert.equal(formatDateline('2025-12-31T20:00:00Z', 'en-GB', MINSK, newYearInMinsk), '23:00, 31 December 2025');
    assert.equal(formatDateline('2025-12-31T21:05:00Z', 'ru-RU', MINSK, newYearInMinsk), '00:05, 1 января');
  });

  it('follows the offset of the zone it is given', () => {
    assert.equal(formatDateline('2026-07-27T11:23:00Z', 'en-GB', 'America/New_York', NOW), '07:23, 27 July');
    assert.equal(formatDateline('2026-01-27T11:23:00Z', 'en-GB', 'America/New_York', NOW), '06:23, 27 January');
  });
});

describe('isoWithOffset', () => {
  it('writes the Minsk wall time with +03:00', () => {
    assert.equal(isoWithOffset('2026-07-27T11:23:00Z', MINSK), '2026-07-27T14:23:00+03:00');
    assert.equal(isoWithOffset('2026-01-05T11:23:00Z', MINSK), '2026-01-05T14:23:00+03:00');
  });

  it('names the same instant as its input', () => {
    for (const instant of ['2026-07-27T11:23:00Z', '2026-07-26T21:30:00Z', '2025-12-31T21:30:45Z']) {
      assert.equal(new Date(isoWithOffset(instant, MINSK)).getTime(), new Date(instant).getTime(), instant);
    }
  });

  it('moves to the next day in Minsk after 21:00 UTC', () => {
    assert.equal(isoWithOffset('2026-07-26T21:30:00Z', MINSK), '2026-07-27T00:30:00+03:00');
    assert.equal(isoWithOffset('2025-12-31T21:00:00Z', MINSK), '2026-01-01T00:00:00+03:00');
  });

  it('writes negative, half-hour and zero offsets', () => {
    assert.equal(isoWithOffset('2026-07-27T11:23:00Z', 'America/New_York'), '2026-07-27T07:23:00-04:00');
    assert.equal(isoWithOffset('2026-01-27T11:23:00Z', 'America/New_York'), '2026-01-27T06:23:00-05:00');
    assert.equal(isoWithOffset('2026-07-27T11:23:00Z', 'Asia/Kolkata'), '2026-07-27T16:53:00+05:30');
    assert.equal(isoWithOffset('2026-07-27T11:23:00Z', 'America/St_Johns'), '2026-07-27T08:53:00-02:30');
    assert.equal(isoWithOffset('2026-07-27T11:23:00Z', 'UTC'), '2026-07-27T11:23:00+00:00');
  });

  it('keeps the seconds and drops milliseconds', () => {
    assert.equal(isoWithOffset('2026-07-27T11:23:45.999Z', MINSK), '2026-07-27T14:23:45+03:00');
  });
});
