// The word-level diff: what is kept, removed and added, in order, and each side rebuilt exactly.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffWords, tokenize, type DiffPart } from './word-diff.ts';

const side = (parts: DiffPart[], kind: 'removed' | 'added') => parts.filter((p) => p.kind !== kind).map((p) => p.text).join('');

test('a changed word in the middle is one removal and one addition between kept text', () => {
  assert.deepEqual(diffWords('The minister met farmers in Gomel', 'The minister met workers in Gomel'), [
    { kind: 'same', text: 'The minister met ' },
    { kind: 'removed', text: 'farmers ' },
    { kind: 'added', text: 'workers ' },
    { kind: 'same', text: 'in Gomel' },
  ]);
});

test('insertions and deletions anywhere, in Cyrillic too', () => {
  const parts = diffWords('Урожай собран в срок', 'Весь урожай собран раньше срока');
  assert.deepEqual(parts.map((p) => [p.kind, p.text.trim()]), [
    ['removed', 'Урожай'],
    ['added', 'Весь урожай'],
    ['same', 'собран'],
    ['removed', 'в срок'],
    ['added', 'раньше срока'],
  ]);
});

test('joining the kept and removed parts gives the old text, kept and added the new one', () => {
  const before = 'One two three four five six seven';
  const after = 'Zero one two four five, six eight';
  const parts = diffWords(before, after);
  assert.equal(side(parts, 'added'), before);
  assert.equal(side(parts, 'removed'), after);
});

test('equal texts are one kept part; empty texts give nothing', () => {
  assert.deepEqual(diffWords('Same text', 'Same text'), [{ kind: 'same', text: 'Same text' }]);
  assert.deepEqual(diffWords('', ''), []);
  assert.deepEqual(diffWords('', 'New'), [{ kind: 'added', text: 'New' }]);
});

test('a change in spacing only is not a change of words', () => {
  assert.deepEqual(diffWords('a b', 'a  b').map((p) => p.kind), ['same']);
});

test('tokens keep their trailing whitespace', () => {
  assert.deepEqual(tokenize(' a  b\nc'), [' ', 'a  ', 'b\n', 'c']);
});

test('long texts stay fast', () => {
  const words = Array.from({ length: 3000 }, (_, i) => `word${i % 97}`);
  const changed = [...words];
  changed[1500] = 'changed';
  const started = performance.now();
  const parts = diffWords(words.join(' '), changed.join(' '));
  assert.ok(performance.now() - started < 2000);
  assert.deepEqual(parts.filter((p) => p.kind !== 'same').map((p) => p.text.trim()), ['word45', 'changed']);
});
