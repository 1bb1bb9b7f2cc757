import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentText, highlightAll, snippetOf } from './snippet.ts';
import { stemWord } from './text/stem.ts';

const highlight = { stems: new Set([stemWord('сотрудничество', 'ru')]), prefixes: ['экспорт'], language: 'ru' };

test('matching word forms and prefixes are marked, everything else escaped', () => {
  assert.equal(highlightAll('<b>Сотрудничеству</b> & экспортеры', highlight), '&lt;b&gt;<mark>Сотрудничеству</mark>&lt;/b&gt; &amp; <mark>экспортеры</mark>');
});

test('a snippet is a window around the first match, with ellipses where text was cut', () => {
  const words = Array.from({ length: 60 }, (_, i) => `слово${i}`);
  words[30] = 'сотрудничества';
  const snippet = snippetOf(words.join(' '), highlight);
  assert.match(snippet, /^… слово22 .* <mark>сотрудничества<\/mark> .* …$/);
  assert.ok(snippet.split(' ').length < 45);
  assert.equal(snippetOf('Без совпадений.', highlight), 'Без совпадений.');
});

test('the text of a stored story document, and nothing for broken JSON', () => {
  const doc = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Первый' }] }, { type: 'paragraph', content: [{ type: 'text', text: 'второй' }] }] });
  assert.deepEqual(documentText(doc).split(/\s+/).filter(Boolean), ['Первый', 'второй']);
  assert.equal(documentText('{broken'), '');
});
