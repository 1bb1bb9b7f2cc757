// Archive search as a reader uses it, in Chromium, on the demo agency, on SQLite and PostgreSQL:
// a query typed into the header's search box, results with the matching words highlighted (a
// Russian story found by another form of its word), then narrowed to one rubric with the form.
// And as the newsroom uses it: an editor finds a draft by another form of its word, narrows to
// drafts and opens it in the editor; a reporter finds what readers see and no draft.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { userWithSession } from '../src/testing/newsroom.ts';
import { createStory, documentFromText } from '../src/content/index.ts';
import type { Role } from '../src/newsroom/index.ts';
import { describeEachNewsroom, type NewsroomSuite } from './newsroom-session.ts';

function searchTests({ browser, newsroom }: NewsroomSuite): void {
  test('a reader searches from the header, sees highlighted results and filters by rubric', async () => {
    const context = await browser().newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${newsroom().server.url}/ru/`);
    // The search box is in the header, with a visible label, and needs no script.
    const box = page.getByRole('banner').getByRole('search').getByLabel('Поиск');
    assert.ok(await box.isVisible(), 'the search box is visible');
    await box.fill('реставрации');
    await box.press('Enter');
    await page.waitForURL(/\/ru\/search\?q=/);
    await page.getByRole('status').filter({ hasText: /Найдено \d+ материал/ }).waitFor();
    const results = page.getByRole('main').locator('ol.search-results > li');
    assert.ok((await results.count()) >= 2, 'stories from more than one rubric');
    // Another word form of the query is highlighted.
    const marks = (await page.getByRole('main').locator('mark').allTextContents()).map((t) => t.toLowerCase());
    assert.ok(marks.includes('реставрацию'), `highlighted: ${marks.join(', ')}`);
    const rubrics = await results.locator('a.rubric-link').allTextContents();
    const chosen = rubrics[0]!;
    assert.ok(rubrics.some((r) => r !== chosen), `several rubrics: ${rubrics.join(', ')}`);

    await page.getByRole('main').getByLabel('Рубрика').selectOption({ label: chosen });
    await page.getByRole('main').getByRole('button', { name: 'Найти' }).click();
    await page.waitForURL(/rubric=/);
    const filtered = await page.getByRole('main').locator('ol.search-results > li a.rubric-link').allTextContents();
    assert.ok(filtered.length >= 1);
    assert.deepEqual([...new Set(filtered)], [chosen]);
    assert.ok(await page.getByRole('main').locator('mark').first().isVisible());
    await context.close();
  });

  /** A newsroom user of `role`, logged in, in a browser context of their own (English interface). */
  async function newsroomPage(role: Role) {
    const session = await userWithSession(newsroom().database, { login: `search-${role.replace('_', '-')}`, role });
    const context = await browser().newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'dispatch_session', value: session.cookie.split('=')[1]!, url: newsroom().server.url }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return { context, page, errors };
  }

  test('the newsroom searches drafts by role, filters them and opens one in the editor', async () => {
    const rubric = await newsroom().database.db.selectFrom('rubrics').select('id').orderBy('id').executeTakeFirstOrThrow();
    const draft = await createStory({ database: newsroom().database, languages: ['ru', 'en', 'be'], clock: () => new Date() }, {
      rubricId: rubric.id,
      versions: [{ language: 'ru', headline: 'Черновик о реставрации замка', lede: 'Пока не опубликовано.', body: documentFromText(['Текст пишется.']), status: 'draft' }],
    });

    const editor = await newsroomPage('editor');
    await editor.page.goto(`${newsroom().server.url}/newsroom/app`);
    await editor.page.getByRole('navigation').getByRole('link', { name: 'Archive search' }).click();
    await editor.page.waitForURL(/\/newsroom\/app\/search$/);
    const form = editor.page.getByRole('search', { name: 'Archive search' });
    await form.getByLabel('Words').fill('реставрацию');
    await form.getByLabel('Language').selectOption({ label: 'Russian' });
    await form.getByRole('button', { name: 'Search' }).click();
    await editor.page.getByRole('status').filter({ hasText: /stories found/ }).waitFor();
    const results = editor.page.getByRole('main').locator('ol.search-results > li');
    assert.ok((await results.count()) >= 2, 'published demo stories and the draft');
    const draftResult = results.filter({ has: editor.page.getByRole('link', { name: 'Черновик о реставрации замка' }) });
    assert.match(await draftResult.locator('.status').textContent() ?? '', /RU · draft/);
    assert.equal(await draftResult.locator('mark').first().textContent(), 'реставрации', 'another form of the word is marked');

    await form.getByLabel('Status').selectOption({ label: 'draft' });
    await form.getByRole('button', { name: 'Search' }).click();
    await editor.page.waitForURL(/status=draft/);
    await editor.page.getByRole('status').filter({ hasText: /1 story found/ }).waitFor();
    assert.deepEqual(await results.locator('.status').allTextContents(), ['RU · draft']);
    await results.getByRole('link', { name: 'Черновик о реставрации замка' }).click();
    await editor.page.waitForURL(new RegExp(`/newsroom/app/stories/${draft.id}/ru$`));
    assert.equal(await editor.page.getByLabel('Headline').inputValue(), 'Черновик о реставрации замка');

    const reporter = await newsroomPage('reporter');
    await reporter.page.goto(`${newsroom().server.url}/newsroom/app/search?q=${encodeURIComponent('реставрации')}&language=ru`);
    await reporter.page.getByRole('status').filter({ hasText: /stories? found/ }).waitFor();
    const seen = await reporter.page.getByRole('main').locator('ol.search-results > li .status').allTextContents();
    assert.ok(seen.length >= 1 && seen.every((text) => /published|corrected/.test(text)), `a reporter sees what readers see: ${seen.join(', ')}`);
    const statusChoices = await reporter.page.getByRole('search', { name: 'Archive search' }).getByLabel('Status').locator('option').allTextContents();
    assert.ok(!statusChoices.includes('draft'), `no draft filter for a reporter: ${statusChoices.join(', ')}`);
    assert.deepEqual([...editor.errors, ...reporter.errors], []);
    await Promise.all([editor.context.close(), reporter.context.close()]);
  });
}

describeEachNewsroom('archive search in the browser', searchTests);
