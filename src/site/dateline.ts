// The dateline as a reader of each language writes it, in the agency's time zone:
// "14:23, 27 July" / "14:23, 27 июля" / "14:23, 27 ліпеня", with the year when it is not this year.
// Formatters are built once per locale and zone and reused.

import { wallTimeAt } from '../lib/time-zone.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, withYear: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withYear}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}) });
    formatters.set(key, cached);
  }
  return cached;
}

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "14:23, 27 July"; the year is added when the date is not in the current year. */
export function formatDateline(instant: string, locale: string, timeZone: string, now: Date): string {
  const date = new Date(instant);
  const wall = wallTimeAt(date, timeZone);
  const withYear = wall.year !== wallTimeAt(now, timeZone).year;
  const day = formatter(locale, timeZone, withYear).format(date).replace(/\s*г\.$/, '');
  return `${twoDigits(wall.hour)}:${twoDigits(wall.minute)}, ${day}`;
}

/** The instant with the agency's offset, for `<time datetime>`: 2026-07-27T14:23:00+03:00. */
export function isoWithOffset(instant: string, timeZone: string): string {
  const date = new Date(instant);
  const wall = wallTimeAt(date, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const offset = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall.year}-${twoDigits(wall.month)}-${twoDigits(wall.day)}T${twoDigits(wall.hour)}:${twoDigits(wall.minute)}:${twoDigits(wall.second)}${sign}${twoDigits(Math.floor(abs / 60))}:${twoDigits(abs % 60)}`;
}
