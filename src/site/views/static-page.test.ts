// Tests for static pages: breadcrumbs, the heading and the renderer's body as it is.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderStaticPage } from './static-page.ts';
import { sampleChrome } from './sample-views.ts';

describe('renderStaticPage', () => {
  const out = renderStaticPage({
    chrome: sampleChrome('ru'),
    breadcrumbs: [{ text: 'Главная', href: '/ru/' }],
    heading: 'Об <агентстве>',
    bodyHtml: '<p>Агентство основано в <strong>1918</strong> году.</p>\n',
  });

  it('writes breadcrumbs, the escaped heading and the trusted body', () => {
    assert.match(out, /<nav class="breadcrumbs" aria-label="Вы здесь"><ol><li><a href="\/ru\/">Главная<\/a><\/li><\/ol><\/nav>/);
    assert.match(out, /<article class="static-page">\n<h1 class="page-heading">Об &lt;агентстве&gt;<\/h1>\n<div class="story-body">\n<p>Агентство основано в <strong>1918<\/strong> году.<\/p>\n<\/div>/);
  });

  it('writes no breadcrumbs when there are none', () => {
    const bare = renderStaticPage({ chrome: sampleChrome('ru'), breadcrumbs: [], heading: 'Контакты', bodyHtml: '' });
    assert.doesNotMatch(bare, /class="breadcrumbs"/);
  });
});
