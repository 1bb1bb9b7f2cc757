// With the page cache off, a page still gets its ETag (304s) and Cache-Control; its dependency
// keys (a scan of the whole page) are worked out and sent as Surrogate-Key only when an HTTP cache
// in front is purged by key.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../testing/databases.ts';
import { buildTestApp } from '../testing/app.ts';

describeEachDatabase('the page cache switched off', ({ database }) => {
  let plain: Awaited<ReturnType<typeof buildTestApp>>['app'];
  let purged: Awaited<ReturnType<typeof buildTestApp>>['app'];
  before(async () => {
    plain = (await buildTestApp(database(), () => new Date(), { PAGE_CACHE_MAX_MB: '0' })).app;
    purged = (await buildTestApp(database(), () => new Date(), { PAGE_CACHE_MAX_MB: '0', HTTP_CACHE_PURGE_URL: 'http://127.0.0.1:6081/' })).app;
  });
  after(async () => {
    await plain?.close();
    await purged?.close();
  });

  test('without a cache to purge: ETag and Cache-Control, no Surrogate-Key', async () => {
    const page = await plain.inject({ url: '/en/' });
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers.etag), /^"[A-Za-z0-9_-]+"$/);
    assert.match(String(page.headers['cache-control']), /s-maxage=/);
    assert.equal(page.headers['surrogate-key'], undefined);
    const again = await plain.inject({ url: '/en/', headers: { 'if-none-match': String(page.headers.etag) } });
    assert.equal(again.statusCode, 304);
  });

  test('with an HTTP cache purged by key: the keys are sent', async () => {
    const page = await purged.inject({ url: '/en/' });
    assert.equal(page.statusCode, 200);
    const keys = String(page.headers['surrogate-key']).split(' ');
    for (const key of ['site', 'home:en']) assert.ok(keys.includes(key), `${key} in ${keys.join(' ')}`);
  });
});
