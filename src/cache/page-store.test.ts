import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCachedPage } from './cached-page.ts';
import { PageStore } from './page-store.ts';

function page(key: string, dependencies: string[], bytes = 1000) {
  return buildCachedPage({ key, route: '/:lang/:rubric/:story', status: 200, contentType: 'text/html', body: Buffer.from('x'.repeat(bytes)), addressKeys: [], contentKeys: dependencies, now: 0, maxAgeMs: 1000 });
}

test('dropping a key drops exactly the pages built from it', () => {
  const store = new PageStore(1 << 20);
  store.store(page('/en/', ['home:en', 'story:1:en']), store.epoch);
  store.store(page('/en/economics/', ['rubric:en:economics', 'story:1:en']), store.epoch);
  store.store(page('/en/politics/', ['rubric:en:politics']), store.epoch);
  assert.equal(store.drop(['story:1:en']), 2);
  assert.equal(store.get('/en/'), undefined);
  assert.equal(store.get('/en/economics/'), undefined);
  assert.ok(store.get('/en/politics/'));
  assert.equal(store.drop(['site']), 1);
  assert.equal(store.stats().pages, 0);
});

test('the least recently used pages leave first once the byte limit is passed', () => {
  const one = page('/a', []);
  const store = new PageStore(one.bytes * 3 + 10);
  for (const key of ['/a', '/b', '/c']) store.store(page(key, []), store.epoch);
  assert.ok(store.get('/a'), 'used, so /b is now the oldest');
  store.store(page('/d', []), store.epoch);
  assert.equal(store.get('/b'), undefined);
  for (const key of ['/a', '/c', '/d']) assert.ok(store.get(key), key);
  assert.ok(store.stats().bytes <= store.maxBytes);
  assert.equal(store.stats().evicted, 1);
  assert.equal(store.store(page('/huge', [], 10_000), store.epoch), false, 'a page bigger than the whole cache is not stored');
});

test('a page rendered before a change, or while one is worked out, is not stored', async () => {
  const store = new PageStore(1 << 20);
  const startedAt = store.epoch;
  store.drop(['story:7']);
  assert.equal(store.store(page('/en/', []), startedAt), false);
  let release!: () => void;
  const held = store.holdWhile(new Promise<void>((resolve) => (release = resolve)));
  assert.equal(store.isServing, false);
  assert.equal(store.store(page('/en/', []), store.epoch), false);
  release();
  await held;
  assert.equal(store.isServing, true);
  assert.equal(store.store(page('/en/', []), store.epoch), true);
});

test('a page asked for all the time stays while a stream of new pages passes through', () => {
  const one = page('/hot', []);
  const store = new PageStore(one.bytes * 10 + 10);
  store.store(one, store.epoch);
  for (let i = 0; i < 100; i += 1) {
    store.store(page(`/cold/${i}`, []), store.epoch);
    assert.ok(store.get('/hot'), `still there after ${i + 1} new pages`);
  }
  assert.equal(store.get('/cold/0'), undefined, 'the pages nobody asked for again left');
  assert.ok(store.stats().bytes <= store.maxBytes);
});
