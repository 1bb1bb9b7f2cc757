// Tests for the page frame: head metadata (canonical, hreflang, feed, Open Graph, Twitter, noindex),
// JSON-LD that cannot break out of its script element, the language switch with the current
// language not a link, navigation landmarks, skip link and footer.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { html } from './html.ts';
import { renderPage } from './layout.ts';
import { sampleChrome } from './sample-views.ts';
import type { PageChrome } from './view-models.ts';

function page(change: (chrome: PageChrome) => void = () => {}): string {
  const chrome = sampleChrome('ru');
  change(chrome);
  return renderPage(chrome, html`<p>Body</p>`);
}

function head(out: string): string {
  return out.slice(out.indexOf('<head>'), out.indexOf('</head>'));
}

function between(out: string, start: string, end: string): string {
  const from = out.indexOf(start);
  assert.notEqual(from, -1, `missing ${start}`);
  return out.slice(from, out.indexOf(end, from) + end.length);
}

describe('renderPage head', () => {
  it('starts an HTML5 document in the page language with charset first and a viewport', () => {
    const out = page();
    assert.match(out, /^<!doctype html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">/);
  });

  it('writes title, description, canonical, hreflang alternates and the feed', () => {
    const h = head(page());
    assert.match(h, /<title>Экспорт белорусских товаров вырос на 12% — Диспатч<\/title>/);
    assert.match(h, /<meta name="description" content="Экспорт товаров за десять месяцев вырос на 12% к прошлому году, сообщили в Министерстве экономики.">/);
    assert.match(h, /<link rel="canonical" href="https:\/\/dispatch.example\/ru\/economics\/1042-eksport-vyros">/);
    for (const lang of ['ru', 'en', 'be', 'x-default']) assert.match(h, new RegExp(`<link rel="alternate" hreflang="${lang}" href="https://dispatch.example/`));
    assert.match(h, /<link rel="alternate" type="application\/rss\+xml" title="RSS: Диспатч" href="\/ru\/rss.xml">/);
  });

  it('links the one stylesheet and has no script at all in the head', () => {
    const h = head(page());
    assert.match(h, /<link rel="stylesheet" href="\/assets\/site.css">/);
    assert.equal(h.match(/rel="stylesheet"/g)?.length, 1);
    assert.doesNotMatch(h, /<script/);
  });

  it('loads nothing from elsewhere: no external scripts, images, frames or stylesheets', () => {
    const out = page();
    assert.doesNotMatch(out, /<(script|img|iframe)[^>]+src=/);
    assert.doesNotMatch(out, /<link[^>]+rel="(stylesheet|preload|preconnect)"[^>]+href="https?:/);
  });

  it('writes Open Graph and Twitter card meta, with article times, section and tags', () => {
    const h = head(page());
    for (const [property, content] of [
      ['og:type', 'article'],
      ['og:title', 'Экспорт белорусских товаров вырос на 12%'],
      ['og:url', 'https://dispatch.example/ru/economics/1042-eksport-vyros'],
      ['og:site_name', 'Диспатч'],
      ['og:locale', 'ru_RU'],
      ['og:locale:alternate', 'en_GB'],
      ['og:locale:alternate', 'be_BY'],
      ['og:image', 'https://dispatch.example/media/2026/11/port.jpg'],
      ['og:image:width', '1600'],
      ['og:image:height', '900'],
      ['og:image:alt', 'Контейнеры в порту'],
      ['article:published_time', '2026-11-23T14:23:00+03:00'],
      ['article:modified_time', '2026-11-23T16:05:00+03:00'],
      ['article:section', 'Экономика'],
      ['article:tag', 'экспорт'],
      ['article:tag', 'Минэкономики'],
    ]) {
      assert.ok(h.includes(`<meta property="${property}" content="${content}">`), `${property} ${content}`);
    }
    assert.match(h, /<meta name="twitter:card" content="summary_large_image">/);
    assert.match(h, /<meta name="twitter:image" content="https:\/\/dispatch.example\/media\/2026\/11\/port.jpg">/);
  });

  it('leaves article meta out of a website page and uses the small card without an image', () => {
    const h = head(page((c) => { c.openGraph = { ...c.openGraph, type: 'website', image: undefined }; }));
    assert.match(h, /<meta property="og:type" content="website">/);
    assert.doesNotMatch(h, /article:/);
    assert.doesNotMatch(h, /og:image/);
    assert.match(h, /<meta name="twitter:card" content="summary">/);
  });

  it('asks search engines not to index only when noindex is set', () => {
    assert.doesNotMatch(page(), /noindex/);
    assert.match(head(page((c) => { c.noindex = true; })), /<meta name="robots" content="noindex">/);
  });

  it('escapes hostile text in the title and meta content', () => {
    const h = head(page((c) => {
      c.title = '</title><script>alert(1)</script>';
      c.description = '"><script>alert(2)</script>';
    }));
    assert.match(h, /<title>&lt;\/title&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/title>/);
    assert.match(h, /<meta name="description" content="&quot;&gt;&lt;script&gt;alert\(2\)&lt;\/script&gt;">/);
    assert.doesNotMatch(h, /<script/);
  });
});

describe('renderPage JSON-LD', () => {
  it('writes each object in its own script element, in the body', () => {
    const out = page((c) => { c.structuredData = [{ '@type': 'NewsArticle' }, { '@type': 'BreadcrumbList' }]; });
    const scripts = out.match(/<script type="application\/ld\+json">.*?<\/script>/g) ?? [];
    assert.equal(scripts.length, 2);
    assert.ok(out.indexOf(scripts[0]!) > out.indexOf('<body>'));
  });

  it('cannot be ended or confused by </script> or <!-- inside a string, and parses back to the same data', () => {
    const data = { '@type': 'NewsArticle', headline: 'Bad </script><script>alert(1)</script> <!-- x', name: "O'Brien & \"Co\"" };
    const out = page((c) => { c.structuredData = [data]; });
    const script = between(out, '<script type="application/ld+json">', '</script>');
    const json = script.slice('<script type="application/ld+json">'.length, -'</script>'.length);
    assert.doesNotMatch(json, /</);
    assert.match(json, /\\u003c\/script\\u003e/);
    assert.deepEqual(JSON.parse(json), data);
    assert.equal(out.match(/<script/g)?.length, 1);
  });
});

describe('renderPage header', () => {
  it('offers a skip link to the main content first', () => {
    const out = page();
    const body = out.slice(out.indexOf('<body>'));
    assert.match(body, /^<body>\n<svg[^>]*>.*<\/svg>\n<a class="skip-link" href="#content">Перейти к содержанию<\/a>/);
    assert.match(out, /<main id="content"[^>]*>\n<p>Body<\/p>\n<\/main>/);
  });

  it('shows the site name as the logo, linking home', () => {
    assert.match(page(), /<a class="wordmark" href="\/ru\/">Диспатч<\/a>/);
  });

  it('marks the current language and does not link it; links the others with hreflang and lang', () => {
    const nav = between(page(), '<nav class="lang-switch"', '</nav>');
    assert.match(nav, /^<nav class="lang-switch" aria-label="Язык">/);
    assert.match(nav, /<li><span aria-current="true" lang="ru" title="Русский">Ru<\/span><\/li>/);
    assert.doesNotMatch(nav, /<a[^>]+hreflang="ru"/);
    assert.match(nav, /<a href="\/en\/economics\/1042-exports-grow" hreflang="en" lang="en" title="English">Eng<\/a>/);
    assert.match(nav, /<a href="\/be\/economics\/1042-ekspart-vyras" hreflang="be" lang="be" title="Беларуская">Bel<\/a>/);
    assert.equal(nav.match(/aria-current/g)?.length, 1);
  });

  it('links the feed and each social network with an accessible name', () => {
    const header = between(page(), '<header class="site-header">', '</header>');
    assert.match(header, /<a class="feed-link" href="\/ru\/rss.xml"[^>]*>.*<span>RSS<\/span><\/a>/);
    for (const [href, name] of [['https://vk.com/dispatch', 'VK'], ['https://t.me/dispatch', 'Telegram'], ['https://x.com/dispatch', 'X'], ['https://www.facebook.com/dispatch', 'Facebook'], ['https://www.youtube.com/@dispatch', 'YouTube']]) {
      assert.match(header, new RegExp(`<a href="${href}"><svg[^>]*aria-hidden="true"[^>]*>.*?</svg><span class="vh">${name}</span></a>`));
    }
  });

  it('labels the rubric navigation and marks the current rubric', () => {
    const nav = between(page(), '<nav class="rubric-nav"', '</nav>');
    assert.match(nav, /aria-label="Рубрики"/);
    assert.match(nav, /<a href="\/ru\/economics\/" aria-current="page">Экономика<\/a>/);
    assert.match(nav, /<a href="\/ru\/politics\/">Политика<\/a>/);
    assert.equal(nav.match(/aria-current/g)?.length, 1);
  });

  it('leaves the rubric navigation out when there are no rubrics', () => {
    assert.doesNotMatch(page((c) => { c.rubrics = []; }), /rubric-nav/);
  });
});

describe('renderPage footer', () => {
  it('links the static pages, the social networks and the feed, and states the copyright', () => {
    const footer = between(page(), '<footer class="site-footer">', '</footer>');
    assert.match(footer, /<a href="\/ru\/pages\/about">Об агентстве<\/a>/);
    assert.match(footer, /<a href="\/ru\/pages\/contacts">Контакты<\/a>/);
    assert.match(footer, /<a href="https:\/\/t.me\/dispatch"><svg[^>]*>.*?<\/svg>Telegram<\/a>/);
    assert.match(footer, /<a href="\/ru\/rss.xml"><svg[^>]*>.*?<\/svg>RSS<\/a>/);
    assert.match(footer, /<p class="copyright">© 2026 Диспатч. Все права защищены.<\/p>/);
  });

  it('uses the current year when none is given', () => {
    const out = page((c) => { c.copyrightYear = undefined; });
    assert.match(out, new RegExp(`© ${new Date().getUTCFullYear()} Диспатч`));
  });
});
