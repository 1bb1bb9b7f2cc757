// How the primary of `dispatch serve --workers N` and its workers agree on when a worker may open
// the database. The primary forks its first worker before it migrates and prepares the first
// start, so that the worker loads its code (most of its start) meanwhile; the worker then asks,
// and opens the database only once the primary answers that the schema is ready. The question
// goes from the worker (a message sent to a worker before it listens would be lost), and the
// messages travel as `{ dispatchStart: ... }`, apart from the change bus's own.

import type { Worker } from 'node:cluster';

interface StartMessage {
  dispatchStart: 'waiting' | 'go';
}

function isStartMessage(value: unknown, step: StartMessage['dispatchStart']): boolean {
  return typeof value === 'object' && value !== null && (value as Partial<StartMessage>).dispatchStart === step;
}

/** The worker's side: resolves once its primary says the database is ready. */
export function primaryIsReady(channel: NodeJS.Process = process): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (value: unknown) => {
      if (!isStartMessage(value, 'go')) return;
      channel.off('message', onMessage);
      resolve();
    };
    channel.on('message', onMessage);
    channel.send?.({ dispatchStart: 'waiting' } satisfies StartMessage);
  });
}

/**
 * The primary's side: lets every worker that asks (before or after) go ahead once `ready()` has
 * been called. `answer` is given each message a worker sends.
 */
export function startGate(): { answer(worker: Worker, value: unknown): void; ready(): void } {
  let isReady = false;
  const waiting: Worker[] = [];
  const go = (worker: Worker) => {
    if (worker.isConnected()) worker.send({ dispatchStart: 'go' } satisfies StartMessage);
  };
  return {
    answer(worker, value) {
      if (!isStartMessage(value, 'waiting')) return;
      if (isReady) go(worker);
      else waiting.push(worker);
    },
    ready() {
      isReady = true;
      for (const worker of waiting.splice(0)) go(worker);
    },
  };
}
