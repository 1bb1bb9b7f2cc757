// Tests for story lists: time first with a machine-readable datetime, the headline link, the
// optional rubric, lede, picture and urgent mark, in the compact feed and the rich variant.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { uiStrings } from '../i18n/ui-strings.ts';
import { renderStoryCard, renderStoryList, renderTime } from './story-list.ts';
import type { StoryItemView } from './view-models.ts';

const ru = uiStrings('ru');

const item: StoryItemView = {
  headline: 'Нацбанк сохранил ставку рефинансирования',
  href: '/ru/economics/1001-stavka',
  time: { iso: '2026-11-23T14:23:00+03:00', text: '14:23' },
};

describe('renderTime', () => {
  it('writes the clock alone for a time of today', () => {
    assert.equal(renderTime(item.time).value, '<time datetime="2026-11-23T14:23:00+03:00"><span class="clock">14:23</span></time>');
  });

  it('splits "clock, day" so the feed can put the day under the clock', () => {
    assert.equal(
      renderTime({ iso: '2026-11-22T09:05:00+03:00', text: '09:05, 22 ноября' }).value,
      '<time datetime="2026-11-22T09:05:00+03:00"><span class="clock">09:05</span><span class="day-sep">, </span><span class="day">22 ноября</span></time>',
    );
  });
});

describe('renderStoryList, compact', () => {
  it('writes time first, then the headline link', () => {
    const out = renderStoryList([item], ru).value;
    assert.equal(
      out,
      '<ul class="story-list story-list-compact"><li class="story-item"><time datetime="2026-11-23T14:23:00+03:00"><span class="clock">14:23</span></time><div class="story-item-text"><a class="headline" href="/ru/economics/1001-stavka">Нацбанк сохранил ставку рефинансирования</a></div></li></ul>',
    );
  });

  it('adds the rubric link and the urgent mark when present', () => {
    const out = renderStoryList([{ ...item, rubric: { text: 'Экономика', href: '/ru/economics/' }, isUrgent: true }], ru).value;
    assert.match(out, /<li class="story-item is-urgent">/);
    assert.match(out, /<strong class="urgent-mark">Срочно<\/strong> <a class="headline"/);
    assert.match(out, /<\/a> <a class="rubric-link" href="\/ru\/economics\/">Экономика<\/a><\/div>/);
  });

  it('leaves ledes and pictures out of the compact feed', () => {
    const out = renderStoryList([{ ...item, lede: 'Лид', image: { src: '/m.jpg', width: 3, height: 2, alt: '' } }], ru).value;
    assert.doesNotMatch(out, /Лид|<img/);
  });

  it('escapes hostile headlines, addresses and rubric names', () => {
    const out = renderStoryList([{ ...item, headline: '<script>alert("x")</script>', href: '/a"onmouseover="x', rubric: { text: '<b>', href: '/r' } }], ru).value;
    assert.match(out, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
    assert.match(out, /href="\/a&quot;onmouseover=&quot;x"/);
    assert.match(out, />&lt;b&gt;<\/a>/);
    assert.doesNotMatch(out, /<script|<b>/);
  });

  it('writes nothing for no items', () => {
    assert.equal(renderStoryList([], ru).value, '');
  });
});

describe('renderStoryList, rich', () => {
  const rich: StoryItemView = {
    ...item,
    rubric: { text: 'Экономика', href: '/ru/economics/' },
    lede: 'Ставка осталась на уровне 9,5% годовых.',
    image: { src: '/media/bank.jpg', width: 600, height: 400, alt: 'Здание банка', srcset: '/media/bank-300.jpg 300w, /media/bank.jpg 600w', sizes: '14rem' },
  };

  it('writes picture, time, rubric, headline as a heading, and lede', () => {
    const out = renderStoryList([rich], ru, { variant: 'rich', headingLevel: 3 }).value;
    assert.match(out, /^<ul class="story-list story-list-rich"><li><article class="story-card">/);
    assert.match(out, /<img src="\/media\/bank.jpg" width="600" height="400" alt="Здание банка" srcset="\/media\/bank-300.jpg 300w, \/media\/bank.jpg 600w" sizes="14rem" loading="lazy" decoding="async">/);
    assert.match(out, /<p class="story-meta"><time datetime="2026-11-23T14:23:00\+03:00"><span class="clock">14:23<\/span><\/time> <a class="rubric-link" href="\/ru\/economics\/">Экономика<\/a><\/p>/);
    assert.match(out, /<h3 class="headline"><a href="\/ru\/economics\/1001-stavka">Нацбанк сохранил ставку рефинансирования<\/a><\/h3>/);
    assert.match(out, /<p class="story-card-lede">Ставка осталась на уровне 9,5% годовых.<\/p>/);
    assert.ok(out.indexOf('<time') < out.indexOf('<h3'), 'time comes before the headline');
  });

  it('uses h2 headlines by default and leaves out what the item lacks', () => {
    const out = renderStoryList([item], ru, { variant: 'rich' }).value;
    assert.match(out, /<h2 class="headline"><a href/);
    assert.doesNotMatch(out, /<img|story-card-lede|rubric-link/);
  });

  it('loads the main story picture eagerly and first', () => {
    const out = renderStoryCard(rich, ru, { headingLevel: 2, isLead: true }).value;
    assert.match(out, /^<article class="story-card story-card-lead">/);
    assert.match(out, /fetchpriority="high"/);
    assert.doesNotMatch(out, /loading="lazy"/);
  });

  it('marks urgent cards', () => {
    const out = renderStoryCard({ ...item, isUrgent: true }, ru, { headingLevel: 2 }).value;
    assert.match(out, /class="story-card is-urgent"/);
    assert.match(out, /<h2 class="headline"><strong class="urgent-mark">Срочно<\/strong> <a/);
  });
});
