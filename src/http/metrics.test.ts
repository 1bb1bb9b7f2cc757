import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LogEvent } from 'kysely';
import { createMetrics } from './metrics.ts';

const query = (sql: string, level: 'query' | 'error' = 'query') =>
  ({ level, query: { sql, parameters: [] }, queryDurationMillis: 2 }) as unknown as LogEvent;

test('requests and queries are counted per series, however often each is seen', async () => {
  const metrics = createMetrics();
  for (let i = 0; i < 3; i++) metrics.observeRequest('/:lang/', 'GET', 200, 0.004);
  metrics.observeRequest('/:lang/', 'GET', 404, 0.001);
  metrics.observeRequest('/:lang/search', 'GET', 200, 0.02);
  for (let i = 0; i < 4; i++) metrics.observeQuery(query('select 1 from stories where id = ?'));
  metrics.observeQuery(query('  UPDATE jobs set x = 1'));
  metrics.observeQuery(query('select broken', 'error'));
  metrics.observeQuery(query('pragma optimize'));
  const text = await metrics.registry.metrics();
  assert.match(text, /dispatch_http_requests_total\{route="\/:lang\/",method="GET",status="200"\} 3\n/);
  assert.match(text, /dispatch_http_requests_total\{route="\/:lang\/",method="GET",status="404"\} 1\n/);
  assert.match(text, /dispatch_http_request_duration_seconds_count\{route="\/:lang\/",method="GET"\} 4\n/);
  assert.match(text, /dispatch_http_request_duration_seconds_count\{route="\/:lang\/search",method="GET"\} 1\n/);
  assert.match(text, /dispatch_db_query_duration_seconds_count\{statement="select",outcome="ok"\} 4\n/);
  assert.match(text, /dispatch_db_query_duration_seconds_count\{statement="select",outcome="error"\} 1\n/);
  assert.match(text, /dispatch_db_query_duration_seconds_count\{statement="update",outcome="ok"\} 1\n/);
  assert.match(text, /dispatch_db_query_duration_seconds_count\{statement="other",outcome="ok"\} 1\n/);
});
