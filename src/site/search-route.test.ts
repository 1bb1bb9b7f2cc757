// The search page as a reader meets it, on both databases: the header's search box on every page
// (and the 404 page), highlighted and escaped results with rubric and time, another word form,
// filters, counts with plural forms, pages, and bad queries answered with a message, never a 500.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../testing/databases.ts';
import { buildTestApp } from '../testing/app.ts';
import { createRubric, createStory, documentFromText, writeSetting, type ContentContext } from '../content/index.ts';

const NOW = new Date('2026-07-27T11:23:00.000Z'); // 14:23 in Minsk
const HOUR = 3_600_000;

describeEachDatabase('search page', ({ database }) => {
  let app: FastifyInstance;
  let context: ContentContext;
  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url });
    return { status: response.statusCode, body: response.body };
  };

  before(async () => {
    const built = await buildTestApp(database(), () => NOW);
    app = built.app;
    context = built.context;
    await writeSetting(database().db, 'timeZone', 'Europe/Minsk');
    const economics = await createRubric(context, { key: 'economics', position: 0, names: { ru: 'Экономика', en: 'Economics', be: 'Эканоміка' } });
    const society = await createRubric(context, { key: 'society', position: 1, names: { ru: 'Общество', en: 'Society', be: 'Грамадства' } });
    const publish = (rubric: { id: number }, headline: string, body: string, hoursAgo: number) =>
      createStory(context, {
        rubricId: rubric.id,
        versions: [{ language: 'ru', headline, lede: `${headline}.`, body: documentFromText([body]), status: 'published', publishedAt: new Date(NOW.getTime() - hoursAgo * HOUR).toISOString() }],
      });
    await publish(economics, 'Беларусь и Китай расширят сотрудничество', 'Стороны обсудили <script>alert(1)</script> торговлю.', 1);
    await publish(society, 'Школы Гродно развивают обмен', 'Благодаря сотрудничеству школ дети учат языки.', 2);
    for (let i = 0; i < 23; i++) await publish(society, `Хоккейный турнир, день ${i + 1}`, 'Хоккей в Минске.', 3 + i);
    await (app as unknown as { site: { reload(): Promise<void> } }).site?.reload?.();
  });

  test('every page and the 404 page carry a labelled search box that sends a plain GET form', async () => {
    for (const url of ['/ru/', '/en/', '/be/ekanomika/', '/ru/no-such-page-here']) {
      const { body } = await get(url);
      const lang = url.split('/')[1];
      assert.match(body, new RegExp(`<form class="search-box" role="search" action="/${lang}/search" method="get"><label for="site-search">[^<]+</label><input id="site-search" type="search" name="q"`), url);
    }
  });

  test('a Russian story is found by another form of its word, highlighted and escaped, with rubric and time', async () => {
    const { status, body } = await get('/ru/search?q=%D1%81%D0%BE%D1%82%D1%80%D1%83%D0%B4%D0%BD%D0%B8%D1%87%D0%B5%D1%81%D1%82%D0%B2%D0%B0'); // сотрудничества
    assert.equal(status, 200);
    assert.match(body, /Найдено 2 материала/);
    assert.match(body, /<a href="\/ru\/ekonomika\/\d+-[a-z0-9-]+">Беларусь и Китай расширят <mark>сотрудничество<\/mark><\/a>/);
    assert.match(body, /Благодаря <mark>сотрудничеству<\/mark> школ/);
    assert.match(body, /<a class="rubric-link" href="\/ru\/obshchestvo\/">Общество<\/a>/);
    assert.match(body, /<time datetime="2026-07-27T/);
    assert.doesNotMatch(body, /<script>alert/);
  });

  test('filters by rubric and pages of twenty', async () => {
    const rubric = await get('/ru/search?q=%D1%81%D0%BE%D1%82%D1%80%D1%83%D0%B4%D0%BD%D0%B8%D1%87%D0%B5%D1%81%D1%82%D0%B2%D0%BE&rubric=obshchestvo');
    assert.match(rubric.body, /Найден 1 материал/);
    assert.match(rubric.body, /<option value="obshchestvo" selected>Общество<\/option>/);
    const first = await get('/ru/search?q=%D1%85%D0%BE%D0%BA%D0%BA%D0%B5%D0%B9'); // хоккей
    assert.match(first.body, /Найдено 23 материала/);
    assert.equal((first.body.match(/<li><h2>/g) ?? []).length, 20);
    assert.match(first.body, /href="\/ru\/search\?q=%D1%85%D0%BE%D0%BA%D0%BA%D0%B5%D0%B9&amp;page=2" rel="next"/);
    const second = await get('/ru/search?q=%D1%85%D0%BE%D0%BA%D0%BA%D0%B5%D0%B9&page=2');
    assert.equal((second.body.match(/<li><h2>/g) ?? []).length, 3);
    assert.match(second.body, /rel="prev"/);
  });

  test('bad queries and filters get a message in the page\'s language, never a 500', async () => {
    const cases: Array<[string, number, RegExp]> = [
      ['/ru/search?q=', 200, /Введите слово для поиска/],
      ['/ru/search?q=%21%21%21', 200, /Введите слово для поиска/],
      ['/be/search?q=-%D1%81%D0%BB%D0%BE%D0%B2%D0%B0', 200, /Дадайце хоць адно слова/],
      ['/en/search?q=zzzzqqq', 200, /Nothing was found/],
      [`/ru/search?q=${'x'.repeat(10000)}`, 200, /Запрос слишком длинный/],
      ['/ru/search?q=%22NEAR(%20*%20:%20%5E%00', 200, /<h1 class="page-heading">Поиск<\/h1>/],
      ['/ru/search?q=%F0%9F%99%82', 200, /Введите слово для поиска/],
      ['/ru/search?q=a&q=b', 200, /<h1/],
      ['/ru/search?q=a&page=51', 400, /Фильтр указан неверно/],
      ['/ru/search?q=a&page=x', 400, /Фильтр указан неверно/],
      ['/ru/search?q=a&from=2026-13-45', 400, /Фильтр указан неверно/],
      ['/ru/search?q=a&rubric=nope', 400, /Фильтр указан неверно/],
      ['/en/search?q=a&tag=nope', 400, /A filter is not valid/],
      ['/xx/search?q=a', 404, /<h1/],
    ];
    for (const [url, status, pattern] of cases) {
      const response = await get(url);
      assert.equal(response.status, status, url.slice(0, 60));
      assert.match(response.body, pattern, url.slice(0, 60));
    }
  });

  test('a search page without a query shows the form only', async () => {
    const { status, body } = await get('/be/search');
    assert.equal(status, 200);
    assert.match(body, /<label for="search-query">Пошук<\/label>/);
    assert.doesNotMatch(body, /role="status"/);
  });

  test('while the archive index is being built, search says so in the page language with 503, never a partial answer', async () => {
    const live = () => database().db.updateTable('search_generations').where('state', '=', 'live');
    await live().set({ is_complete: 0 }).execute();
    try {
      const cases: Array<[string, RegExp]> = [
        ['/ru/search?q=%D1%81%D0%BE%D1%82%D1%80%D1%83%D0%B4%D0%BD%D0%B8%D1%87%D0%B5%D1%81%D1%82%D0%B2%D0%B0', /Поисковый указатель архива строится/],
        ['/en/search?q=hockey', /The archive index is being built/],
        ['/be/search?q=%D1%85%D0%B0%D0%BA%D0%B5%D0%B9', /Пошукавы паказальнік архіва будуецца/],
      ];
      for (const [url, pattern] of cases) {
        const response = await app.inject({ method: 'GET', url });
        assert.equal(response.statusCode, 503, url);
        assert.equal(response.headers['retry-after'], '60');
        assert.match(response.body, pattern);
        assert.doesNotMatch(response.body, /search-results|<mark>/, 'no results from a partial index');
      }
    } finally {
      await live().set({ is_complete: 1 }).execute();
    }
    assert.equal((await get('/ru/search?q=%D1%81%D0%BE%D1%82%D1%80%D1%83%D0%B4%D0%BD%D0%B8%D1%87%D0%B5%D1%81%D1%82%D0%B2%D0%B0')).status, 200);
  });
});
