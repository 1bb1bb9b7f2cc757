// Times as a page shows them, made fast for lists of dozens of stories per page view: the
// agency's UTC offset is looked up once per hour of time and each day's written date once per
// day, so a time costs a few arithmetic operations after the first.

import { offsetMinutesAt } from '../lib/time-zone.ts';
import type { TimeView } from './views/view-models.ts';

const HOUR = 3_600_000;
const MAX_CACHED = 5000;
// An archive page may show any hour of the archive's years: keep them all (23 years of hours,
// a few MB), or random story pages keep clearing the cache and asking Intl for every offset.
const MAX_CACHED_HOURS = 200_000;

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function remember<K, V>(cache: Map<K, V>, key: K, make: () => V, limit = MAX_CACHED): V {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= limit) cache.clear();
    value = make();
    cache.set(key, value);
  }
  return value;
}

export class TimeFormatter {
  readonly locale: string;
  readonly timeZone: string;
  private readonly offsets = new Map<number, number>();
  private readonly days = new Map<string, string>();
  private readonly dayFormat: Intl.DateTimeFormat;
  private readonly dayYearFormat: Intl.DateTimeFormat;
  private readonly monthYearFormat: Intl.DateTimeFormat;

  constructor(locale: string, timeZone: string) {
    this.locale = locale;
    this.timeZone = timeZone;
    this.dayFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long' });
    this.dayYearFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
    this.monthYearFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' });
  }

  /** Minutes east of UTC in the agency's zone at `ms`. */
  offsetAt(ms: number): number {
    return remember(this.offsets, Math.floor(ms / HOUR), () => offsetMinutesAt(new Date(ms), this.timeZone), MAX_CACHED_HOURS);
  }

  /** The wall clock at `ms` as a Date whose UTC fields are the local ones. */
  local(ms: number): Date {
    return new Date(ms + this.offsetAt(ms) * 60_000);
  }

  private writtenDay(local: Date, withYear: boolean): string {
    const key = `${local.getUTCFullYear()}-${local.getUTCMonth()}-${local.getUTCDate()}-${withYear}`;
    return remember(this.days, key, () => {
      const noon = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 12));
      // Russian and Belarusian add "г." after a year; a dateline does without it.
      return (withYear ? this.dayYearFormat : this.dayFormat).format(noon).replace(/\s*г\.$/, '');
    });
  }

  /** 2026-07-27T14:23:00+03:00 */
  iso(instant: string): string {
    const ms = Date.parse(instant);
    const offset = this.offsetAt(ms);
    const l = new Date(ms + offset * 60_000);
    const abs = Math.abs(offset);
    return `${l.getUTCFullYear()}-${twoDigits(l.getUTCMonth() + 1)}-${twoDigits(l.getUTCDate())}T${twoDigits(l.getUTCHours())}:${twoDigits(l.getUTCMinutes())}:${twoDigits(l.getUTCSeconds())}${offset < 0 ? '-' : '+'}${twoDigits(Math.floor(abs / 60))}:${twoDigits(abs % 60)}`;
  }

  /** "14:23, 27 July", with the year when it is not the current one. */
  dateline(instant: string, now: Date): TimeView {
    const ms = Date.parse(instant);
    const l = this.local(ms);
    const withYear = l.getUTCFullYear() !== this.local(now.getTime()).getUTCFullYear();
    return { iso: this.iso(instant), text: `${twoDigits(l.getUTCHours())}:${twoDigits(l.getUTCMinutes())}, ${this.writtenDay(l, withYear)}` };
  }

  /** "14:23" for a time of today, the full dateline otherwise: how a news feed lists its stories. */
  listTime(instant: string, now: Date): TimeView {
    const ms = Date.parse(instant);
    const l = this.local(ms);
    const today = this.local(now.getTime());
    if (l.getUTCFullYear() === today.getUTCFullYear() && l.getUTCMonth() === today.getUTCMonth() && l.getUTCDate() === today.getUTCDate()) {
      return { iso: this.iso(instant), text: `${twoDigits(l.getUTCHours())}:${twoDigits(l.getUTCMinutes())}` };
    }
    return this.dateline(instant, now);
  }

  /** "27 July 2026" for a day given as year, month (1-12) and day. */
  day(year: number, month: number, day: number): string {
    return this.writtenDay(new Date(Date.UTC(year, month - 1, day)), true);
  }

  /** "July 2026" / "июль 2026 г." trimmed to "июль 2026", capitalized. */
  month(year: number, month: number): string {
    const text = this.monthYearFormat.format(new Date(Date.UTC(year, month - 1, 15))).replace(/\s*г\.$/, '');
    return text.charAt(0).toLocaleUpperCase(this.locale) + text.slice(1);
  }
}
