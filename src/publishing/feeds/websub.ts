// WebSub publishing: when a story is published, corrected, killed, unpublished or republished (or
// its embargo ends), each configured hub is told which feeds changed. The ping is a job of the
// durable runner, one per hub, so a slow or failing hub never blocks a publish and is retried
// with the runner's backoff. The job is enqueued just after the command's commit (the event);
// it computes the feed addresses when it runs, so a retry pings what the feeds are then.

import type { Database } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';
import { enqueueJob, type JobHandler } from '../../jobs/index.ts';
import { inTransaction } from '../../db/index.ts';
import { listFeedTopics } from './websub-topics.ts';

export const WEBSUB_PING_JOB = 'websub_ping';

/** Actions that change what a feed holds. */
const FEED_ACTIONS = new Set(['publish', 'correct', 'kill', 'unpublish', 'republish', 'embargo_end']);

const PING_TIMEOUT_MS = 10_000;

export interface WebSubDeps {
  database: Database;
  clock: Clock;
  publicUrl: string;
  hubs: readonly string[];
  /** Reports an enqueue that failed (the ping is then lost; the hub still polls the feed). */
  onError?: (error: unknown) => void;
}

interface PingPayload {
  hub: string;
  storyId: number;
  languages: string[];
}

interface StoryEventSource {
  /** The changes this process made (each ping is enqueued once, by the process that made the change). */
  onStoryChangedHere(listener: (event: { storyId: number; languages: readonly string[]; action: string }) => void): () => void;
}

/** Enqueues a ping per hub for every story change that alters feeds; returns the unsubscribe. */
export function subscribeWebSubPings(events: StoryEventSource, deps: WebSubDeps): () => void {
  return events.onStoryChangedHere((event) => {
    if (deps.hubs.length === 0 || !FEED_ACTIONS.has(event.action)) return;
    const now = deps.clock();
    const work = inTransaction(deps.database.db, async (trx) => {
      for (const hub of deps.hubs) {
        const payload: PingPayload = { hub, storyId: event.storyId, languages: [...event.languages] };
        await enqueueJob(trx, { kind: WEBSUB_PING_JOB, payload, runAt: now }, now);
      }
    });
    work.catch((error: unknown) => deps.onError?.(error));
  });
}

/** Tells one hub that the feeds of a story changed: `hub.mode=publish`, one `hub.url` per feed. */
async function pingHub(hub: string, topics: readonly string[]): Promise<void> {
  const body = new URLSearchParams([['hub.mode', 'publish'], ...topics.map((topic) => ['hub.url', topic] as [string, string])]);
  const response = await fetch(hub, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
    redirect: 'manual',
    signal: AbortSignal.timeout(PING_TIMEOUT_MS),
  });
  await response.arrayBuffer().catch(() => undefined);
  if (response.status < 200 || response.status >= 300) throw new Error(`the hub ${hub} answered ${response.status}`);
}

export function websubJobHandlers(deps: Pick<WebSubDeps, 'database' | 'publicUrl'>): Record<string, JobHandler> {
  return {
    [WEBSUB_PING_JOB]: async (job) => {
      const payload = job.payload as PingPayload;
      const topics = await listFeedTopics(deps.database.db, { publicUrl: deps.publicUrl, storyId: payload.storyId, languages: payload.languages });
      if (topics.length > 0) await pingHub(payload.hub, topics);
    },
  };
}
