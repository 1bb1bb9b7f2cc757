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

/** At most this many values kept per memo; past it they are made anew (odd SQL texts). */
const MAX_KEPT = 2000;
/** Joins label values into one key: no label holds it. */
const SEP = '\u0001';

/** `make(key)` once per distinct key, for up to MAX_KEPT keys. */
function kept<T>(make: (key: string) => T): (key: string) => T {
  const values = new Map<string, T>();
  return (key) => {
    let value = values.get(key);
    if (value === undefined) {
      value = make(key);
      if (values.size < MAX_KEPT) values.set(key, value);
    }
    return value;
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
  const requestCounter = kept((key) => requests.labels(...key.split(SEP)));
  const latencyOf = kept((key) => latency.labels(...key.split(SEP)));
  const queryTimeOf = kept((key) => queries.labels(...key.split(SEP)));
  // The statement's kind is kept by its SQL text: hot statements are few, each a constant string.
  const kindOf = kept(statementKind);
  return {
    registry,
    observeRequest(route, method, status, seconds) {
      requestCounter(route + SEP + method + SEP + status).inc();
      latencyOf(route + SEP + method).observe(seconds);
    },
    observeQuery(event) {
      queryTimeOf(kindOf(event.query.sql) + SEP + (event.level === 'error' ? 'error' : 'ok')).observe(event.queryDurationMillis / 1000);
    },
  };
}
