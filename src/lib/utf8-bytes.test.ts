import { test } from 'node:test';
import assert from 'node:assert/strict';
import { utf8Bytes } from './utf8-bytes.ts';

test('utf8Bytes encodes exactly as Buffer.from does, whatever the text', () => {
  const texts = [
    '',
    'plain ASCII <p>',
    'Другие материалы рубрики «Экономика»',
    'Іншыя матэрыялы — ў, і, ё',
    'emoji 📰 and a pair 𝄞',
    'lone surrogates \ud800 and \udfff end',
    // Built by concatenation, as pages are.
    Array.from({ length: 2000 }, (_, i) => (i % 2 ? `<li>${i}</li>` : 'Новость дня ')).join(''),
  ];
  let rope = '';
  for (let i = 0; i < 500; i++) rope += i % 3 ? 'текст ' : `<a href="/ru/${i}">`;
  texts.push(rope);
  for (const text of texts) assert.deepEqual(utf8Bytes(text), Buffer.from(text, 'utf8'), text.slice(0, 40));
});

test('utf8Bytes grows its scratch for a long text and takes Buffer.from for a huge one', () => {
  const long = 'ж'.repeat(200_000); // 600,000 bytes worst case: more than the first scratch
  assert.deepEqual(utf8Bytes(long), Buffer.from(long));
  const huge = 'я'.repeat(2_000_000); // past the scratch's limit
  assert.deepEqual(utf8Bytes(huge), Buffer.from(huge));
  assert.equal(utf8Bytes('short again').toString(), 'short again');
});

test('the bytes of one text are not overwritten by the next', () => {
  const first = utf8Bytes('первая страница');
  utf8Bytes('вторая страница, длиннее первой');
  assert.equal(first.toString('utf8'), 'первая страница');
});

test('a page-sized text gets bytes of its own (a cached page holds exactly its bytes), lone surrogate or not', () => {
  for (const text of ['Новость дня '.repeat(2000), `${'Новость дня '.repeat(2000)}\ud83d`]) {
    const bytes = utf8Bytes(text);
    assert.deepEqual(bytes, Buffer.from(text));
    assert.equal(bytes.buffer.byteLength, bytes.length);
  }
});
