import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keysOfAddress, keysOfContent, keysOfStoryChange } from './dependency-keys.ts';

test('an address names the list or story it is', () => {
  assert.deepEqual(keysOfAddress('/en/'), ['home:en']);
  assert.deepEqual(keysOfAddress('/en/rss.xml'), ['home:en']);
  assert.deepEqual(keysOfAddress('/en/economics/'), ['rubric:en:economics']);
  assert.deepEqual(keysOfAddress('/en/economics/atom.xml'), ['rubric:en:economics']);
  assert.deepEqual(keysOfAddress('/en/economics/123-potash-exports'), ['story:123', 'rubric:en:economics']);
  assert.deepEqual(keysOfAddress('/be/tags/minsk/'), ['tag:be:minsk']);
  assert.deepEqual(keysOfAddress('/be/tags/minsk/feed.json'), ['tag:be:minsk']);
  assert.deepEqual(keysOfAddress('/ru/authors/ivanova/'), ['author:ru:ivanova']);
  assert.deepEqual(keysOfAddress('/ru/archive/2026/11/22'), ['archive:ru:2026-11']);
  assert.deepEqual(keysOfAddress('/sitemaps/en/2026-11-1.xml'), ['sitemap:en']);
  assert.deepEqual(keysOfAddress('/sitemap.xml'), ['sitemap:*']);
});

test('a page depends on every story version and image file it links to', () => {
  const keys = keysOfContent(
    '<a href="/en/economics/12-potash">x</a><link>https://news.example.by/ru/ekonomika/7-kaliy</link>' +
      '<img src="/media/2026/11/ab.jpg" srcset="/media/2026/11/ab-320.webp 320w, /media/2026/11/ab-640.webp 640w">',
  );
  assert.deepEqual([...keys].sort(), ['media:2026/11/ab-320.webp', 'media:2026/11/ab-640.webp', 'media:2026/11/ab.jpg', 'story:12:en', 'story:7:ru']);
});

test('a story change names the story, its versions and every list it is in now', () => {
  const keys = keysOfStoryChange(5, ['en'], [{ language: 'en', rubricSlug: 'politics', tagSlugs: ['minsk'], authorKeys: ['ivanova'], localDay: '2026-11-22' }]);
  assert.deepEqual(keys.sort(), [
    'archive:en:2026-11', 'author:en:ivanova', 'home:en', 'rubric:en:politics', 'sitemap:*', 'sitemap:en', 'story:5', 'story:5:en', 'tag:en:minsk',
  ]);
  assert.deepEqual(keysOfStoryChange(5, ['en'], []).sort(), ['sitemap:*', 'sitemap:en', 'story:5', 'story:5:en'], 'a story no longer visible enters no list');
});
