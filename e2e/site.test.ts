// The public site clicked through as a reader would, in Chromium, on the demo agency: home →
// story → language switch → back; "Other materials" in order with their times; the date archive
// and its calendar; 404 and 410 pages; and a phone-width screen with nothing wider than it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { startServer, freePort, type RunningServer } from '../src/testing/cli.ts';
import { launchBrowser } from './browser.ts';

let server: RunningServer;
let browser: Browser;
let dir: string;
let databaseFile: string;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dispatch-e2e-site-'));
  databaseFile = path.join(dir, 'dispatch.db');
  server = await startServer({ env: { DATABASE_URL: databaseFile }, port: await freePort() });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function openPage(options: { locale?: string; width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({ locale: options.locale ?? 'en-GB', viewport: { width: options.width ?? 1280, height: 900 } });
  return context.newPage();
}

test('home → story → Russian version → back to the English story', async () => {
  const page = await openPage();
  await page.goto(`${server.url}/en/`);
  const main = page.getByRole('main');
  const first = main.locator('a.headline').first();
  const headline = (await first.textContent())!.trim();
  await first.click();
  await page.getByRole('heading', { level: 1, name: headline }).waitFor();
  const englishUrl = page.url();
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Ru' }).click();
  await page.waitForURL(/\/ru\//);
  assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
  assert.equal(/\/(\d+)-/.exec(page.url())?.[1], /\/(\d+)-/.exec(englishUrl)?.[1], 'the same story');
  await page.goBack();
  await page.waitForURL(englishUrl);
  await page.getByRole('heading', { level: 1, name: headline }).waitFor();
  await page.context().close();
});

test('"Other materials" lists the rubric\'s latest stories in order, each with its time', async () => {
  const sqlite = new BetterSqlite3(databaseFile, { readonly: true });
  const rubric = sqlite.prepare("select r.id, n.slug, n.name from rubrics r join rubric_names n on n.rubric_id = r.id and n.language = 'en' where r.key = 'economics'").get() as { id: number; slug: string; name: string };
  const stories = sqlite
    .prepare("select story_id, slug, headline, published_at from story_versions where rubric_id = ? and language = 'en' order by published_at desc, story_id desc")
    .all(rubric.id) as Array<{ story_id: number; slug: string; headline: string; published_at: string }>;
  sqlite.close();
  const opened = stories[2]!;
  const page = await openPage();
  await page.goto(`${server.url}/en/${rubric.slug}/${opened.story_id}-${opened.slug}`);
  const section = page.getByRole('region', { name: `Other materials of «${rubric.name}»` });
  const links = section.locator('a.headline');
  const expected = stories.filter((s) => s.story_id !== opened.story_id).slice(0, 12);
  assert.deepEqual((await links.allTextContents()).map((t) => t.trim()), expected.map((s) => s.headline));
  const times = await section.locator('time').evaluateAll((nodes) => nodes.map((n) => ({ datetime: n.getAttribute('datetime')!, text: n.textContent!.trim() })));
  times.forEach((time, index) => {
    // The datetime attribute is written to the second.
    assert.equal(Date.parse(time.datetime), Math.floor(Date.parse(expected[index]!.published_at) / 1000) * 1000, `time of ${expected[index]!.headline}`);
    assert.match(time.text, /^\d{2}:\d{2}(, \d{1,2} [A-Z][a-z]+( \d{4})?)?$/);
  });
  await page.context().close();
});

test('the date archive moves between days with its calendar', async () => {
  const page = await openPage({ locale: 'ru-RU' });
  await page.goto(`${server.url}/ru/archive/`);
  await page.waitForURL(/\/ru\/archive\/\d{4}\/\d{2}\/\d{2}$/);
  // Today's month may have begun this morning: the month of the demo's middle story has two weeks of days.
  const sqlite = new BetterSqlite3(databaseFile, { readonly: true });
  const times = (sqlite.prepare("select published_at from story_versions where language = 'ru' order by published_at").all() as Array<{ published_at: string }>);
  sqlite.close();
  const middle = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Minsk', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(times[Math.floor(times.length / 2)]!.published_at));
  await page.goto(`${server.url}/ru/archive/${middle.replaceAll('-', '/')}`);
  const calendar = page.getByRole('table');
  const days = calendar.getByRole('link');
  assert.ok((await days.count()) >= 10, 'the demo has stories on many days of the month');
  const other = days.first();
  const label = (await other.textContent())!.trim();
  await other.click();
  await page.waitForURL(new RegExp(`/ru/archive/\\d{4}/\\d{2}/${label.padStart(2, '0')}$`));
  assert.match((await page.getByRole('heading', { level: 1 }).textContent())!, new RegExp(`^Новости за ${label} `));
  assert.match((await page.getByRole('main').textContent())!, /\d+ материал(а|ов)?/);
  assert.ok((await page.getByRole('main').locator('a.headline').count()) > 0);
  await page.context().close();
});

test('404 and 410 pages speak the reader\'s language and offer the latest news', async () => {
  const page = await openPage({ locale: 'be-BY' });
  const missing = await page.goto(`${server.url}/be/no-such-rubric/`);
  assert.equal(missing?.status(), 404);
  await page.getByRole('heading', { level: 1, name: 'Старонка не знойдзена' }).waitFor();
  assert.ok((await page.getByRole('main').locator('a.headline').count()) > 0, 'the latest news under the error');
  await page.getByRole('link', { name: 'Галоўная' }).first().click();
  await page.waitForURL(/\/be\/$/);

  const sqlite = new BetterSqlite3(databaseFile);
  const victim = sqlite.prepare("select v.story_id, v.slug, n.slug as rubric from story_versions v join rubric_names n on n.rubric_id = v.rubric_id and n.language = v.language where v.language = 'en' order by v.story_id limit 1").get() as { story_id: number; slug: string; rubric: string };
  sqlite.prepare("update story_versions set status = 'killed' where story_id = ?").run(victim.story_id);
  sqlite.close();
  const english = await openPage();
  const gone = await english.goto(`${server.url}/en/${victim.rubric}/${victim.story_id}-${victim.slug}`);
  assert.equal(gone?.status(), 410);
  await english.getByRole('heading', { level: 1, name: 'Story withdrawn' }).waitFor();
  await page.context().close();
  await english.context().close();
});

test('at 320 px every page fits the screen: no horizontal scrolling', async () => {
  const page = await openPage({ width: 320, locale: 'ru-RU' });
  await page.goto(`${server.url}/ru/`);
  const story = await page.getByRole('main').locator('a.headline').first().getAttribute('href');
  for (const url of ['/ru/', story!, '/ru/archive/', '/be/kultura/', '/en/about', '/en/nothing-here/']) {
    await page.goto(`${server.url}${url}`);
    const { scrollWidth, innerWidth } = (await page.evaluate('({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })')) as { scrollWidth: number; innerWidth: number };
    assert.ok(scrollWidth <= innerWidth, `${url}: the page is ${scrollWidth} px wide on a ${innerWidth} px screen`);
  }
  const shot = await page.screenshot({ fullPage: true });
  assert.ok(shot.length > 10_000, 'a real screenshot was taken');
  await page.context().close();
});
