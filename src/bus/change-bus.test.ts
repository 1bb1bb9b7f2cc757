// The change bus across processes on PostgreSQL: two buses on two connections stand for two
// Dispatch processes. A message reaches the other exactly once and never comes back to its sender;
// story events keep "changes made here" apart from the rest; a lost listening connection is
// opened again, the bus resyncs, and messages flow again.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database.ts';
import { createPostgresTarget, testPostgresUrl, type TestDatabase } from '../testing/databases.ts';
import { createStoryEvents, type StoryChanged } from '../newsroom/index.ts';
import { createChangeBus, createLocalChangeBus, RESYNC_KIND, type ChangeBus, type ChangeMessage, type MessageOrigin } from './change-bus.ts';
import { changeChannel, postgresRelay } from './postgres-relay.ts';

let target: TestDatabase;
let first: Database;
let second: Database;

before(async () => {
  target = await createPostgresTarget();
  first = await openDatabase(target.target);
  second = await openDatabase(target.target);
});
/** Every bus a test opened: closed again at the end even when its test failed midway, so no listening connection keeps this file running. */
const opened: ChangeBus[] = [];

after(async () => {
  await Promise.all(opened.map((bus) => bus.close().catch(() => {})));
  await first.close();
  await second.close();
  await target.dispose();
});

async function relayed(database: Database): Promise<ChangeBus> {
  const bus = await createChangeBus({ relay: postgresRelay({ pool: (database as unknown as { pool: pg.Pool }).pool, schema: database.schema, retryMs: 50 }) });
  opened.push(bus);
  return bus;
}

function record(bus: ChangeBus) {
  const heard: Array<{ message: ChangeMessage; origin: MessageOrigin }> = [];
  const waiters: Array<{ kind: string; resolve: () => void }> = [];
  bus.subscribe((message, origin) => {
    heard.push({ message, origin });
    for (const waiter of waiters.filter((w) => w.kind === message.kind)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  return {
    heard,
    next: (kind: string) => new Promise<void>((resolve) => waiters.push({ kind, resolve })),
  };
}

test('a local bus delivers at once, and a throwing listener does not stop the others', () => {
  const errors: unknown[] = [];
  const bus = createLocalChangeBus({ onListenerError: (error) => errors.push(error) });
  bus.subscribe(() => {
    throw new Error('listener is down');
  });
  const heard = record(bus);
  bus.publish({ kind: 'site.changed' });
  assert.deepEqual(heard.heard, [{ message: { kind: 'site.changed' }, origin: 'here' }]);
  assert.equal(errors.length, 1);
  assert.throws(() => bus.publish({} as ChangeMessage), /kind/);
});

test('a message reaches the other process exactly once and never echoes back to its sender', { timeout: 30_000 }, async () => {
  const a = await relayed(first);
  const b = await relayed(second);
  try {
    const atA = record(a);
    const atB = record(b);
    const arrivedAtB = atB.next('test.first');
    a.publish({ kind: 'test.first', n: 1 });
    await arrivedAtB;
    // A marker sent the other way after the first: once it arrives at A, A has had every chance
    // to receive its own first message back.
    const arrivedAtA = atA.next('test.marker');
    b.publish({ kind: 'test.marker' });
    await arrivedAtA;
    assert.deepEqual(atA.heard.map((h) => [h.message.kind, h.origin]), [['test.first', 'here'], ['test.marker', 'elsewhere']]);
    assert.deepEqual(atB.heard.map((h) => [h.message.kind, h.origin]), [['test.first', 'elsewhere'], ['test.marker', 'here']]);
    assert.deepEqual(atB.heard[0]!.message, { kind: 'test.first', n: 1 });
  } finally {
    await a.close();
    await b.close();
  }
});

test('story events: every process hears a change, only the one that made it hears it "here"', { timeout: 30_000 }, async () => {
  const a = createStoryEvents(() => {}, await relayed(first));
  const b = createStoryEvents(() => {}, await relayed(second));
  try {
    const everywhere: StoryChanged[] = [];
    const hereOnlyAtB: StoryChanged[] = [];
    const hereOnlyAtA: StoryChanged[] = [];
    const heard = new Promise<void>((resolve) => b.onStoryChanged((event) => (everywhere.push(event), resolve())));
    b.onStoryChangedHere((event) => hereOnlyAtB.push(event));
    a.onStoryChangedHere((event) => hereOnlyAtA.push(event));
    const event = { storyId: 42, languages: ['ru', 'en'], action: 'publish' };
    a.emitStoryChanged(event);
    await heard;
    assert.deepEqual(everywhere, [event]);
    assert.deepEqual(hereOnlyAtA, [event]);
    assert.deepEqual(hereOnlyAtB, []);
  } finally {
    await a.bus.close();
    await b.bus.close();
  }
});

test('after its connection is cut, the bus reconnects, resyncs and relays again', { timeout: 30_000 }, async () => {
  const a = await relayed(first);
  const b = await relayed(second);
  try {
    const atB = record(b);
    const resynced = atB.next(RESYNC_KIND);
    const admin = new pg.Client({ connectionString: testPostgresUrl() });
    await admin.connect();
    try {
      const cut = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [`dispatch bus ${changeChannel(first.schema)}`]);
      assert.equal(cut.rowCount, 2, 'both buses had a listening connection');
    } finally {
      await admin.end();
    }
    await resynced;
    assert.deepEqual(atB.heard.at(-1), { message: { kind: RESYNC_KIND }, origin: 'here' });
    const arrived = atB.next('test.after');
    a.publish({ kind: 'test.after' });
    await arrived;
    assert.equal(atB.heard.filter((h) => h.message.kind === 'test.after').length, 1);
  } finally {
    await a.close();
    await b.close();
  }
});

async function listeners(channel: string): Promise<number> {
  const admin = new pg.Client({ connectionString: testPostgresUrl() });
  await admin.connect();
  try {
    const found = await admin.query('select count(*)::int as n from pg_stat_activity where application_name = $1', [`dispatch bus ${channel}`]);
    return (found.rows[0] as { n: number }).n;
  } finally {
    await admin.end();
  }
}

test('a relay closed while its listening connection is still opening leaves no connection behind', { timeout: 30_000 }, async () => {
  const channel = changeChannel(first.schema);
  assert.equal(await listeners(channel), 0, 'no bus listens before');
  const relay = postgresRelay({ pool: (first as unknown as { pool: pg.Pool }).pool, schema: first.schema, retryMs: 50 });
  // Not awaited: the connection is being opened when close() is called (as when a reconnection is
  // under way at shutdown). Before the fix, the attempt finished after close() and its socket kept
  // the process alive.
  const started = relay.start(() => {}, () => {});
  await relay.close();
  await started;
  assert.equal(await listeners(channel), 0, 'the connection opened meanwhile was closed');
});

test('the channel is named per schema and fits PostgreSQL identifiers', () => {
  assert.equal(changeChannel('news'), 'dispatch_changes_news');
  assert.equal(changeChannel(undefined), 'dispatch_changes');
  assert.notEqual(changeChannel('a'.repeat(80)), changeChannel(`${'a'.repeat(79)}b`));
  assert.ok(Buffer.byteLength(changeChannel('a'.repeat(80))) <= 63);
});
