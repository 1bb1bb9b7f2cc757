import { test } from 'node:test';
import assert from 'node:assert/strict';
import { locateWords, normalizeText, wordsOf } from './normalize.ts';

test('case, ё, accents and compatibility forms fold; й, ў and і stay letters of their own', () => {
  assert.equal(normalizeText('ЁЛКА Café ﬁnance'), 'елка cafe finance');
  assert.deepEqual(wordsOf('Мой Магілёў і Мінск'), ['мой', 'магілеў', 'і', 'мінск']);
  assert.notEqual(normalizeText('ў'), normalizeText('у'));
  assert.notEqual(normalizeText('і'), normalizeText('и'));
  assert.notEqual(normalizeText('й'), normalizeText('и'));
  assert.equal(normalizeText('Ў'), 'ў');
});

test('apostrophes inside words are dropped, punctuation splits words', () => {
  assert.deepEqual(wordsOf("сям'я, аб’ём — don't!"), ['сямя', 'абем', 'dont']);
  assert.deepEqual(wordsOf('"NEAR(" * : ^ \u0000 🙂'), ['near']);
});

test('located words point into the text as written', () => {
  const text = 'Ёлка — «Магілёў»!';
  const words = locateWords(text);
  assert.deepEqual(words.map((w) => w.word), ['елка', 'магілеў']);
  assert.deepEqual(words.map((w) => text.slice(w.start, w.end)), ['Ёлка', 'Магілёў']);
});
