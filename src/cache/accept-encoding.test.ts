import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseContentCoding } from './accept-encoding.ts';

test('brotli is preferred, then gzip, and q values are obeyed', () => {
  assert.equal(chooseContentCoding('gzip, deflate, br'), 'br');
  assert.equal(chooseContentCoding('gzip;q=1.0, br;q=0.5'), 'gzip');
  assert.equal(chooseContentCoding('br;q=0, gzip'), 'gzip');
  assert.equal(chooseContentCoding('x-gzip'), 'gzip');
  assert.equal(chooseContentCoding('*'), 'br');
  assert.equal(chooseContentCoding('*;q=0.5, br;q=0'), 'gzip');
});

test('no header, an empty one or only unknown codings get the plain bytes', () => {
  assert.equal(chooseContentCoding(undefined), 'identity');
  assert.equal(chooseContentCoding(''), 'identity');
  assert.equal(chooseContentCoding('deflate, compress'), 'identity');
  assert.equal(chooseContentCoding('gzip;q=0, br;q=0'), 'identity');
});

test('garbage or an absurdly long header counts as no header', () => {
  for (const header of ['br;q=2', 'br;q=0.5x', 'gzip;;', '"br"', 'br; level=11', 'b r', 'x'.repeat(600)]) {
    assert.equal(chooseContentCoding(header), 'identity', header);
  }
});

test('a client refusing every coding, identity included, is told so', () => {
  assert.equal(chooseContentCoding('identity;q=0'), undefined);
  assert.equal(chooseContentCoding('*;q=0'), undefined);
});
