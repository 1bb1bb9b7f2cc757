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

test('words are the runs of letters and digits of the normalized text, in every script', () => {
  // The indexer's scanner decides ASCII and Cyrillic by code; it must agree with the Unicode classes.
  const samples = [
    'Минск 2026: рост ВВП — 3,5%! IT-парк, «Белшина»',
    'ΑΘΗΝΑ 東京 مرحبا १२३ ²³ µ ª º ҂҃҄ ꙮ 𝒜𝒷𝒸 🙂🇧🇾 a\u0301b',
    'x'.repeat(64) + ' ' + 'y'.repeat(65) + ' z',
    'ў і ё й ґ ї ѐ ӂ ӑ',
    '\u0000\ud800abc\udc00 end',
  ];
  for (let seed = 1; seed <= 200; seed++) {
    let text = '';
    for (let i = 0; i < 40; i++) text += String.fromCodePoint(((seed * 7919 + i * 104729) % 0x2ffff) + 1);
    samples.push(text);
  }
  for (const sample of samples) {
    const expected = (normalizeText(sample).match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length <= 64);
    assert.deepEqual(wordsOf(sample), expected, JSON.stringify(sample));
  }
});
