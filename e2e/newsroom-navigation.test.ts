// Moving on before a screen has loaded, in Chromium, on SQLite and on PostgreSQL: the newsroom app
// renders each screen into a container of its own (web/main.ts), so a slow screen that finishes
// after the user went elsewhere never covers the screen they went to. Each test holds the slow
// screen's API answer until the next screen is shown, then lets it through.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page, Route } from 'playwright-core';
import { describeEachNewsroom, type NewsroomSuite } from './newsroom-session.ts';

/** Holds the answers to requests matching `matches` until `release()`; `held` resolves at the first. */
async function holdAnswers(page: Page, matches: (url: URL) => boolean) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let heldOne!: () => void;
  const held = new Promise<void>((resolve) => (heldOne = resolve));
  await page.route((url) => matches(url), async (route: Route) => {
    heldOne();
    await released;
    await route.continue();
  });
  return { held, release };
}

/** The level-one headings on the page: one per screen shown. */
async function screenHeadings(page: Page): Promise<string[]> {
  return page.getByRole('heading', { level: 1 }).allTextContents();
}

/** Lets the held answer arrive and the slow screen finish (it renders as soon as its answer is read). */
async function letSlowScreenFinish(page: Page, release: () => void, path: string): Promise<void> {
  const answered = page.waitForResponse((response) => new URL(response.url()).pathname === path);
  release();
  await (await answered).finished();
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
}

function navigationTests({ newsroom }: NewsroomSuite): void {
  test('a slow archive search finishing after the user went back to the desk does not cover the desk', async () => {
    const editor = await newsroom().person('editor');
    const { page } = editor;
    await page.goto(`${newsroom().server.url}/newsroom/app`);
    await page.getByRole('heading', { level: 1, name: 'Desk' }).waitFor();
    const search = await holdAnswers(page, (url) => url.pathname === '/api/newsroom/search');

    await page.getByRole('navigation').getByRole('link', { name: 'Archive search' }).click();
    await search.held;
    await page.getByRole('navigation').getByRole('link', { name: 'Desk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Desk' }).waitFor();
    await letSlowScreenFinish(page, search.release, '/api/newsroom/search');

    assert.equal(new URL(page.url()).pathname, '/newsroom/app');
    assert.deepEqual(await screenHeadings(page), ['Desk'], 'only the desk is shown');
    assert.equal(await page.getByRole('searchbox', { name: 'Words' }).count(), 0, 'no part of the search screen either');
    await page.getByRole('search', { name: 'Filters' }).waitFor();
    assert.deepEqual(editor.errors, []);
    await editor.context.close();
  });

  test('a slow desk finishing after the user opened a new story does not cover the new story form', async () => {
    const editor = await newsroom().person('editor');
    const { page } = editor;
    await page.goto(`${newsroom().server.url}/newsroom/app/search`);
    await page.getByRole('heading', { level: 1, name: 'Archive search' }).waitFor();
    // The desk's list; the new story form asks the same address with limit=1 for the languages.
    const desk = await holdAnswers(page, (url) => url.pathname === '/api/newsroom/stories' && !url.searchParams.has('limit'));

    await page.getByRole('navigation').getByRole('link', { name: 'Desk' }).click();
    await desk.held;
    await page.getByRole('navigation').getByRole('link', { name: 'New story' }).click();
    await page.getByRole('form', { name: 'New story' }).waitFor();
    await letSlowScreenFinish(page, desk.release, '/api/newsroom/stories');

    assert.equal(new URL(page.url()).pathname, '/newsroom/app/stories/new');
    assert.deepEqual(await screenHeadings(page), ['New story'], 'only the new story screen is shown');
    assert.equal(await page.getByRole('search', { name: 'Filters' }).count(), 0, 'nor its filters');
    await page.getByLabel('Headline').fill('Still here');
    assert.equal(await page.getByLabel('Headline').inputValue(), 'Still here', 'the form is still the one shown');
    assert.deepEqual(editor.errors, []);
    await editor.context.close();
  });
}

describeEachNewsroom('moving on before a screen has loaded', navigationTests);
