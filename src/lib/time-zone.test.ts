// Tests for the time-zone conversions: Europe/Minsk (UTC+3 all year), Europe/Berlin across both
// daylight-saving changes of 2026, America/New_York, and round trips wall time <-> instant.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { instantOfWallTime, isValidTimeZone, offsetMinutesAt, wallTimeAt } from './time-zone.ts';

const at = (iso: string): Date => new Date(iso);

describe('wallTimeAt', () => {
  it('gives the clock time in Minsk, three hours ahead of UTC', () => {
    assert.deepEqual(wallTimeAt(at('2026-07-27T11:23:45Z'), 'Europe/Minsk'), { year: 2026, month: 7, day: 27, hour: 14, minute: 23, second: 45 });
  });

  it('moves to the next day, month and year when Minsk is already past midnight', () => {
    assert.deepEqual(wallTimeAt(at('2026-07-26T21:30:00Z'), 'Europe/Minsk'), { year: 2026, month: 7, day: 27, hour: 0, minute: 30, second: 0 });
    assert.deepEqual(wallTimeAt(at('2025-12-31T21:00:00Z'), 'Europe/Minsk'), { year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
  });

  it('shows midnight as hour 0, never 24', () => {
    assert.equal(wallTimeAt(at('2026-07-26T21:00:00Z'), 'Europe/Minsk').hour, 0);
    assert.equal(wallTimeAt(at('2026-01-01T00:00:00Z'), 'UTC').hour, 0);
    assert.equal(wallTimeAt(at('2026-01-01T05:00:00Z'), 'America/New_York').hour, 0);
  });

  it('goes back a day in New York', () => {
    assert.deepEqual(wallTimeAt(at('2026-07-27T02:15:00Z'), 'America/New_York'), { year: 2026, month: 7, day: 26, hour: 22, minute: 15, second: 0 });
  });

  it('drops fractions of a second instead of rounding up', () => {
    assert.deepEqual(wallTimeAt(at('2026-07-27T11:23:59.999Z'), 'Europe/Minsk'), { year: 2026, month: 7, day: 27, hour: 14, minute: 23, second: 59 });
  });

  it('follows Berlin across the spring change (02:00 CET becomes 03:00 CEST on 29 March 2026)', () => {
    assert.deepEqual(wallTimeAt(at('2026-03-29T00:59:59Z'), 'Europe/Berlin'), { year: 2026, month: 3, day: 29, hour: 1, minute: 59, second: 59 });
    assert.deepEqual(wallTimeAt(at('2026-03-29T01:00:00Z'), 'Europe/Berlin'), { year: 2026, month: 3, day: 29, hour: 3, minute: 0, second: 0 });
  });

  it('follows Berlin across the autumn change (03:00 CEST becomes 02:00 CET on 25 October 2026)', () => {
    assert.deepEqual(wallTimeAt(at('2026-10-25T00:59:59Z'), 'Europe/Berlin'), { year: 2026, month: 10, day: 25, hour: 2, minute: 59, second: 59 });
    assert.deepEqual(wallTimeAt(at('2026-10-25T01:00:00Z'), 'Europe/Berlin'), { year: 2026, month: 10, day: 25, hour: 2, minute: 0, second: 0 });
  });
});

describe('offsetMinutesAt', () => {
  it('is +180 in Minsk on every day of 2026', () => {
    for (let day = 0; day < 365; day++) {
      const date = new Date(Date.UTC(2026, 0, 1 + day, 12));
      assert.equal(offsetMinutesAt(date, 'Europe/Minsk'), 180, date.toISOString());
    }
  });

  it('is +60 in Berlin in winter and +120 in summer, changing at 01:00 UTC', () => {
    assert.equal(offsetMinutesAt(at('2026-01-15T12:00:00Z'), 'Europe/Berlin'), 60);
    assert.equal(offsetMinutesAt(at('2026-03-29T00:59:59Z'), 'Europe/Berlin'), 60);
    assert.equal(offsetMinutesAt(at('2026-03-29T01:00:00Z'), 'Europe/Berlin'), 120);
    assert.equal(offsetMinutesAt(at('2026-07-15T12:00:00Z'), 'Europe/Berlin'), 120);
    assert.equal(offsetMinutesAt(at('2026-10-25T00:59:59Z'), 'Europe/Berlin'), 120);
    assert.equal(offsetMinutesAt(at('2026-10-25T01:00:00Z'), 'Europe/Berlin'), 60);
  });

  it('is -300 in New York in winter and -240 in summer (8 March and 1 November 2026)', () => {
    assert.equal(offsetMinutesAt(at('2026-01-15T12:00:00Z'), 'America/New_York'), -300);
    assert.equal(offsetMinutesAt(at('2026-03-08T06:59:59Z'), 'America/New_York'), -300);
    assert.equal(offsetMinutesAt(at('2026-03-08T07:00:00Z'), 'America/New_York'), -240);
    assert.equal(offsetMinutesAt(at('2026-11-01T05:59:59Z'), 'America/New_York'), -240);
    assert.equal(offsetMinutesAt(at('2026-11-01T06:00:00Z'), 'America/New_York'), -300);
  });

  it('handles offsets that are not whole hours', () => {
    assert.equal(offsetMinutesAt(at('2026-07-27T11:23:00Z'), 'Asia/Kolkata'), 330);
    assert.equal(offsetMinutesAt(at('2026-07-27T11:23:00Z'), 'Asia/Kathmandu'), 345);
  });

  it('is 0 in UTC, also for instants with milliseconds', () => {
    assert.equal(offsetMinutesAt(at('2026-07-27T11:23:45.678Z'), 'UTC'), 0);
    assert.equal(offsetMinutesAt(at('2026-07-27T11:23:45.678Z'), 'Europe/Minsk'), 180);
  });
});

describe('instantOfWallTime', () => {
  it('finds the instant of a Minsk wall time', () => {
    assert.equal(instantOfWallTime({ year: 2026, month: 7, day: 27, hour: 14, minute: 23 }, 'Europe/Minsk').toISOString(), '2026-07-27T11:23:00.000Z');
    assert.equal(instantOfWallTime({ year: 2026, month: 1, day: 1, hour: 0, minute: 30 }, 'Europe/Minsk').toISOString(), '2025-12-31T21:30:00.000Z');
  });

  it('uses the seconds when given', () => {
    assert.equal(instantOfWallTime({ year: 2026, month: 7, day: 27, hour: 14, minute: 23, second: 45 }, 'Europe/Minsk').toISOString(), '2026-07-27T11:23:45.000Z');
  });

  it('uses the offset in force on that day in Berlin and New York', () => {
    assert.equal(instantOfWallTime({ year: 2026, month: 1, day: 15, hour: 9, minute: 0 }, 'Europe/Berlin').toISOString(), '2026-01-15T08:00:00.000Z');
    assert.equal(instantOfWallTime({ year: 2026, month: 7, day: 15, hour: 9, minute: 0 }, 'Europe/Berlin').toISOString(), '2026-07-15T07:00:00.000Z');
    assert.equal(instantOfWallTime({ year: 2026, month: 1, day: 15, hour: 9, minute: 0 }, 'America/New_York').toISOString(), '2026-01-15T14:00:00.000Z');
    assert.equal(instantOfWallTime({ year: 2026, month: 7, day: 15, hour: 9, minute: 0 }, 'America/New_York').toISOString(), '2026-07-15T13:00:00.000Z');
  });

  it('is right on both sides of the Berlin changes', () => {
    assert.equal(instantOfWallTime({ year: 2026, month: 3, day: 29, hour: 1, minute: 59 }, 'Europe/Berlin').toISOString(), '2026-03-29T00:59:00.000Z');
    assert.equal(instantOfWallTime({ year: 2026, month: 3, day: 29, hour: 3, minute: 0 }, 'Europe/Berlin').toISOString(), '2026-03-29T01:00:00.000Z');
    assert.equal(instantOfWallTime({ year: 2026, month: 10, day: 25, hour: 1, minute: 59 }, 'Europe/Berlin').toISOString(), '2026-10-24T23:59:00.000Z');
    assert.equal(instantOfWallTime({ year: 2026, month: 10, day: 25, hour: 3, minute: 0 }, 'Europe/Berlin').toISOString(), '2026-10-25T02:00:00.000Z');
  });

  it('gives a real time an hour away for a time that does not exist (skipped by the spring change)', () => {
    // 02:30 is skipped on these nights; the result is 01:30 or 03:30 on the clocks, never garbage.
    const berlin = instantOfWallTime({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Berlin');
    assert.ok(['2026-03-29T00:30:00.000Z', '2026-03-29T01:30:00.000Z'].includes(berlin.toISOString()), berlin.toISOString());
    const newYork = instantOfWallTime({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York');
    assert.ok(['2026-03-08T06:30:00.000Z', '2026-03-08T07:30:00.000Z'].includes(newYork.toISOString()), newYork.toISOString());
  });

  it('gives one of the two instants of a time that happens twice (the autumn change)', () => {
    const berlin = instantOfWallTime({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Berlin').toISOString();
    assert.ok(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z'].includes(berlin), berlin);
    const newYork = instantOfWallTime({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York').toISOString();
    assert.ok(['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z'].includes(newYork), newYork);
  });
});

describe('round trips', () => {
  /** The wall times that happen twice (the hour repeated in autumn) cannot come back to the same instant. */
  function isRepeated(date: Date, timeZone: string): boolean {
    const hour = 60 * 60 * 1000;
    const wall = JSON.stringify(wallTimeAt(date, timeZone));
    return JSON.stringify(wallTimeAt(new Date(date.getTime() - hour), timeZone)) === wall
      || JSON.stringify(wallTimeAt(new Date(date.getTime() + hour), timeZone)) === wall;
  }

  for (const timeZone of ['Europe/Minsk', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC']) {
    it(`instant -> wall time -> instant gives the same instant every 15 minutes of 2026 in ${timeZone}`, () => {
      let missed = 0;
      for (let time = Date.UTC(2026, 0, 1); time < Date.UTC(2027, 0, 1); time += 15 * 60 * 1000) {
        const date = new Date(time);
        const back = instantOfWallTime(wallTimeAt(date, timeZone), timeZone);
        if (back.getTime() === time) continue;
        if (!isRepeated(date, timeZone)) assert.fail(`${date.toISOString()} came back as ${back.toISOString()} in ${timeZone}`);
        missed++;
      }
      // At most one of the two passes of the repeated hour misses: four quarter-hours.
      assert.ok(missed <= 4, `${missed} instants of the repeated hour came back elsewhere`);
    });
  }

  it('wall time -> instant -> wall time gives the same wall time on every hour of 2026 in Berlin, except the skipped hour', () => {
    for (let day = 0; day < 365; day++) {
      for (let hour = 0; hour < 24; hour++) {
        const start = new Date(Date.UTC(2026, 0, 1 + day));
        const wall = { year: start.getUTCFullYear(), month: start.getUTCMonth() + 1, day: start.getUTCDate(), hour, minute: 15, second: 0 };
        if (wall.month === 3 && wall.day === 29 && hour === 2) continue;
        assert.deepEqual(wallTimeAt(instantOfWallTime(wall, 'Europe/Berlin'), 'Europe/Berlin'), wall);
      }
    }
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA zone names and UTC', () => {
    for (const zone of ['Europe/Minsk', 'Europe/Berlin', 'America/New_York', 'UTC', 'Etc/GMT-3']) assert.equal(isValidTimeZone(zone), true, zone);
  });

  it('refuses names that are not time zones', () => {
    for (const zone of ['Mars/Olympus_Mons', 'Europe/Minsk2', 'Minsk', '', 'Europe/Minsk; DROP']) assert.equal(isValidTimeZone(zone), false, zone);
  });
});
