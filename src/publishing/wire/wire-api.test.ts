// The wire for subscribers on SQLite and PostgreSQL: subscribers managed by chief editors (a key
// shown once and stored hashed, rotation, revocation), ninjs items by polling cursor, by id and
// with their versions; corrections, kills, embargoes and translations as subscribers see them;
// and every bad request with its status and code.

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describeEachDatabase } from '../../testing/databases.ts';
import { buildTestApp } from '../../testing/app.ts';
import { asUser, userWithSession, type TestSession } from '../../testing/newsroom.ts';
import { ninjsErrors } from '../../testing/ninjs.ts';
import { newsmlErrors } from '../../testing/xmllint.ts';
import { createAuthor, createRubric, createStory, documentFromText } from '../../content/index.ts';
import { correctVersion, killVersion, publishVersion, setEmbargo, startTranslation, submitVersion, workflowJobHandlers } from '../../newsroom/index.ts';
import { createJobRunner } from '../../jobs/index.ts';
import { addTestUser, movableWorkflowContext } from '../../newsroom/workflow/workflow-fixtures.ts';

const START = '2026-11-23T08:00:00.000Z';
const WIRE = 'https://news.example.by/api/wire/items/';

describeEachDatabase('the wire for subscribers', ({ database }) => {
  const { context, setNow, advance } = movableWorkflowContext(database, START);
  let app: FastifyInstance;
  let chief: TestSession;
  let editor: Awaited<ReturnType<typeof addTestUser>>;
  let economy: number;
  let regions: number;
  let authorId: number;

  before(async () => {
    app = (await buildTestApp(database(), () => context.clock())).app;
    chief = await userWithSession(database(), { login: 'chief', role: 'chief_editor' });
    editor = await addTestUser(database(), 'editor');
    const names = (en: string) => ({ ru: `${en} ru`, en, be: `${en} be` });
    economy = (await createRubric(context, { key: 'economics', names: names('Economy') })).id;
    regions = (await createRubric(context, { key: 'regions', names: names('Regions') })).id;
    authorId = (await createAuthor(context, { key: 'olga', names: { ru: 'Ольга Петрова', en: 'Olga Petrova', be: 'Вольга Пятрова' } })).id;
  });

  async function newSubscriber(fields: Record<string, unknown>) {
    const response = await asUser(app, chief, { method: 'POST', url: '/api/newsroom/subscribers', payload: fields });
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as { subscriber: { id: number; keyHint: string }; apiKey: string; webhookSecret?: string };
  }

  const wire = (key: string | undefined, url: string): Promise<LightMyRequestResponse> =>
    app.inject({ method: 'GET', url, headers: key === undefined ? {} : { authorization: `Bearer ${key}` } });

  async function publishedStory(headline: string, params: { rubricId?: number; languages?: string[]; urgency?: number } = {}): Promise<number> {
    const languages = params.languages ?? ['ru'];
    const { id } = await createStory(context, {
      rubricId: params.rubricId ?? economy,
      urgency: params.urgency ?? 3,
      createdBy: editor.userId,
      authorIds: [authorId],
      versions: languages.map((language) => ({ language, headline: `${headline} ${language}`, lede: `Lede ${headline}`, body: documentFromText([`Body of ${headline} & «quotes».`]) })),
    });
    for (const language of languages) await publishVersion(context, { actor: editor, storyId: id, language });
    return id;
  }

  /** Every item from the start, page by page, with the last cursor. */
  async function pollAll(key: string, since?: string, query = ''): Promise<{ items: Array<Record<string, unknown>>; next: string | null }> {
    const items: Array<Record<string, unknown>> = [];
    let cursor = since;
    for (;;) {
      const response = await wire(key, `/api/wire/items?limit=3${cursor ? `&since=${cursor}` : ''}${query}`);
      assert.equal(response.statusCode, 200, response.body);
      const page = response.json() as { items: Array<Record<string, unknown>>; next: string | null; hasMore: boolean };
      items.push(...page.items);
      cursor = page.next ?? undefined;
      if (!page.hasMore) return { items, next: page.next };
    }
  }

  test('a chief editor creates a subscriber: the key is shown once, stored only as its SHA-256', async () => {
    const created = await newSubscriber({ name: 'Minsk Daily', languages: ['ru', 'en'], rubricIds: [], webhookUrl: 'http://127.0.0.1:9/hook' });
    assert.match(created.apiKey, /^dsw_[A-Za-z0-9_-]{43}$/);
    assert.ok(created.webhookSecret && created.webhookSecret.length >= 24, 'a webhook without a secret gets one, shown once');
    const row = await database().db.selectFrom('subscribers').selectAll().where('id', '=', created.subscriber.id).executeTakeFirstOrThrow();
    assert.equal(row.key_hash, createHash('sha256').update(created.apiKey).digest('hex'));
    const list = await asUser(app, chief, { method: 'GET', url: '/api/newsroom/subscribers' });
    assert.equal(list.statusCode, 200);
    assert.ok(!list.body.includes(created.apiKey) && !list.body.includes(row.key_hash) && !list.body.includes(created.webhookSecret!), 'no secret in the list');
    const listed = list.json().subscribers.find((s: { id: number }) => s.id === created.subscriber.id);
    assert.deepEqual({ ...listed, createdAt: '', updatedAt: '' }, {
      id: created.subscriber.id, name: 'Minsk Daily', languages: ['ru', 'en'], rubricIds: [], webhookUrl: 'http://127.0.0.1:9/hook',
      hasWebhookSecret: true, keyHint: created.apiKey.slice(0, 10), ratePerMinute: 120, createdAt: '', updatedAt: '', revokedAt: null,
    });
  });

  test('bad subscriber input is 400 with every field named; an unknown subscriber 404', async () => {
    const bad = await asUser(app, chief, { method: 'POST', url: '/api/newsroom/subscribers', payload: { languages: ['ru', 'de'], rubricIds: [999999], webhookUrl: 'ftp://x', webhookSecret: 'short', ratePerMinute: 0, colour: 'red' } });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(Object.keys(bad.json().error.details.fields).sort(), ['colour', 'languages', 'name', 'ratePerMinute', 'rubricIds', 'webhookSecret', 'webhookUrl'].sort());
    assert.equal(bad.json().error.details.fields.rubricIds, 'no rubric with the id 999999');
    const empty = await asUser(app, chief, { method: 'PATCH', url: '/api/newsroom/subscribers/1', payload: {} });
    assert.deepEqual([empty.statusCode, empty.json().error.details.field], [400, 'body']);
    for (const url of ['/api/newsroom/subscribers/999999/rotate-key', '/api/newsroom/subscribers/999999/revoke']) {
      const missing = await asUser(app, chief, { method: 'POST', url });
      assert.deepEqual([missing.statusCode, missing.json().error.code], [404, 'subscriber_not_found']);
    }
    const missing = await asUser(app, chief, { method: 'PATCH', url: '/api/newsroom/subscribers/999999', payload: { name: 'X' } });
    assert.deepEqual([missing.statusCode, missing.json().error.code], [404, 'subscriber_not_found']);
  });

  test('a missing, wrong, rotated or revoked key is 401 with a stable code', async () => {
    const { subscriber, apiKey } = await newSubscriber({ name: 'Rotating', languages: ['ru'] });
    assert.equal((await wire(apiKey, '/api/wire/items')).statusCode, 200);
    for (const [key, code] of [[undefined, 'wire_key_invalid'], ['dsw_nonsense', 'wire_key_invalid'], ['', 'wire_key_invalid']] as const) {
      const response = await wire(key, '/api/wire/items');
      assert.deepEqual([response.statusCode, response.json().error.code], [401, code], String(key));
      assert.equal(typeof response.json().error.message, 'string');
    }
    const rotated = await asUser(app, chief, { method: 'POST', url: `/api/newsroom/subscribers/${subscriber.id}/rotate-key` });
    const newKey = rotated.json().apiKey as string;
    assert.notEqual(newKey, apiKey);
    assert.equal((await wire(apiKey, '/api/wire/items')).json().error.code, 'wire_key_invalid');
    assert.equal((await wire(newKey, '/api/wire/items')).statusCode, 200);
    const revoked = await asUser(app, chief, { method: 'POST', url: `/api/newsroom/subscribers/${subscriber.id}/revoke` });
    assert.equal(typeof revoked.json().subscriber.revokedAt, 'string');
    const after = await wire(newKey, '/api/wire/items');
    assert.deepEqual([after.statusCode, after.json().error.code], [401, 'wire_key_revoked']);
  });

  test('polling: published stories in the subscription arrive once, in order; a correction arrives again as a new version of the same uri', async () => {
    setNow('2026-11-23T09:00:00.000Z');
    const { apiKey } = await newSubscriber({ name: 'Economy desk', languages: ['ru'], rubricIds: [economy] });
    const first = await publishedStory('Grain exports', { urgency: 1 });
    advance(60_000);
    const second = await publishedStory('Budget');
    advance(60_000);
    await publishedStory('Floods in Gomel', { rubricId: regions });
    const { id: draft } = await createStory(context, { rubricId: economy, createdBy: editor.userId, versions: [{ language: 'ru', headline: 'Draft only', lede: 'L', body: documentFromText(['B']) }] });
    await submitVersion(context, { actor: editor, storyId: draft, language: 'ru' });

    const all = await pollAll(apiKey);
    assert.deepEqual(all.items.map((i) => i.uri), [`${WIRE}${first}-ru`, `${WIRE}${second}-ru`], 'only its rubric, only published, oldest first');
    const item = all.items[0]!;
    assert.deepEqual(
      { ...item, bodies: undefined },
      {
        uri: `${WIRE}${first}-ru`, standard: { name: 'ninjs', version: '3.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#' },
        type: 'text', representationType: 'full', profile: 'dispatch-story', version: '1',
        firstCreated: '2026-11-23T09:00:00.000Z', versionCreated: '2026-11-23T09:00:00.000Z', contentCreated: '2026-11-23T09:00:00.000Z',
        pubStatus: 'usable', urgency: 1, language: 'ru',
        headlines: [{ role: 'main', contentType: 'text/plain', value: 'Grain exports ru' }],
        altIds: [{ role: 'dispatch-story-id', value: String(first) }],
        descriptions: [{ role: 'summary', contentType: 'text/plain', value: 'Lede Grain exports' }],
        by: 'Ольга Петрова', people: [{ name: 'Ольга Петрова', rel: 'author', literal: 'olga' }],
        subjects: [
          { name: 'economy, business and finance', rel: 'about', uri: 'http://cv.iptc.org/newscodes/mediatopic/04000000', literal: 'medtop:04000000' },
          { name: 'Economy ru', rel: 'rubric', literal: 'dispatch-rubric:economics' },
        ],
        bodies: undefined,
      },
    );
    assert.deepEqual(item.bodies, [{ role: 'main', contentType: 'text/html', value: '<p>Body of Grain exports &amp; «quotes».</p>\n', charCount: 33, wordCount: 6 }]);

    const nothingNew = await wire(apiKey, `/api/wire/items?since=${all.next}`);
    assert.deepEqual(nothingNew.json().items, []);
    assert.equal(nothingNew.json().next, all.next, 'an empty page keeps the cursor');

    advance(60_000);
    await correctVersion(context, { actor: editor, storyId: first, language: 'ru', note: 'The tonnage was wrong.' });
    const corrected = await pollAll(apiKey, all.next!);
    assert.equal(corrected.items.length, 1);
    assert.deepEqual([corrected.items[0]!.uri, corrected.items[0]!.version, corrected.items[0]!.versionCreated, corrected.items[0]!.edNote],
      [`${WIRE}${first}-ru`, '2', '2026-11-23T09:03:00.000Z', 'CORRECTION: The tonnage was wrong.']);
    assert.equal(corrected.items[0]!.firstCreated, '2026-11-23T09:00:00.000Z');

    const versions = await wire(apiKey, `/api/wire/items/${first}-ru/versions`);
    assert.deepEqual(versions.json().versions, [
      { version: '1', versionCreated: '2026-11-23T09:00:00.000Z', pubStatus: 'usable', action: 'publish' },
      { version: '2', versionCreated: '2026-11-23T09:03:00.000Z', pubStatus: 'usable', action: 'correct', edNote: 'CORRECTION: The tonnage was wrong.' },
    ]);
    assert.equal(versions.json().current.version, '2');
  });

  test('a kill reaches subscribers as canceled without the text; an embargoed story as withheld with embargoedUntil, then usable', async () => {
    setNow('2026-11-24T09:00:00.000Z');
    const { apiKey } = await newSubscriber({ name: 'All of it', languages: ['ru'] });
    const start = (await pollAll(apiKey)).next!;
    const killed = await publishedStory('Wrong report');
    advance(60_000);
    await killVersion(context, { actor: editor, storyId: killed, language: 'ru', reason: 'Legal' });
    const embargoed = await publishedStory('Central bank rate');
    await setEmbargo(context, { actor: editor, storyId: embargoed, until: '2026-11-24T12:00:00.000Z' });
    const seen = await pollAll(apiKey, start);
    const kill = seen.items.find((i) => i.uri === `${WIRE}${killed}-ru`)!;
    assert.equal(kill.pubStatus, 'canceled');
    assert.equal(kill.representationType, 'partial');
    assert.equal(kill.bodies, undefined);
    assert.equal(kill.descriptions, undefined);
    assert.match(kill.edNote as string, /^KILL/);
    const withheld = seen.items.find((i) => i.uri === `${WIRE}${embargoed}-ru`)!;
    assert.deepEqual([withheld.pubStatus, withheld.embargoedUntil], ['withheld', '2026-11-24T12:00:00.000Z']);
    assert.ok(Array.isArray(withheld.bodies), 'subscribers get an embargoed text ahead, marked withheld');

    setNow('2026-11-24T12:00:01.000Z');
    // The embargo-end job moves the item to the end of the polling order when it runs.
    await createJobRunner({ database: database(), clock: () => context.clock(), handlers: workflowJobHandlers(context) }).runDueJobs();
    const lapsed = await pollAll(apiKey, seen.next!);
    assert.deepEqual(lapsed.items.map((i) => [i.uri, i.pubStatus, i.embargoedUntil]), [[`${WIRE}${embargoed}-ru`, 'usable', undefined]], 'the end of an embargo is a change to poll');
  });

  test('translations appear as associations in the languages the subscriber receives', async () => {
    setNow('2026-11-25T09:00:00.000Z');
    const both = await newSubscriber({ name: 'Bilingual', languages: ['ru', 'en'] });
    const ruOnly = await newSubscriber({ name: 'Russian only', languages: ['ru'] });
    const storyId = await publishedStory('Potash', { languages: ['ru'] });
    await startTranslation(context, { actor: editor, storyId, fromLanguage: 'ru', toLanguage: 'en' });
    await publishVersion(context, { actor: editor, storyId, language: 'en' });
    const item = (await wire(both.apiKey, `/api/wire/items/${storyId}-ru`)).json();
    assert.deepEqual(item.associations, [{ name: 'Potash ru', rel: 'translation', uri: `${WIRE}${storyId}-en`, type: 'text', language: 'en', pubStatus: 'usable' }]);
    const english = (await wire(both.apiKey, `/api/wire/items/${storyId}-en`)).json();
    assert.deepEqual([english.language, english.associations[0].language], ['en', 'ru']);
    assert.equal((await wire(ruOnly.apiKey, `/api/wire/items/${storyId}-ru`)).json().associations, undefined);
  });

  test('NewsML-G2: the same item by .xml or by Accept, with what the ninjs item says', async () => {
    setNow('2026-11-28T09:00:00.000Z');
    const { apiKey } = await newSubscriber({ name: 'XML shop', languages: ['ru'] });
    const storyId = await publishedStory('Tractors & «combines»');
    const byAccept = await app.inject({ method: 'GET', url: `/api/wire/items/${storyId}-ru`, headers: { authorization: `Bearer ${apiKey}`, accept: 'application/vnd.iptc.g2.newsitem+xml' } });
    const bySuffix = await wire(apiKey, `/api/wire/items/${storyId}-ru.xml`);
    assert.equal(byAccept.body, bySuffix.body);
    assert.match(bySuffix.body, /<headline>Tractors &amp; «combines» ru<\/headline>/);
    assert.match(bySuffix.body, /<subject type="cpnat:abstract" qcode="medtop:04000000"><name>economy, business and finance<\/name><\/subject>/);
    assert.match(bySuffix.body, /<inlineData contenttype="text\/html">&lt;p&gt;Body of Tractors &amp;amp; «combines» &amp;amp; «quotes».&lt;\/p&gt;/);
    assert.equal(newsmlErrors([bySuffix.body]), '');
    const other = await wire(apiKey, '/api/wire/items/999999-ru.xml');
    assert.deepEqual([other.statusCode, other.json().error.code], [404, 'wire_item_not_found']);
  });

  test('a language outside the subscription is 403; unknown ids 404; malformed cursor, date or limit 400', async () => {
    const { apiKey } = await newSubscriber({ name: 'Narrow', languages: ['ru'] });
    for (const url of ['/api/wire/items?language=en', '/api/wire/items?language=ru,en', '/api/wire/items/1-en', '/api/wire/items/1-en/versions']) {
      const response = await wire(apiKey, url);
      assert.deepEqual([response.statusCode, response.json().error.code], [403, 'wire_language_forbidden'], url);
    }
    const cases: Array<[string, number, string]> = [
      ['/api/wire/items?language=de', 400, 'language_unknown'],
      ['/api/wire/items?since=garbage!', 400, 'wire_cursor_invalid'],
      ['/api/wire/items?since=WzEsMl0', 400, 'wire_cursor_invalid'],
      [`/api/wire/items?since=${Buffer.from('["2026-13-45T99:00:00.000Z",1]').toString('base64url')}`, 400, 'wire_cursor_invalid'],
      ['/api/wire/items?from=yesterday', 400, 'invalid_input'],
      ['/api/wire/items?from=2026-11-23', 400, 'invalid_input'],
      ['/api/wire/items?limit=0', 400, 'invalid_input'],
      ['/api/wire/items?limit=101', 400, 'invalid_input'],
      ['/api/wire/items?limit=1&limit=2', 400, 'invalid_input'],
      ['/api/wire/items/999999-ru', 404, 'wire_item_not_found'],
      ['/api/wire/items/abc', 404, 'wire_item_not_found'],
      ['/api/wire/items/1-xx', 404, 'wire_item_not_found'],
    ];
    for (const [url, status, code] of cases) {
      const response = await wire(apiKey, url);
      assert.deepEqual([response.statusCode, response.json().error.code], [status, code], url);
    }
    const fromDate = await wire(apiKey, '/api/wire/items?from=2026-11-25T12:00:00%2B03:00');
    assert.equal(fromDate.statusCode, 200);
    assert.ok(fromDate.json().items.every((i: { versionCreated: string }) => i.versionCreated >= '2026-11-25T09:00:00.000Z'));
  });

  test('each key has its own rate limit: over it, 429 with Retry-After; other keys go on', async () => {
    setNow('2026-11-26T09:00:10.000Z');
    const slow = await newSubscriber({ name: 'Slow', languages: ['ru'], ratePerMinute: 3 });
    const other = await newSubscriber({ name: 'Other', languages: ['ru'], ratePerMinute: 3 });
    for (let i = 0; i < 3; i++) assert.equal((await wire(slow.apiKey, '/api/wire/items')).statusCode, 200);
    const limited = await wire(slow.apiKey, '/api/wire/items');
    assert.deepEqual([limited.statusCode, limited.json().error.code, limited.headers['retry-after']], [429, 'wire_rate_limited', '60']);
    assert.equal((await wire(other.apiKey, '/api/wire/items')).statusCode, 200);
    advance(60_000);
    assert.equal((await wire(slow.apiKey, '/api/wire/items')).statusCode, 200, 'a new minute, a new allowance');
  });

  // Both standards take a date-time with its offset (RFC 3339 in ninjs, xs:dateTime in NewsML-G2) and
  // name no local time: the wire says every time in UTC, with Z, the same in both formats.
  const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
  const NEWSML_TIMES = /<(versionCreated|firstCreated|contentCreated|embargoed)>([^<]*)</g;

  test('every item the wire produces, in every state, validates against the official ninjs 3.1 schema', async () => {
    setNow('2026-11-27T09:00:00.000Z');
    const { apiKey } = await newSubscriber({ name: 'Validator', languages: ['ru', 'en', 'be'], ratePerMinute: 100_000 });
    const keys = ['politics', 'society', 'sport', 'culture', 'world', 'unmapped-rubric'];
    const rubricIds = [economy, regions];
    for (const key of keys) rubricIds.push((await createRubric(context, { key, names: { ru: `${key} ру`, en: key, be: `${key} бе` } })).id);
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let i = 0; i < 30; i++) {
      advance(61_000);
      const languages = [['ru'], ['ru', 'en'], ['ru', 'en', 'be'], ['be']][random(4)]!;
      const storyId = await publishedStory(`Story ${i} "quoted" <b>`, { rubricId: rubricIds[random(rubricIds.length)]!, languages, urgency: 1 + random(5) });
      const language = languages[0]!;
      const fate = random(5);
      if (fate === 1 || fate === 4) await correctVersion(context, { actor: editor, storyId, language, note: `Fixed ${i}` });
      if (fate === 2) await killVersion(context, { actor: editor, storyId, language, reason: 'Test' });
      if (fate === 3) await setEmbargo(context, { actor: editor, storyId, until: new Date(context.clock().getTime() + 3_600_000 * (1 + random(3))).toISOString() });
      if (fate === 4) await correctVersion(context, { actor: editor, storyId, language, note: `Fixed again ${i}` });
    }
    const { items } = await pollAll(apiKey);
    assert.ok(items.length >= 30, `many items (${items.length})`);
    const statuses = new Set(items.map((i) => i.pubStatus));
    assert.deepEqual([...statuses].sort(), ['canceled', 'usable', 'withheld']);
    const xml: string[] = [];
    for (const item of items) {
      assert.deepEqual(ninjsErrors(item), [], String(item.uri));
      const id = String(item.uri).slice(WIRE.length);
      const one = (await wire(apiKey, `/api/wire/items/${id}`)).json();
      assert.deepEqual(ninjsErrors(one), [], id);
      assert.deepEqual(one, item, 'the same item by id as in the list');
      const versions = (await wire(apiKey, `/api/wire/items/${id}/versions`)).json();
      assert.deepEqual(ninjsErrors(versions.current), []);
      assert.equal(versions.versions.at(-1).version, item.version);
      const newsml = await wire(apiKey, `/api/wire/items/${id}.xml`);
      assert.match(String(newsml.headers['content-type']), /^application\/vnd\.iptc\.g2\.newsitem\+xml/);
      assert.ok(newsml.body.includes(`guid="${item.uri}" version="${item.version}"`) && newsml.body.includes(`<pubStatus qcode="stat:${item.pubStatus}"/>`));
      for (const field of ['firstCreated', 'versionCreated', 'contentCreated', 'embargoedUntil']) {
        if (field in item) assert.match(String(item[field]), UTC_INSTANT, `${id} ${field}`);
      }
      const times = [...newsml.body.matchAll(NEWSML_TIMES)];
      assert.ok(times.length >= 3);
      for (const [, element, value] of times) {
        assert.match(value!, UTC_INSTANT, `${id} <${element}>`);
        assert.equal(value, item[element === 'embargoed' ? 'embargoedUntil' : element!], `<${element}> says what the ninjs item says`);
      }
      xml.push(newsml.body);
    }
    assert.equal(newsmlErrors(xml), '', 'every NewsML-G2 item is valid against IPTC\'s XSD');
    assert.notEqual(newsmlErrors([xml[0]!.replace('<itemClass qcode="ninat:text"/>', '')]), '', 'xmllint does refuse a broken item');
    assert.ok(ninjsErrors({ ...items[0], pubStatus: 'killed' }).length > 0, 'the validator does refuse a wrong item');
  });
});
