// Conversions between UTC instants and wall-clock time in the agency's time zone (an IANA name
// such as Europe/Minsk), with the platform's own time-zone data. Formatter objects are cached:
// creating one costs far more than using it.

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

/** The wall-clock time in `timeZone` at `date`. */
export function wallTimeAt(date: Date, timeZone: string): Required<WallTime> {
  const values: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(date)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year!,
    month: values.month!,
    day: values.day!,
    hour: values.hour!,
    minute: values.minute!,
    second: values.second!,
  };
}

/** The offset of `timeZone` from UTC at `date`, in minutes (Europe/Minsk: +180). */
export function offsetMinutesAt(date: Date, timeZone: string): number {
  const wall = wallTimeAt(date, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}

/**
 * The instant at which the clocks in `timeZone` show `wall`. Around a daylight-saving change it
 * resolves as calendars do (and as Temporal's "compatible" rule): a time the clocks skip moves
 * forward by the gap (02:30 on a spring night is 03:30), and a time they show twice is the earlier one.
 */
export function instantOfWallTime(wall: WallTime, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
  const day = 24 * 3600 * 1000;
  const offsetBefore = offsetMinutesAt(new Date(asUtc - day), timeZone) * 60000;
  const offsetAfter = offsetMinutesAt(new Date(asUtc + day), timeZone) * 60000;
  const shows = (instant: number) => {
    const w = wallTimeAt(new Date(instant), timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) === Math.floor(asUtc / 1000) * 1000;
  };
  const candidates = [asUtc - offsetBefore, asUtc - offsetAfter].filter(shows).sort((a, b) => a - b);
  if (candidates.length > 0) return new Date(candidates[0]!);
  // In a gap: read the wall time with the offset from before the change, which lands after it.
  return new Date(asUtc - offsetBefore);
}
