// Per-key request limits of the wire: a window of one minute per subscriber, counted in memory
// (a restart forgives, which is harmless for a limit meant to keep one client from crowding out
// the others). Over the limit: 429 with the seconds until the window ends.

import { AppError } from '../../lib/errors.ts';

export interface WireRateLimiter {
  /** Counts one request; throws `wire_rate_limited` when the key is over its limit this minute. */
  take(subscriberId: number, perMinute: number, now: Date): void;
}

const WINDOW_MS = 60_000;

export function createWireRateLimiter(): WireRateLimiter {
  const windows = new Map<number, { start: number; count: number }>();
  return {
    take(subscriberId, perMinute, now) {
      const at = now.getTime();
      let window = windows.get(subscriberId);
      if (!window || at - window.start >= WINDOW_MS) {
        if (windows.size > 10_000) windows.clear();
        window = { start: at, count: 0 };
        windows.set(subscriberId, window);
      }
      if (window.count >= perMinute) {
        const retryAfterSeconds = Math.max(1, Math.ceil((window.start + WINDOW_MS - at) / 1000));
        throw new AppError('wire_rate_limited', `At most ${perMinute} wire requests a minute for this key; wait ${retryAfterSeconds} s`, { details: { retryAfterSeconds, limitPerMinute: perMinute } });
      }
      window.count++;
    },
  };
}
