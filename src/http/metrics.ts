// Prometheus metrics served at /metrics: requests and their latency by route, database query
// timings by kind of statement, and the process's own figures. One registry per app, so several
// apps in one process (tests) never collide.

import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { LogEvent } from 'kysely';

export interface Metrics {
  registry: Registry;
  observeRequest(route: string, method: string, status: number, seconds: number): void;
  observeQuery(event: LogEvent): void;
}

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

function statementKind(sqlText: string): string {
  const word = /^\s*(\w+)/.exec(sqlText)?.[1]?.toLowerCase() ?? 'other';
  return ['select', 'insert', 'update', 'delete', 'with', 'begin', 'commit', 'rollback'].includes(word) ? word : 'other';
}

/** At most this many kept series handles per metric; past it they are made anew (odd SQL texts). */
const MAX_KEPT = 2000;

/** `make(key)` once per distinct key (the parts joined by a character no label holds). */
function kept<T>(make: (key: string[]) => T): (...key: string[]) => T {
  const handles = new Map<string, T>();
  return (...key) => {
    const id = key.join('\u0001');
    let handle = handles.get(id);
    if (handle === undefined) {
      handle = make(key);
      if (handles.size < MAX_KEPT) handles.set(id, handle);
    }
    return handle;
  };
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'dispatch_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status code',
    labelNames: ['route', 'method', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'dispatch_http_request_duration_seconds',
    help: 'Time from receiving a request to sending the response, by route pattern',
    labelNames: ['route', 'method'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const queries = new Histogram({
    name: 'dispatch_db_query_duration_seconds',
    help: 'Database query time, by kind of statement and outcome',
    labelNames: ['statement', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  // prom-client finds a series by hashing its labels on every call; each series' handle is kept
  // instead (a few per route and kind of statement), found by a plain string key.
  const requestCounters = kept((key: string[]) => requests.labels(...key));
  const latencies = kept((key: string[]) => latency.labels(...key));
  const queryTimes = kept((key: string[]) => queries.labels(...key));
  const kinds = new Map<string, string>();
  const kindOf = (sqlText: string) => {
    let kind = kinds.get(sqlText);
    if (kind === undefined) {
      kind = statementKind(sqlText);
      if (kinds.size < MAX_KEPT) kinds.set(sqlText, kind);
    }
    return kind;
  };
  return {
    registry,
    observeRequest(route, method, status, seconds) {
      requestCounters(route, method, String(status)).inc();
      latencies(route, method).observe(seconds);
    },
    observeQuery(event) {
      // The statement's kind is kept by its SQL text: hot statements are few, each a constant string.
      queryTimes(kindOf(event.query.sql), event.level === 'error' ? 'error' : 'ok').observe(event.queryDurationMillis / 1000);
    },
  };
}
