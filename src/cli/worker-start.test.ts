// The start gate between the primary and its workers: a worker that asks before the database is
// ready waits for it, one that asks after goes at once, and nothing else on the channel counts.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { Worker } from 'node:cluster';
import { primaryIsReady, startGate } from './worker-start.ts';

function fakeWorker(): Worker & { sent: unknown[] } {
  const sent: unknown[] = [];
  return Object.assign(new EventEmitter(), { sent, isConnected: () => true, send: (value: unknown) => sent.push(value) > 0 }) as never;
}

test('workers that ask before the primary is ready wait for it; later ones go at once', () => {
  const gate = startGate();
  const early = fakeWorker();
  gate.answer(early, { dispatchBus: { kind: 'story-changed' } });
  gate.answer(early, { dispatchStart: 'waiting' });
  assert.deepEqual(early.sent, [], 'nobody goes before the migrations are done');
  gate.ready();
  assert.deepEqual(early.sent, [{ dispatchStart: 'go' }]);
  const late = fakeWorker();
  gate.answer(late, { dispatchStart: 'waiting' });
  assert.deepEqual(late.sent, [{ dispatchStart: 'go' }]);
  gate.ready();
  assert.equal(early.sent.length, 1, 'a worker is let go once');
});

test('a worker asks its primary and goes on at its answer', async () => {
  const channel = Object.assign(new EventEmitter(), { sent: [] as unknown[], send(value: unknown) { channel.sent.push(value); return true; } });
  let released = false;
  const ready = primaryIsReady(channel as never).then(() => (released = true));
  assert.deepEqual(channel.sent, [{ dispatchStart: 'waiting' }]);
  channel.emit('message', { dispatchBus: {} });
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(released, false, 'another message does not release it');
  channel.emit('message', { dispatchStart: 'go' });
  await ready;
  assert.equal(channel.listenerCount('message'), 0, 'it stops listening once released');
});
