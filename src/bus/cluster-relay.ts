// Between the workers of one `dispatch serve --workers N`: a worker sends its message to the
// primary over the cluster's IPC channel, and the primary hands it to every other worker, never
// back to the sender. Messages travel as `{ dispatchBus: message }`, so other IPC traffic is left
// alone. Nothing is lost while the workers live (IPC is reliable); a worker that restarts reads
// everything afresh, so it needs no resync.

import type { Worker } from 'node:cluster';
import type { ChangeMessage, Relay } from './change-bus.ts';

interface Envelope {
  dispatchBus: ChangeMessage;
}

function isEnvelope(value: unknown): value is Envelope {
  return typeof value === 'object' && value !== null && 'dispatchBus' in value;
}

/** The worker's side: its own process's IPC channel to the primary. */
export function clusterWorkerRelay(channel: NodeJS.Process = process): Relay {
  let onMessage: ((value: unknown) => void) | undefined;
  return {
    name: 'cluster workers',
    send(message) {
      if (channel.connected) channel.send?.({ dispatchBus: message } satisfies Envelope);
    },
    async start(deliver) {
      onMessage = (value) => {
        if (isEnvelope(value)) deliver(value.dispatchBus);
      };
      channel.on('message', onMessage);
    },
    async close() {
      if (onMessage) channel.off('message', onMessage);
    },
  };
}

/** The primary's side: forwards each worker's message to all the others. */
export function forwardAmongWorkers(from: Worker, value: unknown, workers: Iterable<Worker>): void {
  if (!isEnvelope(value)) return;
  for (const worker of workers) {
    if (worker !== from && worker.isConnected()) worker.send(value);
  }
}
