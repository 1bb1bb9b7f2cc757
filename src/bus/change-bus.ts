// The change bus: "something public changed" as small JSON messages with a kind (`story.changed`,
// `site.changed`, ...). A message published here reaches this process's listeners at once and,
// through a relay, every other Dispatch process exactly once; a relay never hands a process back
// its own message. Listeners learn where a message was born, so work that must happen once in the
// whole system (enqueueing a webhook) can stay with the process that made the change, while
// in-memory state (settings, cached pages) is refreshed everywhere.

/** A change, as plain JSON: its kind and whatever that kind carries. */
export interface ChangeMessage {
  kind: string;
  [field: string]: unknown;
}

/** `here`: published by this process; `elsewhere`: relayed from another one. */
export type MessageOrigin = 'here' | 'elsewhere';

export type ChangeListener = (message: ChangeMessage, origin: MessageOrigin) => void;

/**
 * Delivered in this process only, when the relay may have missed messages (its connection was lost
 * and came back): every listener should then treat everything as changed.
 */
export const RESYNC_KIND = 'bus.resync';

/** Carries messages between processes (cluster IPC, PostgreSQL LISTEN/NOTIFY). */
export interface Relay {
  readonly name: string;
  /** Sends a message published here to the other processes. */
  send(message: ChangeMessage): void;
  /** Starts handing over messages from other processes, and resyncs after a loss. */
  start(deliver: (message: ChangeMessage) => void, resync: () => void): Promise<void>;
  close(): Promise<void>;
}

export interface ChangeBus {
  /** Where messages go beyond this process (`in-process` when nowhere). */
  readonly reach: string;
  publish(message: ChangeMessage): void;
  /** Subscribes to every message; returns the function that unsubscribes. */
  subscribe(listener: ChangeListener): () => void;
  close(): Promise<void>;
}

export interface ChangeBusOptions {
  relay?: Relay;
  /** A listener that throws is reported here and never stops the others. */
  onListenerError?: (error: unknown, message: ChangeMessage) => void;
}

function isChangeMessage(value: unknown): value is ChangeMessage {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

function assemble(options: ChangeBusOptions) {
  const listeners = new Set<ChangeListener>();
  const relay = options.relay;
  const deliver = (message: ChangeMessage, origin: MessageOrigin) => {
    for (const listener of [...listeners]) {
      try {
        listener(message, origin);
      } catch (error) {
        options.onListenerError?.(error, message);
      }
    }
  };
  const bus: ChangeBus = {
    reach: relay?.name ?? 'in-process',
    publish(message) {
      if (!isChangeMessage(message)) throw new TypeError('a change message needs a kind');
      deliver(message, 'here');
      relay?.send(message);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await relay?.close();
    },
  };
  return { bus, deliver };
}

/** A bus for one process alone (tests, commands that serve nothing). */
export function createLocalChangeBus(options: Omit<ChangeBusOptions, 'relay'> = {}): ChangeBus {
  return assemble(options).bus;
}

/** A bus whose messages the relay carries to the other processes; resolves once it listens. */
export async function createChangeBus(options: ChangeBusOptions = {}): Promise<ChangeBus> {
  const { bus, deliver } = assemble(options);
  await options.relay?.start(
    (message) => {
      if (isChangeMessage(message)) deliver(message, 'elsewhere');
    },
    () => deliver({ kind: RESYNC_KIND }, 'here'),
  );
  return bus;
}
