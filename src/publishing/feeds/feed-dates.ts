// Feed dates in the agency's time zone: RSS wants RFC 822 ("Tue, 01 Dec 2026 14:23:00 +0300"),
// Atom, JSON Feed and sitemaps RFC 3339 ("2026-12-01T14:23:00+03:00"). Readers' software shows
// the offset, so it is the agency's own rather than always +0000.

import { offsetMinutesAt } from '../../lib/time-zone.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The wall time at the offset as a UTC-shaped Date, and the offset written as +hh[:]mm. */
function shifted(date: Date, timeZone: string, colon: boolean): { wall: Date; offset: string } {
  const minutes = offsetMinutesAt(date, timeZone);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return {
    wall: new Date(date.getTime() + minutes * 60_000),
    offset: `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`,
  };
}

export function formatRfc822(date: Date, timeZone: string): string {
  const { wall, offset } = shifted(date, timeZone, false);
  return `${DAYS[wall.getUTCDay()]}, ${pad(wall.getUTCDate())} ${MONTHS[wall.getUTCMonth()]} ${wall.getUTCFullYear()} `
    + `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())} ${offset}`;
}

export function formatRfc3339(date: Date, timeZone: string): string {
  const { wall, offset } = shifted(date, timeZone, true);
  return `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T`
    + `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}${offset}`;
}
