// The current time, as the one place that asks the system for it, so tests can move it.

import type { Instant } from '../db/schema.ts';

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function toInstant(date: Date): Instant {
  return date.toISOString();
}
