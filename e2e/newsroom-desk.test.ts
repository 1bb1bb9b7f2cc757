// The desk and the editor in Chromium, on SQLite and on PostgreSQL: who has a story open (in the
// editor and on the desk), a story scheduled for a near time appearing on the site at that time,
// an embargo keeping a published story off the site until it ends, a published story changed by a
// correction (its note on the site) or followed by an update, and the media library: upload from
// the editor, the lead image, the alt text publishing needs, an image in the body. Known XSS
// payloads typed into every field stay text on every newsroom screen, site page and feed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { images } from '../src/testing/images.ts';
import { createTag } from '../src/content/index.ts';
import { assertInert, describeEachNewsroom, localTimeIn, newStory, PAYLOADS, pollUntil, publishFromDesk, type NewsroomSuite } from './newsroom-session.ts';

async function publicPath(page: Page): Promise<string> {
  return new URL((await page.locator('.url-preview').textContent())!).pathname;
}

async function isOnPage(page: Page, headline: string): Promise<boolean> {
  return (await page.getByRole('heading', { level: 1, name: headline }).count()) > 0;
}

function deskTests({ browser, newsroom }: NewsroomSuite): void {
  test('the editor and the desk show who else has a story open, per language, until they leave', async () => {
    const url = () => newsroom().server.url;
    const reporter = await newsroom().person('reporter');
    const storyUrl = await newStory(reporter.page, url(), { language: 'English', headline: 'Council meets', lede: 'The council met.', body: 'It met at noon.' });
    const editor = await newsroom().person('editor');
    await editor.page.goto(storyUrl);
    const notice = editor.page.getByRole('status', { name: 'Who else has this open' });
    await notice.getByText(`Also open now by ${reporter.name}`).waitFor();

    const chief = await newsroom().person('chief_editor');
    await chief.page.goto(`${url()}/newsroom/app?q=Council`);
    const row = chief.page.getByRole('row').filter({ has: chief.page.getByRole('link', { name: 'Council meets' }) });
    await row.getByText(`Open by: ${reporter.name}, ${editor.name}`).waitFor();

    // The reporter goes back to the desk: their presence ends at once.
    await reporter.page.getByRole('link', { name: '← Desk' }).click();
    await reporter.page.getByRole('heading', { level: 1, name: 'Desk' }).waitFor();
    await pollUntil(chief.page, `${url()}/newsroom/app?q=Council`, async () => {
      await chief.page.getByRole('link', { name: 'Council meets' }).waitFor();
      return (await chief.page.getByText(`Open by: ${editor.name}`, { exact: true }).count()) === 1;
    }, 10);
    assert.equal(await chief.page.getByText(reporter.name).count(), 0, 'the reporter is no longer shown');
    assert.deepEqual([...reporter.errors, ...editor.errors, ...chief.errors], []);
    await Promise.all([reporter.context.close(), editor.context.close(), chief.context.close()]);
  });

  test('a story scheduled for a near time appears on the site at that time', async () => {
    const url = newsroom().server.url;
    const editor = await newsroom().person('editor');
    await newStory(editor.page, url, { language: 'English', headline: 'Scheduled harvest report', lede: 'The harvest is in.', body: 'Grain is stored.' });
    const path = await publicPath(editor.page);
    await editor.page.getByRole('button', { name: 'Schedule' }).click();
    // A near time, with room for a machine under load to finish the steps before it.
    const at = Date.now() + 20_000;
    await editor.page.getByLabel('Publish at').fill(localTimeIn(20));
    await editor.page.getByRole('dialog', { name: 'Schedule' }).getByRole('button', { name: 'Schedule' }).click();
    await editor.page.getByText('Done: Schedule').waitFor();
    await editor.page.getByRole('heading', { level: 1, name: /scheduled/ }).waitFor();

    const reader = await browser().newContext({ locale: 'en-GB' });
    const page = await reader.newPage();
    const response = await page.goto(`${url}${path}`);
    assert.ok(Date.now() < at, 'the check before the time ran before the time');
    assert.equal(response?.status(), 404, 'not on the site before its time');
    await pollUntil(page, `${url}${path}`, () => isOnPage(page, 'Scheduled harvest report'), 60);
    assert.ok(Date.now() >= at - 1000, 'not before its time');
    await page.goto(`${url}/en/`);
    await page.getByRole('link', { name: 'Scheduled harvest report' }).first().waitFor();
    await editor.page.reload();
    await editor.page.getByRole('heading', { level: 1, name: /published/ }).waitFor();
    assert.deepEqual(editor.errors, []);
    await Promise.all([editor.context.close(), reader.close()]);
  });

  test('an embargoed story is on no page before the embargo ends, and on the site after', async () => {
    const url = newsroom().server.url;
    const editor = await newsroom().person('editor');
    await newStory(editor.page, url, { language: 'English', headline: 'Embargoed budget figures', lede: 'The budget grows.', body: 'By four per cent.' });
    const path = await publicPath(editor.page);
    const until = Date.now() + 25_000;
    await editor.page.getByLabel('Embargo until').fill(localTimeIn(25));
    await editor.page.getByRole('button', { name: 'Set embargo' }).click();
    await editor.page.getByText('Done: Set embargo').waitFor();
    await editor.page.getByRole('button', { name: 'Publish' }).click();
    await editor.page.getByText('Done: Publish').waitFor();

    const reader = await browser().newContext({ locale: 'en-GB' });
    const page = await reader.newPage();
    assert.equal((await page.goto(`${url}${path}`))?.status(), 404, 'the story page is not there during the embargo');
    await page.goto(`${url}/en/`);
    assert.equal(await page.getByRole('link', { name: 'Embargoed budget figures' }).count(), 0, 'nor on the home page');
    const feed = await (await fetch(`${url}/en/rss.xml`)).text();
    assert.ok(!feed.includes('Embargoed budget figures'), 'nor in the feed');
    assert.ok(Date.now() < until, 'the checks during the embargo ran during it');
    await pollUntil(page, `${url}${path}`, () => isOnPage(page, 'Embargoed budget figures'), 60);
    assert.ok(Date.now() >= until - 1000, 'not before the embargo ends');
    await pollUntil(page, `${url}/en/`, async () => (await page.getByRole('link', { name: 'Embargoed budget figures' }).count()) > 0, 10);
    assert.deepEqual(editor.errors, []);
    await Promise.all([editor.context.close(), reader.close()]);
  });

  test('a published story is changed by a correction with its note on the site, or followed by an update', async () => {
    const url = newsroom().server.url;
    const editor = await newsroom().person('editor');
    const storyUrl = await newStory(editor.page, url, { language: 'English', headline: 'Bridge toll set', lede: 'The toll is 5 roubles.', body: 'From Monday.' });
    const path = await publicPath(editor.page);
    await publishFromDesk(editor.page, url, 'Bridge toll set', 'en');

    await editor.page.goto(storyUrl);
    await editor.page.getByText('This version is on the site: saving it is a correction with a note for readers.').waitFor();
    await editor.page.getByLabel('Lede').fill('The toll is 3 roubles.');
    await editor.page.getByLabel('SEO title').fill('Bridge toll: 3 roubles');
    await editor.page.getByRole('button', { name: 'Save as correction' }).click();
    const dialog = editor.page.getByRole('dialog', { name: 'Save as correction' });
    await dialog.getByLabel('Correction note').fill('The toll was misstated as 5 roubles.');
    await dialog.getByRole('button', { name: 'Save as correction' }).click();
    await editor.page.getByText('Done: Correct').waitFor();
    await editor.page.getByRole('heading', { level: 1, name: /corrected/ }).waitFor();
    assert.equal(await editor.page.getByLabel('Lede').inputValue(), 'The toll is 3 roubles.');

    const reader = await browser().newContext({ locale: 'en-GB' });
    const page = await reader.newPage();
    await page.goto(`${url}${path}`);
    await page.getByText('The toll is 3 roubles.').waitFor();
    await page.getByText('The toll was misstated as 5 roubles.').waitFor();
    assert.match(await page.title(), /^Bridge toll: 3 roubles/, 'the SEO title is the page title');

    // Its tags, too, change only with a correction.
    await createTag({ database: newsroom().database, languages: ['ru', 'en', 'be'], clock: () => new Date() }, { key: 'bridges', names: { en: 'bridges' } });
    await editor.page.getByLabel('Add tag', { exact: true }).fill('bridg');
    await editor.page.locator('#tag-suggestions option').first().waitFor({ state: 'attached' });
    await editor.page.getByLabel('Add tag', { exact: true }).press('Enter');
    await editor.page.getByRole('button', { name: 'Save details as correction' }).click();
    await editor.page.getByRole('dialog', { name: 'Save as correction' }).getByLabel('Correction note').fill('A tag was added.');
    await editor.page.getByRole('dialog', { name: 'Save as correction' }).getByRole('button', { name: 'Save as correction' }).click();
    await editor.page.getByText('Done: Correct').waitFor();
    // The page cache drops the page when the change is announced (on PostgreSQL through NOTIFY).
    await pollUntil(page, `${url}${path}`, async () => (await page.getByRole('link', { name: 'bridges' }).count()) > 0, 15);
    await page.getByText('A tag was added.').waitFor();

    await editor.page.getByRole('button', { name: 'Write an update (new story)' }).click();
    await editor.page.waitForURL((address) => /\/stories\/\d+\/en$/.test(address.pathname) && address.href !== storyUrl);
    await editor.page.getByRole('heading', { level: 1, name: /draft/ }).waitFor();
    assert.equal(await editor.page.getByLabel('Headline').inputValue(), 'Bridge toll set', 'the update starts from the story it follows');
    assert.deepEqual(editor.errors, []);
    await Promise.all([editor.context.close(), reader.close()]);
  });

  test('the media library: upload from the editor, a lead image whose missing alt text stops publishing, an image in the body', async () => {
    const url = newsroom().server.url;
    const editor = await newsroom().person('editor');
    await newStory(editor.page, url, { language: 'English', headline: 'Harbour at dawn', lede: 'Ships wait.', body: 'The harbour is calm.' });
    const path = await publicPath(editor.page);
    await editor.page.getByRole('button', { name: 'Choose lead image' }).click();
    const library = editor.page.getByRole('dialog', { name: 'Media library: Lead image' });
    await library.getByLabel('Upload an image (JPEG, PNG, WebP, AVIF, GIF)').setInputFiles({ name: 'harbour.jpg', mimeType: 'image/jpeg', buffer: await images.jpeg(800, 600) });
    await library.getByLabel('Credit').first().fill('Agency photo');
    await library.getByRole('button', { name: 'Upload', exact: true }).click();
    await library.getByText('Uploaded: harbour.jpg').waitFor();
    await library.getByRole('list', { name: 'Images' }).getByRole('button', { name: 'Choose: harbour.jpg' }).waitFor();
    // Chosen without alt text: the publish check names what is missing.
    await library.getByRole('button', { name: 'Use this image' }).click();
    await editor.page.getByText('no alt text yet').waitFor();
    await editor.page.getByRole('button', { name: 'Save details' }).click();
    await editor.page.getByText('Done: Save details').waitFor();
    await editor.page.getByRole('button', { name: 'Publish' }).click();
    const refusal = editor.page.getByRole('alert').filter({ hasText: 'Not published yet — fix these first:' });
    await refusal.getByText('The lead image has no alt text in this language (edit it in the media library).').waitFor();

    await editor.page.getByRole('button', { name: 'Choose lead image' }).click();
    await library.getByRole('searchbox', { name: 'Search images' }).fill('harbour');
    await library.getByRole('button', { name: 'Apply' }).click();
    await library.getByRole('button', { name: 'Choose: harbour.jpg' }).click();
    const texts = library.getByRole('form', { name: 'Image texts' });
    await texts.getByLabel('Alt text (EN)').fill('Three ships in a calm harbour at dawn');
    await texts.getByLabel('Caption (EN)').fill('The harbour this morning');
    await texts.getByRole('button', { name: 'Use this image' }).click();
    await editor.page.getByText('Alt text: Three ships in a calm harbour at dawn').waitFor();
    await editor.page.getByRole('button', { name: 'Save details' }).click();
    await editor.page.getByText('Done: Save details').waitFor();

    await editor.page.getByRole('textbox', { name: 'Body' }).click();
    await editor.page.keyboard.press('End');
    await editor.page.getByRole('toolbar', { name: 'Body formatting' }).getByRole('button', { name: 'Image' }).click();
    const bodyLibrary = editor.page.getByRole('dialog', { name: 'Media library: image in the body' });
    await bodyLibrary.getByRole('button', { name: 'Choose: Three ships in a calm harbour at dawn' }).click();
    assert.equal(await bodyLibrary.getByRole('form', { name: 'Image texts' }).getByLabel('Alt text (EN)').inputValue(), 'Three ships in a calm harbour at dawn', 'the library keeps the texts');
    await bodyLibrary.getByRole('button', { name: 'Use this image' }).click();
    await editor.page.getByRole('button', { name: 'Save', exact: true }).click();
    await editor.page.getByText(/Saved · Revision 2/).waitFor();
    await editor.page.getByRole('button', { name: 'Publish' }).click();
    await editor.page.getByText('Done: Publish').waitFor();

    const reader = await browser().newContext({ locale: 'en-GB' });
    const page = await reader.newPage();
    await page.goto(`${url}${path}`);
    const photos = page.getByRole('img', { name: 'Three ships in a calm harbour at dawn' });
    await photos.first().waitFor();
    assert.equal(await photos.count(), 2, 'the lead photo and the body image');
    await page.getByText('The harbour this morning').first().waitFor();
    assert.deepEqual(editor.errors, []);
    await Promise.all([editor.context.close(), reader.close()]);
  });
  test('XSS payloads in every field stay inert on every newsroom screen, site page and feed', async () => {
    const url = newsroom().server.url;
    const payload = PAYLOADS.join(' ');
    const headline = `XSS everywhere ${PAYLOADS[1]}`;
    const editor = await newsroom().person('editor');
    const storyUrl = await newStory(editor.page, url, { language: 'English', headline, lede: `Lede ${payload}`, body: `Body ${payload}` });
    const path = await publicPath(editor.page);
    await editor.page.getByLabel('SEO title').fill(`SEO ${PAYLOADS[0]}`);
    await editor.page.getByLabel('SEO description').fill(`Description ${payload}`);
    await editor.page.getByRole('button', { name: 'Save', exact: true }).click();
    await editor.page.getByText(/Saved · Revision 2/).waitFor();

    const tagName = `xss tag ${PAYLOADS[2]}`;
    await createTag({ database: newsroom().database, languages: ['ru', 'en', 'be'], clock: () => new Date() }, { key: `xss-everywhere`, names: { en: tagName } });
    await editor.page.getByLabel('Add tag', { exact: true }).fill('xss tag');
    await editor.page.locator('#tag-suggestions option').first().waitFor({ state: 'attached' });
    await editor.page.getByLabel('Add tag', { exact: true }).press('Enter');
    await editor.page.getByRole('button', { name: 'Choose lead image' }).click();
    const library = editor.page.getByRole('dialog', { name: 'Media library: Lead image' });
    await library.getByLabel('Upload an image (JPEG, PNG, WebP, AVIF, GIF)').setInputFiles({ name: `${PAYLOADS[1]}.png`, mimeType: 'image/png', buffer: await images.png(300, 200) });
    await library.getByRole('button', { name: 'Upload', exact: true }).click();
    const texts = library.getByRole('form', { name: 'Image texts' });
    await texts.getByLabel('Alt text (EN)').fill(`Alt ${payload}`);
    await texts.getByLabel('Caption (EN)').fill(`Caption ${payload}`);
    await texts.getByLabel('Credit').fill(`Credit ${PAYLOADS[4]}`);
    await assertInert(editor.page, 'the media library');
    await texts.getByRole('button', { name: 'Use this image' }).click();
    await editor.page.getByRole('button', { name: 'Save details' }).click();
    await editor.page.getByText('Done: Save details').waitFor();
    await editor.page.getByRole('button', { name: 'Publish' }).click();
    await editor.page.getByText('Done: Publish').waitFor();
    await editor.page.getByLabel('Lede').fill(`Corrected lede ${payload}`);
    await editor.page.getByRole('button', { name: 'Save as correction' }).click();
    await editor.page.getByRole('dialog', { name: 'Save as correction' }).getByLabel('Correction note').fill(`Note ${payload}`);
    await editor.page.getByRole('dialog', { name: 'Save as correction' }).getByRole('button', { name: 'Save as correction' }).click();
    await editor.page.getByText('Done: Correct').waitFor();
    await editor.page.reload();
    await editor.page.getByRole('list', { name: 'Tags' }).getByText(tagName).waitFor();
    await editor.page.getByText(/Alt text: Alt /).waitFor();
    await assertInert(editor.page, 'the editor with its history');
    await editor.page.goto(`${url}/newsroom/app?q=XSS`);
    await editor.page.getByRole('link', { name: headline }).waitFor();
    await assertInert(editor.page, 'the desk');
    await editor.page.goto(`${url}/newsroom/app/preview/${/stories\/(\d+)\//.exec(storyUrl)![1]}/en`);
    await editor.page.getByRole('heading', { level: 1, name: headline }).waitFor();
    await assertInert(editor.page, 'the preview');

    const reader = await browser().newContext({ locale: 'en-GB' });
    const page = await reader.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
    await page.goto(`${url}${path}`);
    await page.getByRole('heading', { level: 1, name: headline }).waitFor();
    await page.getByText(`Corrected lede ${payload}`).waitFor();
    await page.getByText(`Note ${payload}`).waitFor();
    await page.getByRole('img', { name: `Alt ${payload}` }).waitFor();
    assert.match(await page.title(), new RegExp(`^SEO ${PAYLOADS[0]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
    await assertInert(page, 'the story page');
    const tagHref = await page.getByRole('link', { name: tagName }).first().getAttribute('href');
    const rubricHref = await page.getByRole('navigation', { name: /breadcrumb/i }).getByRole('link').last().getAttribute('href').catch(() => null);
    for (const [where, address] of [['the home page', '/en/'], ['the tag page', tagHref], ['the rubric page', rubricHref]] as const) {
      if (!address) continue;
      await page.goto(new URL(address, url).href);
      await page.getByRole('link', { name: headline }).first().waitFor();
      await assertInert(page, where);
    }

    // Feeds: their titles carry the text as text, and the HTML they give readers' apps is inert.
    const feedHtml: string[] = [];
    for (const [feed, itemTag, contentTag] of [['/en/rss.xml', 'item', 'content:encoded'], ['/en/atom.xml', 'entry', 'content']] as const) {
      const xml = await (await fetch(`${url}${feed}`)).text();
      // Parsed by Chromium's own XML parser, as a reader's app would.
      const items = (await page.evaluate(`[...new DOMParser().parseFromString(${JSON.stringify(xml)}, 'application/xml').getElementsByTagName('${itemTag}')].map((item) => ({
        title: item.getElementsByTagName('title')[0].textContent,
        html: [...item.getElementsByTagName('${contentTag}')].map((e) => e.textContent).join(''),
      }))`)) as { title: string; html: string }[];
      const item = items.find((candidate) => candidate.title === headline);
      assert.ok(item, `${feed} lists the story with its headline as text`);
      feedHtml.push(item.html);
    }
    const json = (await (await fetch(`${url}/en/feed.json`)).json()) as { items: { title: string; content_html: string }[] };
    const jsonItem = json.items.find((candidate) => candidate.title === headline);
    assert.ok(jsonItem, 'the JSON feed lists the story with its headline as text');
    feedHtml.push(jsonItem.content_html);
    for (const [index, html] of feedHtml.entries()) {
      assert.ok(html.includes('Body '), 'the feed carries the body');
      await page.setContent(`<main>${html}</main>`);
      await assertInert(page, `feed ${index + 1} as a reader's app shows it`);
    }
    assert.deepEqual(dialogs, []);
    assert.deepEqual(editor.errors, []);
    await Promise.all([editor.context.close(), reader.close()]);
  });
}

describeEachNewsroom('the desk and the editor', deskTests);
