import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNotModified } from './conditional-get.ts';

const validators = { etag: '"abc"', lastModified: 'Mon, 27 Jul 2026 11:00:00 GMT' };

test('If-None-Match: the same tag, weak or in a list, or *, is not modified; any other tag is', () => {
  assert.equal(isNotModified({ 'if-none-match': '"abc"' }, validators), true);
  assert.equal(isNotModified({ 'if-none-match': 'W/"abc"' }, validators), true);
  assert.equal(isNotModified({ 'if-none-match': '"x", "abc"' }, validators), true);
  assert.equal(isNotModified({ 'if-none-match': '*' }, validators), true);
  assert.equal(isNotModified({ 'if-none-match': '"abd"' }, validators), false);
});

test('If-None-Match wins over If-Modified-Since', () => {
  assert.equal(isNotModified({ 'if-none-match': '"old"', 'if-modified-since': 'Tue, 28 Jul 2026 00:00:00 GMT' }, validators), false);
});

test('If-Modified-Since: the same second or later is not modified; earlier, malformed or an empty feed is', () => {
  assert.equal(isNotModified({ 'if-modified-since': 'Mon, 27 Jul 2026 11:00:00 GMT' }, validators), true);
  assert.equal(isNotModified({ 'if-modified-since': 'Mon, 27 Jul 2026 10:59:59 GMT' }, validators), false);
  assert.equal(isNotModified({ 'if-modified-since': 'yesterday' }, validators), false);
  assert.equal(isNotModified({ 'if-modified-since': 'Mon, 27 Jul 2026 11:00:00 GMT' }, { etag: '"e"', lastModified: undefined }), false);
  assert.equal(isNotModified({}, validators), false);
});
