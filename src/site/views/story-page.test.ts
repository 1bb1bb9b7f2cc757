// Tests for the story page: every field of the view in its place and order, escaping, the
// share controls working without JavaScript, "Other materials", and the size and speed budgets.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderStoryPage } from './story-page.ts';
import { sampleStoryView } from './sample-views.ts';

function main(out: string): string {
  return out.slice(out.indexOf('<main'), out.indexOf('</main>'));
}

describe('renderStoryPage', () => {
  const view = sampleStoryView();
  const out = renderStoryPage(view);
  const content = main(out);

  it('writes a whole document in the story language', () => {
    assert.match(out, /^<!doctype html>\n<html lang="ru">/);
    assert.match(out, /<\/html>\n$/);
  });

  it('writes breadcrumbs as a labelled list of links', () => {
    assert.match(content, /<nav class="breadcrumbs" aria-label="Вы здесь"><ol><li><a href="\/ru\/">Главная<\/a><\/li><li><a href="\/ru\/economics\/">Экономика<\/a><\/li><\/ol><\/nav>/);
  });

  it('writes the rubric, the headline as the one h1, and the dateline', () => {
    assert.match(content, /<p class="kicker"><a class="rubric-link" href="\/ru\/economics\/">Экономика<\/a><\/p>/);
    assert.match(content, /<h1 class="story-headline">Экспорт белорусских товаров за десять месяцев вырос на 12%<\/h1>/);
    assert.equal(out.match(/<h1/g)?.length, 1);
    assert.match(content, /<p class="dateline"><time datetime="2026-11-23T14:23:00\+03:00">14:23, 23 ноября<\/time><\/p>/);
  });

  it('shows the correction note with its time', () => {
    assert.match(
      content,
      /<div class="correction" role="note"><p class="correction-time"><time datetime="2026-11-23T16:05:00\+03:00">Исправлено 16:05, 23 ноября<\/time><\/p><p>После публикации в материал внесены исправления.<\/p><\/div>/,
    );
  });

  it('shows the lead photo with its size, caption and credit, fetched first', () => {
    assert.match(
      content,
      /<figure class="lead-image"><img src="\/media\/2026\/11\/port.jpg" width="1600" height="900" alt="Контейнеры в порту" fetchpriority="high" decoding="async"><figcaption>Отгрузка контейнеров на экспорт <span class="credit">Фото: Анна Иванова<\/span><\/figcaption><\/figure>/,
    );
  });

  it('writes the lede, then the body as the renderer made it', () => {
    assert.match(content, /<p class="lede">Экспорт товаров за январь-октябрь вырос на 12% к прошлому году и достиг 38,4 млрд долларов, сообщили в Министерстве экономики.<\/p>/);
    assert.ok(content.includes(`<div class="story-body">\n${view.bodyHtml}</div>`));
  });

  it('links tags and authors', () => {
    assert.match(content, /<dt>Теги<\/dt><dd><ul class="tag-list"><li><a href="\/ru\/tags\/eksport\/" rel="tag">экспорт<\/a><\/li><li><a href="\/ru\/tags\/torgovlya\/" rel="tag">торговля<\/a><\/li><li><a href="\/ru\/tags\/minekonomiki\/" rel="tag">Минэкономики<\/a><\/li><\/ul><\/dd>/);
    assert.match(content, /<dt>Автор<\/dt><dd><ul class="byline"><li><a href="\/ru\/authors\/m-kovaleva\/" rel="author">Мария Ковалева<\/a><\/li><\/ul><\/dd>/);
  });

  it('shares through plain links named for each network, and a copy field that needs no script', () => {
    const share = content.slice(content.indexOf('<section class="share"'), content.indexOf('</section>', content.indexOf('<section class="share"')));
    assert.match(share, /^<section class="share" aria-labelledby="share-heading">\n<h2 id="share-heading" class="share-heading">Поделиться<\/h2>/);
    for (const link of view.share) {
      const href = link.href.replace(/[.?]/g, '\\$&');
      assert.match(share, new RegExp(`<a class="share-${link.network}" href="${href}" rel="noopener noreferrer" title="${link.label}"><svg[^>]*aria-hidden="true"[^>]*>.*?</svg><span class="vh">${link.label}</span></a>`));
    }
    assert.match(share, /<details class="copy-link"><summary>Скопировать ссылку<\/summary><label class="vh" for="share-url">Скопировать ссылку<\/label><input id="share-url" type="url" value="https:\/\/dispatch.example\/ru\/economics\/1042-eksport-vyros" readonly><\/details>/);
    assert.doesNotMatch(out, /<script(?! type="application\/ld\+json")/);
    assert.doesNotMatch(out, / on[a-z]+="/);
  });

  it('lists other materials of the rubric in a labelled section with a link to the whole rubric', () => {
    const section = content.slice(content.indexOf('<section class="other-materials'));
    assert.match(section, /^<section class="other-materials side" aria-labelledby="other-materials-heading">\n<h2 id="other-materials-heading" class="section-heading">Другие материалы рубрики «Экономика»<\/h2>/);
    assert.equal(section.match(/<li class="story-item/g)?.length, 12);
    assert.match(section, /<time datetime="2026-11-23T18:59:00\+03:00"><span class="clock">18:59<\/span><\/time><div class="story-item-text"><a class="headline" href="\/ru\/economics\/1000-story-0">/);
    assert.match(section, /<p class="more-link"><a href="\/ru\/economics\/">Все новости рубрики «Экономика»<\/a><\/p>/);
  });

  it('keeps the reading order of an agency story', () => {
    const order = ['class="breadcrumbs"', 'class="kicker"', '<h1', 'class="dateline"', 'class="correction"', 'class="lead-image"', 'class="lede"', 'class="story-body"', 'class="tag-list"', 'class="byline"', 'class="share"', 'class="other-materials'];
    const positions = order.map((marker) => content.indexOf(marker));
    positions.forEach((position, i) => assert.ok(position > (positions[i - 1] ?? -1), `${order[i]} in order`));
  });

  it('escapes hostile text everywhere except the trusted body', () => {
    const hostile = '<script>alert("x")</script>';
    const page = renderStoryPage({
      ...sampleStoryView(),
      headline: hostile,
      lede: `"'${hostile}`,
      rubric: { text: hostile, href: '/x"><script>' },
      tags: [{ text: hostile, href: '/t' }],
      shareUrl: 'https://x.example/"><script>',
      leadImage: { src: '/i.jpg', width: 10, height: 10, alt: '"><script>', caption: hostile, credit: hostile },
    });
    assert.doesNotMatch(main(page).replace(/<div class="story-body">[\s\S]*?<\/div>\n<footer/, ''), /<script/);
    assert.match(page, /<h1 class="story-headline">&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;<\/h1>/);
    assert.match(page, /<p class="lede">&quot;&#39;&lt;script&gt;/);
  });

  it('leaves out the correction, photo, tags and byline when the story has none', () => {
    const page = main(renderStoryPage({ ...sampleStoryView(), correction: undefined, leadImage: undefined, tags: [], byline: [] }));
    assert.doesNotMatch(page, /class="correction"|<figure class="lead-image"|story-meta-list/);
  });

  it('writes a figcaption only when there is a caption or credit', () => {
    const base = sampleStoryView();
    const bare = main(renderStoryPage({ ...base, leadImage: { src: '/i.jpg', width: 4, height: 3, alt: 'Alt' } }));
    assert.match(bare, /<figure class="lead-image"><img [^>]+><\/figure>/);
    const creditOnly = main(renderStoryPage({ ...base, leadImage: { src: '/i.jpg', width: 4, height: 3, alt: '', credit: 'ТАСС' } }));
    assert.match(creditOnly, /<figcaption><span class="credit">Фото: ТАСС<\/span><\/figcaption>/);
  });
});

describe('renderStoryPage budgets', () => {
  it('keeps a long story page (1,200 words, 12 other materials, 3 tags) under 40 KB', () => {
    const view = sampleStoryView();
    const words = view.bodyHtml.replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).length;
    assert.ok(words >= 1150, `the sample body has ${words} words`);
    assert.equal(view.otherMaterials.items.length, 12);
    assert.equal(view.tags.length, 3);
    const bytes = Buffer.byteLength(renderStoryPage(view));
    assert.ok(bytes < 40 * 1024, `story page is ${bytes} bytes`);
  });
});
