// A reader on the first start of Dispatch: the root sends them to their language, the news feed
// lists the demo agency's stories, a story opens at its address with its dateline, and the
// language switch leads to the same story in Russian.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startServer, freePort, type RunningServer } from '../src/testing/cli.ts';
import { launchBrowser } from './browser.ts';

let server: RunningServer;
let browser: Browser;
let dir: string;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dispatch-e2e-'));
  server = await startServer({ env: { DATABASE_URL: path.join(dir, 'dispatch.db') }, port: await freePort() });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a reader finds a story in the feed, reads it and switches to its Russian version', async () => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  assert.equal(new URL(page.url()).pathname, '/en/', 'an English-speaking reader lands on the English home');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.getByRole('heading', { name: 'Latest news' }).waitFor();

  const stories = page.getByRole('main').locator('a.headline');
  assert.ok((await stories.count()) >= 25, 'the feed is full on the first start');
  // Stories with a Belarusian version are among those with all three languages; pick one that has Russian for sure.
  const headline = (await stories.first().textContent())!.trim();
  await stories.first().click();
  await page.getByRole('heading', { level: 1, name: headline }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/en\/[a-z-]+\/\d+-[a-z0-9-]+$/);
  const dateline = (await page.locator('.dateline time').textContent())!.trim();
  assert.match(dateline, /^\d{2}:\d{2}, \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December)( \d{4})?$/);
  assert.ok(await page.locator('.lead-image img').getAttribute('alt'), 'the lead image has alt text');
  const storyId = /\/(\d+)-/.exec(page.url())![1];

  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Ru' }).click();
  await page.waitForURL(new RegExp(`/ru/[a-z-]+/${storyId}-`));
  assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
  const ruDateline = (await page.locator('.dateline time').textContent())!.trim();
  assert.match(ruDateline, /^\d{2}:\d{2}, \d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)( \d{4})?$/);
  assert.equal(await page.getByRole('navigation', { name: 'Язык' }).getByText('Ru', { exact: true }).getAttribute('aria-current'), 'true', 'the switch is in Russian now, Ru marked current');
  await context.close();
});
