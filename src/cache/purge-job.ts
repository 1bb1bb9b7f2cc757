// Purges the HTTP cache in front of Dispatch (Varnish or anything speaking the same BAN) by
// surrogate key. Each change is one job of the durable runner, so a cache that is down or slow
// never blocks publishing: the job is retried with the runner's backoff. The request names the
// keys twice: `Surrogate-Key` as a list, for caches that index keys, and
// `X-Surrogate-Key-Pattern`, a regular expression matching any of them in a stored page's
// Surrogate-Key header, which our VCL (varnish/dispatch.vcl) hands to ban().

import type { Database } from '../db/database.ts';
import { inTransaction } from '../db/index.ts';
import { enqueueJob, type JobHandler } from '../jobs/index.ts';

export const HTTP_CACHE_PURGE_JOB = 'http_cache_purge';

const PURGE_TIMEOUT_MS = 10_000;

interface PurgePayload {
  keys: string[];
}

export async function enqueuePurge(database: Database, keys: readonly string[], now: Date): Promise<void> {
  const payload: PurgePayload = { keys: [...new Set(keys)] };
  await inTransaction(database.db, (trx) => enqueueJob(trx, { kind: HTTP_CACHE_PURGE_JOB, payload, runAt: now }, now));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The ban expression's regular expression: any of `keys` as a whole word of the header. */
export function surrogateKeyPattern(keys: readonly string[]): string {
  return `(^|\\s)(${keys.map(escapeRegExp).join('|')})(\\s|$)`;
}

export async function sendPurge(purgeUrl: string, keys: readonly string[]): Promise<void> {
  const response = await fetch(purgeUrl, {
    method: 'BAN',
    headers: { 'surrogate-key': keys.join(' '), 'x-surrogate-key-pattern': surrogateKeyPattern(keys) },
    redirect: 'manual',
    signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
  });
  await response.arrayBuffer().catch(() => undefined);
  if (response.status < 200 || response.status >= 300) throw new Error(`the HTTP cache at ${purgeUrl} answered ${response.status} to a purge`);
}

/** The runner's handler; with no purge address configured a queued purge has nothing to do. */
export function httpCachePurgeJobHandlers(deps: { purgeUrl: string | undefined }): Record<string, JobHandler> {
  return {
    [HTTP_CACHE_PURGE_JOB]: async (job) => {
      const { keys } = job.payload as PurgePayload;
      if (deps.purgeUrl && keys.length > 0) await sendPurge(deps.purgeUrl, keys);
    },
  };
}
