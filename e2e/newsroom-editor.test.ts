// The newsroom in Chromium, as its people use it: a reporter writes a story in the editor and
// submits it, an editor publishes it from the desk and a reader finds it on the site; a
// translator adds the English version beside the Russian source and the site's language switch
// finds it; two people saving the same revision see a conflict with both texts; a reload gives
// back the autosaved draft; XSS payloads typed into the fields never run, in the newsroom or on
// the site. Every test runs on SQLite and on PostgreSQL.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { userWithSession } from '../src/testing/newsroom.ts';
import type { Role } from '../src/newsroom/index.ts';
import { createTag } from '../src/content/index.ts';
import { assertInert, describeEachNewsroom, PAYLOADS, newStory as writeStory, publishFromDesk as publish, type NewsroomSuite, type Person } from './newsroom-session.ts';

let users = 0;

function editorTests({ browser, newsroom }: NewsroomSuite): void {
  const person = (role: Role): Promise<Person> => newsroom().person(role);
  const newStory = (page: Page, fields: { language: string; headline: string; lede: string; body: string }) => writeStory(page, newsroom().server.url, fields);
  const publishFromDesk = (page: Page, headline: string, language: string) => publish(page, newsroom().server.url, headline, language);

  test('a reporter writes and submits, an editor publishes, a reader reads it; a translator adds English and the switch finds it', async () => {
    const reporter = await person('reporter');
    const editorUrl = await newStory(reporter.page, { language: 'Russian', headline: 'Цены выросли в ноябре', lede: 'Инфляция ускорилась.', body: 'Первый абзац новости.' });
    const storyId = /stories\/(\d+)\//.exec(editorUrl)![1]!;
    await reporter.page.getByRole('button', { name: 'Submit' }).click();
    await reporter.page.getByText('Done: Submit').waitFor();
    await reporter.page.getByRole('heading', { level: 1, name: /submitted/ }).waitFor();

    const editor = await person('editor');
    await publishFromDesk(editor.page, 'Цены выросли в ноябре', 'ru');

    const translator = await person('translator');
    await translator.page.goto(`${newsroom().server.url}/newsroom/app?q=${encodeURIComponent('Цены')}`);
    const row = translator.page.getByRole('row').filter({ has: translator.page.getByRole('link', { name: 'Цены выросли в ноябре' }) });
    await row.getByRole('button', { name: 'Translate into English' }).click();
    await translator.page.waitForURL(new RegExp(`/stories/${storyId}/en\\?source=ru$`));
    const source = translator.page.getByRole('complementary', { name: 'Source' });
    assert.equal(await source.locator('.compare-headline').textContent(), 'Цены выросли в ноябре', 'the source is shown beside the translation');
    await translator.page.getByLabel('Headline').fill('Prices rose in November');
    await translator.page.getByLabel('Lede').fill('Inflation sped up.');
    await translator.page.getByLabel('Slug').fill('prices-rose-in-november');
    const body = translator.page.getByRole('textbox', { name: 'Body' });
    await body.click();
    await translator.page.keyboard.press('Control+A');
    await translator.page.keyboard.type('The first paragraph of the story.');
    await translator.page.getByRole('button', { name: 'Save', exact: true }).click();
    await translator.page.getByText(/Saved · Revision 1/).waitFor();
    assert.match(await translator.page.locator('.url-preview').textContent() ?? '', new RegExp(`/en/[a-z-]+/${storyId}-prices-rose-in-november$`));
    await translator.page.getByRole('button', { name: 'Submit' }).click();
    await translator.page.getByText('Done: Submit').waitFor();
    await publishFromDesk(editor.page, 'Prices rose in November', 'en');

    const reader = await browser().newContext({ locale: 'ru-RU' });
    const page = await reader.newPage();
    await page.goto(`${newsroom().server.url}/ru/`);
    await page.getByRole('link', { name: 'Цены выросли в ноябре' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Цены выросли в ноябре' }).waitFor();
    await page.getByText('Первый абзац новости.').waitFor();
    await page.getByRole('navigation', { name: 'Язык' }).getByRole('link', { name: 'Eng' }).click();
    await page.waitForURL(new RegExp(`/en/[a-z-]+/${storyId}-prices-rose-in-november$`));
    await page.getByRole('heading', { level: 1, name: 'Prices rose in November' }).waitFor();
    await page.getByText('The first paragraph of the story.').waitFor();
    for (const who of [reporter, editor, translator]) assert.deepEqual(who.errors, []);
    await Promise.all([reporter.context.close(), editor.context.close(), translator.context.close(), reader.close()]);
  });

  test('an edit conflict between two browsers shows both texts and overwrites nothing silently', async () => {
    const reporter = await person('reporter');
    const url = await newStory(reporter.page, { language: 'English', headline: 'Bridge reopens', lede: 'The bridge reopened today.', body: 'Traffic is flowing.' });
    const editor = await person('editor');
    await editor.page.goto(url);
    await reporter.page.reload();
    await editor.page.getByLabel('Lede').fill('The editor\'s lede.');
    await editor.page.getByRole('button', { name: 'Save', exact: true }).click();
    await editor.page.getByText(/Saved · Revision 2/).waitFor();

    await reporter.page.getByLabel('Lede').fill('The reporter\'s lede.');
    await reporter.page.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = reporter.page.getByRole('alert', { name: /Someone else saved this text/ });
    await conflict.waitFor();
    assert.equal(await conflict.getByRole('region', { name: 'Their text (saved)' }).locator('.compare-lede').textContent(), 'The editor\'s lede.');
    assert.equal(await conflict.getByRole('region', { name: 'Your text (not saved)' }).locator('.compare-lede').textContent(), 'The reporter\'s lede.');
    assert.equal(await reporter.page.getByLabel('Lede').inputValue(), 'The reporter\'s lede.', 'the reporter\'s words are still in the form');

    await editor.page.reload();
    assert.equal(await editor.page.getByLabel('Lede').inputValue(), 'The editor\'s lede.', 'the stored text is the editor\'s');

    await conflict.getByRole('button', { name: 'Save my text over theirs' }).click();
    await reporter.page.getByText(/Saved · Revision 3/).waitFor();
    const history = reporter.page.getByRole('region', { name: 'Revision history' });
    await history.getByRole('button', { name: 'Show changes (3)' }).click();
    await history.locator('del', { hasText: 'editor\'s' }).waitFor();
    await history.locator('ins', { hasText: 'reporter\'s' }).waitFor();
    await history.getByRole('button', { name: 'Restore this revision (2)' }).click();
    await reporter.page.getByText(/Done: Restore this revision 2/).waitFor();
    assert.equal(await reporter.page.getByLabel('Lede').inputValue(), 'The editor\'s lede.');
    assert.deepEqual([...reporter.errors, ...editor.errors], []);
    await Promise.all([reporter.context.close(), editor.context.close()]);
  });

  test('a reload gives back what was typed but not saved (autosave)', async () => {
    const reporter = await person('reporter');
    const url = await newStory(reporter.page, { language: 'English', headline: 'Rain expected', lede: 'Rain tomorrow.', body: 'Take an umbrella.' });
    await reporter.page.getByLabel('Headline').fill('Heavy rain expected across the country');
    await reporter.page.getByRole('textbox', { name: 'Body' }).click();
    await reporter.page.keyboard.press('End');
    await reporter.page.keyboard.type(' And boots.');
    await reporter.page.getByText(/Draft kept at/).waitFor({ timeout: 10_000 });
    // The tab is closed without saving; a new one opens the story.
    await reporter.page.close();
    const page = await reporter.context.newPage();
    await page.goto(url);
    await page.getByText('Your unsaved draft from an earlier session was restored.').waitFor();
    assert.equal(await page.getByLabel('Headline').inputValue(), 'Heavy rain expected across the country');
    assert.match(await page.getByRole('textbox', { name: 'Body' }).textContent() ?? '', /Take an umbrella\. And boots\./);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(/Saved · Revision 2/).waitFor();
    await page.reload();
    await page.getByLabel('Headline').waitFor();
    assert.equal(await page.getByText('Your unsaved draft from an earlier session was restored.').count(), 0, 'a saved text leaves no draft to restore');
    assert.equal(await page.getByLabel('Headline').inputValue(), 'Heavy rain expected across the country');
    assert.deepEqual(reporter.errors, []);
    await reporter.context.close();
  });

  test('XSS payloads typed into headline, lede and body stay text in the newsroom and on the site', async () => {
    const reporter = await person('reporter');
    const payload = PAYLOADS.join(' ');
    const url = await newStory(reporter.page, { language: 'English', headline: `XSS ${PAYLOADS[1]}`, lede: `Lede ${payload}`, body: `Body ${payload}` });
    await reporter.page.reload();
    await reporter.page.getByLabel('Headline').waitFor();
    assert.equal(await reporter.page.getByLabel('Headline').inputValue(), `XSS ${PAYLOADS[1]}`);
    assert.equal(await reporter.page.getByRole('textbox', { name: 'Body' }).textContent(), `Body ${payload}`);
    await assertInert(reporter.page, 'the editor');

    // Tags are chosen from the newsroom's tags through the autocomplete: one is named with a payload.
    const tagName = `tag ${PAYLOADS[1]}`;
    await createTag({ database: newsroom().database, languages: ['ru', 'en', 'be'], clock: () => new Date() }, { key: 'xss-tag', names: { en: tagName } });
    const tagField = reporter.page.getByLabel('Add tag', { exact: true });
    await tagField.fill(PAYLOADS[0]!);
    await tagField.fill('tag <img');
    await reporter.page.locator('#tag-suggestions option').first().waitFor({ state: 'attached' });
    await tagField.press('Enter');
    await reporter.page.getByRole('list', { name: 'Tags' }).getByText(tagName).waitFor();
    await reporter.page.getByRole('button', { name: 'Save details' }).click();
    await reporter.page.getByText('Done: Save details').waitFor();
    await reporter.page.reload();
    await reporter.page.getByRole('list', { name: 'Tags' }).getByText(tagName).waitFor();
    await assertInert(reporter.page, 'the editor with a tag');
    await reporter.page.getByRole('button', { name: 'Submit' }).click();
    await reporter.page.getByText('Done: Submit').waitFor();

    const editor = await person('editor');
    await editor.page.goto(`${newsroom().server.url}/newsroom/app?q=XSS`);
    await editor.page.getByRole('link', { name: `XSS ${PAYLOADS[1]}` }).waitFor();
    await assertInert(editor.page, 'the desk');
    await publishFromDesk(editor.page, `XSS ${PAYLOADS[1]}`, 'en');
    await editor.page.goto(url);
    await editor.page.getByLabel('Headline').waitFor();
    const publicUrl = (await editor.page.locator('.url-preview').textContent())!;

    const reader = await browser().newContext({ locale: 'en-GB' });
    const page = await reader.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
    await page.goto(new URL(new URL(publicUrl).pathname, newsroom().server.url).href);
    await page.getByRole('heading', { level: 1, name: `XSS ${PAYLOADS[1]}` }).waitFor();
    await page.getByText(`Body ${payload}`).waitFor();
    await page.getByRole('link', { name: tagName }).first().waitFor();
    await assertInert(page, 'the story page');
    await page.goto(`${newsroom().server.url}/en/`);
    await page.getByRole('link', { name: `XSS ${PAYLOADS[1]}` }).first().waitFor();
    await assertInert(page, 'the home page');
    assert.deepEqual(dialogs, []);
    assert.deepEqual([...reporter.errors, ...editor.errors], []);
    await Promise.all([reporter.context.close(), editor.context.close(), reader.close()]);
  });

  test('the interface speaks Russian to a Russian-speaking user', async () => {
    const session = await userWithSession(newsroom().database, { login: `reporter-ru-${++users}`, role: 'reporter' });
    const context = await browser().newContext({ locale: 'ru-RU' });
    await context.addCookies([{ name: 'dispatch_session', value: session.cookie.split('=')[1]!, url: newsroom().server.url }]);
    const page = await context.newPage();
    await page.goto(`${newsroom().server.url}/newsroom/app`);
    await page.getByRole('heading', { level: 1, name: 'Лента работы' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
    await page.getByLabel('Поиск по заголовку').waitFor();
    await page.getByRole('link', { name: 'Новый материал' }).first().click();
    await page.getByLabel('Заголовок').waitFor();
    await page.getByLabel('Лид').waitFor();
    await context.close();
  });
}

describeEachNewsroom('the newsroom in the browser', editorTests);
