// Tests for listing pages (homes, rubrics, tags, authors, archive days): heading, the home
// page's main and top stories, the feed, count, paging, calendar and the empty state.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderListingPage } from './listing-page.ts';
import { sampleChrome, sampleHomeView, sampleItems } from './sample-views.ts';
import type { ListingPageView } from './view-models.ts';

function main(out: string): string {
  return out.slice(out.indexOf('<main'), out.indexOf('</main>'));
}

function rubricPage(change: Partial<ListingPageView> = {}): ListingPageView {
  return {
    chrome: sampleChrome('ru'),
    heading: 'Экономика',
    breadcrumbs: [{ text: 'Главная', href: '/ru/' }, { text: 'Экономика', href: '/ru/economics/' }],
    items: sampleItems(5),
    pagination: { older: { text: 'Еще новости', href: '/ru/economics/?older=x1' } },
    ...change,
  };
}

describe('renderListingPage, home', () => {
  const view = sampleHomeView();
  const out = main(renderListingPage(view));

  it('keeps the site name as an h1 for screen readers without printing it under the logo', () => {
    assert.match(out, /<h1 class="vh">Диспатч<\/h1>/);
  });

  it('shows the main story big, with picture, rubric, time, headline and lede', () => {
    const lead = out.slice(out.indexOf('<div class="lead-main">'), out.indexOf('</article>', out.indexOf('<div class="lead-main">')));
    assert.match(lead, /<article class="story-card story-card-lead"><div class="story-card-image"><img src="\/media\/main.jpg" width="1600" height="900" alt="Совещание в зале заседаний" fetchpriority="high" decoding="async"><\/div>/);
    assert.match(lead, /<time datetime="2026-11-23T15:10:00\+03:00"><span class="clock">15:10<\/span><\/time> <a class="rubric-link" href="\/ru\/politics\/">Политика<\/a>/);
    assert.match(lead, /<h2 class="headline"><a href="\/ru\/politics\/1100-soveshchanie">Президент провел совещание/);
    assert.match(lead, /<p class="story-card-lede">Участники совещания/);
  });

  it('lists the top stories under their heading, then the feed under "Latest news"', () => {
    assert.match(out, /<section class="top-stories" aria-labelledby="top-stories-heading"><h2 id="top-stories-heading" class="section-heading">Важное<\/h2><ul class="story-list story-list-rich">/);
    assert.equal(out.match(/<h3 class="headline">/g)?.length, 4);
    assert.match(out, /<section class="feed" aria-labelledby="feed-heading"><h2 id="feed-heading" class="section-heading">Лента новостей<\/h2><ul class="story-list story-list-compact">/);
    assert.equal(out.match(/<li class="story-item/g)?.length, 30);
    assert.ok(out.indexOf('lead-main') < out.indexOf('top-stories') && out.indexOf('top-stories') < out.indexOf('feed-heading'));
  });

  it('offers older news as a button-like link', () => {
    assert.match(out, /<p class="pagination"><a class="button" href="\/ru\/\?older=abc" rel="next">Еще новости<\/a><\/p>/);
  });
});

describe('renderListingPage, rubric and archive', () => {
  it('writes breadcrumbs and a visible h1, and no lead', () => {
    const out = main(renderListingPage(rubricPage()));
    assert.match(out, /<nav class="breadcrumbs" aria-label="Вы здесь">/);
    assert.match(out, /<h1 class="page-heading">Экономика<\/h1>/);
    assert.doesNotMatch(out, /class="lead"|feed-heading/);
  });

  it('uses the dense feed for plain items and the rich list when items carry ledes', () => {
    assert.match(main(renderListingPage(rubricPage())), /story-list-compact/);
    const rich = main(renderListingPage(rubricPage({ items: sampleItems(3, { withLede: true }) })));
    assert.match(rich, /<ul class="story-list story-list-rich">/);
    assert.match(rich, /<h2 class="headline">/);
  });

  it('writes the count, both paging links and the calendar beside the feed', () => {
    const out = main(renderListingPage(rubricPage({
      heading: 'Новости за 22 ноября 2026',
      countText: '5 материалов',
      pagination: { older: { text: 'Еще новости', href: '/ru/archive/2026/11/22/?older=x' }, newest: { text: 'К последним новостям', href: '/ru/archive/2026/11/22/' } },
      calendar: { caption: 'Ноябрь 2026', weekdays: ['Пн'], weeks: [[{ day: 22, isCurrent: true }]] },
    })));
    assert.match(out, /<p class="count">5 материалов<\/p>/);
    assert.match(out, /<a class="button" href="\/ru\/archive\/2026\/11\/22\/\?older=x" rel="next">Еще новости<\/a><a class="back-link" href="\/ru\/archive\/2026\/11\/22\/">К последним новостям<\/a>/);
    assert.match(out, /<aside class="side" aria-label="Архив"><div class="calendar">/);
    assert.match(out, /<caption>Ноябрь 2026<\/caption>/);
  });

  it('shows the empty text instead of a list, and the default one when none is given', () => {
    const empty = main(renderListingPage(rubricPage({ items: [], emptyText: 'За этот день материалов нет.', pagination: {} })));
    assert.match(empty, /<p class="empty">За этот день материалов нет.<\/p>/);
    assert.doesNotMatch(empty, /<ul class="story-list|pagination/);
    assert.match(main(renderListingPage(rubricPage({ items: [], pagination: {} }))), /<p class="empty">Здесь пока нет материалов.<\/p>/);
  });

  it('escapes a hostile heading', () => {
    const out = renderListingPage(rubricPage({ heading: '<script>alert(1)</script>' }));
    assert.match(out, /<h1 class="page-heading">&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/h1>/);
  });

  it('keeps a home page with 30 stories small', () => {
    const bytes = Buffer.byteLength(renderListingPage(sampleHomeView()));
    assert.ok(bytes < 40 * 1024, `home page is ${bytes} bytes`);
  });
});
