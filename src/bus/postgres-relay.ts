// Between independent processes on PostgreSQL (other ports, other machines): every message is a
// NOTIFY on a channel named after the Dispatch schema, and every process LISTENs on one
// connection of its own. A notification carries the sender's random id, so a process ignores
// its own. A lost listening connection is opened again with growing pauses; since notifications
// sent meanwhile are gone, the bus is then told to resync (treat everything as changed).
// The pg driver is loaded on the first connection, so a process on SQLite never loads it.

import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { ChangeMessage, Relay } from './change-bus.ts';

/** How long one attempt to open the listening connection may take. */
const CONNECT_TIMEOUT_MS = 5_000;

/** PostgreSQL refuses NOTIFY payloads from 8000 bytes on. */
const MAX_PAYLOAD_BYTES = 7999;
/** PostgreSQL truncates identifiers to 63 bytes. */
const MAX_CHANNEL_BYTES = 63;

/** One channel per Dispatch schema, so two Dispatch installations in one database never mix. */
export function changeChannel(schema: string | undefined): string {
  const channel = `dispatch_changes${schema ? `_${schema}` : ''}`;
  if (Buffer.byteLength(channel) <= MAX_CHANNEL_BYTES) return channel;
  return `dispatch_changes_${createHash('sha256').update(schema ?? '').digest('hex').slice(0, 40)}`;
}

interface Notice {
  from: string;
  message: ChangeMessage;
}

export interface PostgresRelayOptions {
  /** The database's pool: NOTIFYs go through it, and the listener copies its connection settings. */
  pool: pg.Pool;
  schema: string | undefined;
  onError?: (error: unknown) => void;
  /** Told when the listening connection is lost and when it is back (for the log). */
  onConnectionChange?: (state: 'lost' | 'restored') => void;
  /** First pause before reconnecting (doubles up to 5 s). */
  retryMs?: number;
}

export function postgresRelay(options: PostgresRelayOptions): Relay {
  const channel = changeChannel(options.schema);
  const self = randomBytes(8).toString('hex');
  const firstRetryMs = options.retryMs ?? 200;
  let client: pg.Client | undefined;
  let closing = false;
  let retryMs = firstRetryMs;
  let timer: NodeJS.Timeout | undefined;
  /** The attempt to open the listening connection under way, which close() waits for. */
  let connecting: Promise<void> | undefined;
  let deliver: (message: ChangeMessage) => void = () => {};
  let resync: () => void = () => {};

  const onNotification = (notification: pg.Notification) => {
    if (notification.channel !== channel || !notification.payload) return;
    let notice: Notice;
    try {
      notice = JSON.parse(notification.payload) as Notice;
    } catch (error) {
      options.onError?.(error);
      return;
    }
    if (notice.from !== self) deliver(notice.message);
  };

  function connect(): Promise<void> {
    const attempt = openListener().finally(() => {
      if (connecting === attempt) connecting = undefined;
    });
    connecting = attempt;
    return attempt;
  }

  async function openListener(): Promise<void> {
    const { Client } = (await import('pg')).default;
    // A connection attempt that never answers fails after a while and is retried like any other.
    const connection = new Client({
      ...(options.pool.options as pg.ClientConfig), application_name: `dispatch bus ${channel}`, keepAlive: true, connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    connection.on('notification', onNotification);
    connection.on('error', () => lost(connection));
    connection.on('end', () => lost(connection));
    try {
      await connection.connect();
      await connection.query(`listen "${channel}"`);
    } catch (error) {
      connection.removeAllListeners('end');
      await connection.end().catch(() => {});
      throw error;
    }
    // Closed while this attempt was under way: the connection must not outlive the relay (an open
    // socket would keep the process alive).
    if (closing) {
      connection.removeAllListeners();
      connection.on('error', () => {});
      await connection.end().catch(() => {});
      return;
    }
    client = connection;
  }

  function lost(connection: pg.Client): void {
    if (closing || client !== connection) return;
    client = undefined;
    connection.removeAllListeners();
    connection.on('error', () => {});
    void connection.end().catch(() => {});
    options.onConnectionChange?.('lost');
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    if (closing) return;
    timer = setTimeout(() => {
      connect().then(
        () => {
          if (closing) return;
          retryMs = firstRetryMs;
          options.onConnectionChange?.('restored');
          resync();
        },
        (error: unknown) => {
          if (closing) return;
          options.onError?.(error);
          retryMs = Math.min(retryMs * 2, 5_000);
          scheduleReconnect();
        },
      );
    }, retryMs);
    timer.unref();
  }

  return {
    name: `PostgreSQL channel ${channel}`,
    send(message) {
      const payload = JSON.stringify({ from: self, message } satisfies Notice);
      if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
        options.onError?.(new Error(`a ${message.kind} message of ${Buffer.byteLength(payload)} bytes is too long for NOTIFY`));
        return;
      }
      options.pool.query('select pg_notify($1, $2)', [channel, payload]).catch((error: unknown) => options.onError?.(error));
    },
    async start(onMessage, onResync) {
      deliver = onMessage;
      resync = onResync;
      await connect();
    },
    async close() {
      closing = true;
      if (timer) clearTimeout(timer);
      await connecting?.catch(() => {});
      const connection = client;
      client = undefined;
      if (connection) {
        connection.removeAllListeners();
        connection.on('error', () => {});
        await connection.end().catch(() => {});
      }
    },
  };
}
