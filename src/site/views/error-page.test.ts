// Tests for the error page: heading, text, the way home and the latest news, not for indexing.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderErrorPage } from './error-page.ts';
import { sampleChrome, sampleItems } from './sample-views.ts';
import type { ErrorPageView } from './view-models.ts';

function view(change: Partial<ErrorPageView> = {}): ErrorPageView {
  const chrome = { ...sampleChrome('ru'), noindex: true };
  return {
    chrome,
    status: 404,
    heading: chrome.strings.notFoundTitle,
    text: chrome.strings.notFoundText,
    homeLink: { text: 'Главная', href: '/ru/' },
    latest: sampleItems(3, { withRubric: true }),
    ...change,
  };
}

describe('renderErrorPage', () => {
  const out = renderErrorPage(view());

  it('says what happened and leads home', () => {
    assert.match(out, /<h1 class="page-heading">Страница не найдена<\/h1>\n<p class="error-text">Такой страницы нет\. Возможно, ссылка устарела или в адресе опечатка\.<\/p>\n<p><a class="button" href="\/ru\/">Главная<\/a><\/p>/);
  });

  it('lists the latest news under a heading', () => {
    assert.match(out, /<section class="feed" aria-labelledby="latest-heading"><h2 id="latest-heading" class="section-heading">Лента новостей<\/h2><ul class="story-list story-list-compact">/);
    assert.equal(out.match(/<li class="story-item/g)?.length, 3);
  });

  it('is not for search engines', () => {
    assert.match(out, /<meta name="robots" content="noindex">/);
  });

  it('leaves the latest news out when there is none (the database may be down)', () => {
    assert.doesNotMatch(renderErrorPage(view({ latest: [] })), /latest-heading/);
  });
});
