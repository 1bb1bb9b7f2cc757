// Growing delays after failed logins, per login and per client address, kept in the database so
// a restart forgives nothing. A few failures are free; after that each failure doubles the wait
// (2 s, 4 s, 8 s, ... up to 15 minutes). An hour without failures starts a key afresh; a
// successful login clears its login's count (not its address's: logging into one's own account
// must not buy more guesses at another).

import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';

export interface ThrottleRule {
  /** Failures that cost nothing. */
  free: number;
  /** The longest wait, in seconds. */
  maxSeconds: number;
}

export const THROTTLE_RULES = {
  login: { free: 3, maxSeconds: 15 * 60 },
  ip: { free: 10, maxSeconds: 15 * 60 },
} as const satisfies Record<string, ThrottleRule>;

export const FORGET_AFTER_MS = 60 * 60 * 1000;

export function throttleKeys(login: string, ip: string): Array<{ key: string; rule: ThrottleRule }> {
  return [
    { key: `login:${login.toLowerCase()}`, rule: THROTTLE_RULES.login },
    { key: `ip:${ip}`, rule: THROTTLE_RULES.ip },
  ];
}

/** Seconds to wait after `failures` failures under `rule` (0: no wait). */
export function delaySeconds(failures: number, rule: ThrottleRule): number {
  if (failures <= rule.free) return 0;
  return Math.min(rule.maxSeconds, 2 ** Math.min(failures - rule.free, 30));
}

/** Query: how many seconds the caller must still wait before trying these keys (0: none). */
export async function secondsToWait(db: Kysely<Schema>, keys: string[], now: Date): Promise<number> {
  const rows = await db.selectFrom('login_throttle').select('locked_until').where('key', 'in', keys).execute();
  let wait = 0;
  for (const row of rows) {
    if (row.locked_until === null) continue;
    wait = Math.max(wait, Math.ceil((Date.parse(row.locked_until) - now.getTime()) / 1000));
  }
  return wait;
}

/** Command: counts a failure against each key; returns the longest wait it now imposes. */
export async function recordLoginFailure(db: Kysely<Schema>, keys: Array<{ key: string; rule: ThrottleRule }>, now: Date): Promise<number> {
  const at = now.toISOString();
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS).toISOString();
  // Keys an hour quiet and no longer waiting are forgotten, so a spray of made-up logins cannot grow the table.
  await db
    .deleteFrom('login_throttle')
    .where('last_failure_at', '<', forgetBefore)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
    .execute();
  let wait = 0;
  for (const { key, rule } of keys) {
    const { failures } = await db
      .insertInto('login_throttle')
      .values({ key, failures: 1, last_failure_at: at, locked_until: null })
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet({
          failures: sql<number>`case when login_throttle.last_failure_at < ${forgetBefore} then 1 else login_throttle.failures + 1 end`,
          last_failure_at: at,
        }),
      )
      .returning('failures')
      .executeTakeFirstOrThrow();
    const seconds = delaySeconds(Number(failures), rule);
    if (seconds > 0) {
      await db.updateTable('login_throttle').set({ locked_until: new Date(now.getTime() + seconds * 1000).toISOString() }).where('key', '=', key).execute();
    }
    wait = Math.max(wait, seconds);
  }
  return wait;
}

/** Command: a successful login forgets its login's failures. */
export async function clearLoginFailures(db: Kysely<Schema>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
