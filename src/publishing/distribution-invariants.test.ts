// The property-style test of distribution, on SQLite and PostgreSQL: seeded random publishing,
// correcting, embargoing, unpublishing, republishing and killing of stories, and after every step
// a look at every public output — story pages, homes, rubric and tag pages, every feed format of
// the language, rubric and tag, the sitemap index and each file it names, the Google News
// sitemaps, the search page, the content API — and at the wire (ninjs list and items, NewsML-G2).
// Nothing killed, unpublished, embargoed or still a draft may show; what is visible must show with
// its latest corrected headline, and an earlier headline never. The seed is printed; set
// DISPATCH_SEED to replay a run.

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../testing/databases.ts';
import { buildTestApp } from '../testing/app.ts';
import { newsmlErrors } from '../testing/xmllint.ts';
import { createRubric, createStory, createTag, documentFromText } from '../content/index.ts';
import { correctVersion, killVersion, publishVersion, republishVersion, setEmbargo, unpublishVersion } from '../newsroom/index.ts';
import { addTestUser, movableWorkflowContext } from '../newsroom/workflow/workflow-fixtures.ts';
import { createSubscriber } from './wire/subscribers.ts';

const LANGUAGES = ['ru', 'en'] as const;
const FEEDS = ['rss.xml', 'atom.xml', 'feed.json', 'yandex.xml'];
const STEPS = 18;
const MAX_STORIES = 7;
const COMMON_WORD = 'dispatchcheck';

type Status = 'draft' | 'published' | 'unpublished' | 'killed';

interface ModelVersion {
  storyId: number;
  key: number;
  language: string;
  status: Status;
  /** Every headline the version had, the current one last. */
  headlines: string[];
}

interface ModelStory { key: number; id: number; tagged: boolean; embargoUntil: number | undefined; versions: ModelVersion[] }

/** mulberry32: a small seeded generator, so a failing run can be replayed from its seed. */
function seededRandom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

describeEachDatabase('distribution never shows what it must not', ({ database }) => {
  const { context, advance } = movableWorkflowContext(database, '2026-07-27T08:00:00.000Z');
  let app: FastifyInstance;
  let editor: Awaited<ReturnType<typeof addTestUser>>;
  let rubricId: number;
  let tagId: number;
  let apiKey: string;
  const rubricSlug: Record<string, string> = {};
  const tagSlug: Record<string, string> = {};

  before(async () => {
    editor = await addTestUser(database(), 'editor');
    const rubric = await createRubric(context, { key: 'economics', names: { ru: 'Экономика', en: 'Economy', be: 'Эканоміка' } });
    const tag = await createTag(context, { key: 'energy', names: { ru: 'Энергетика', en: 'Energy' } });
    rubricId = rubric.id;
    tagId = tag.id;
    for (const language of LANGUAGES) {
      rubricSlug[language] = rubric.names[language]!.slug;
      tagSlug[language] = tag.names[language]!.slug;
    }
    apiKey = (await createSubscriber({ db: database().db, fields: { name: 'Everything', languages: [...LANGUAGES], ratePerMinute: 1_000_000 }, now: context.clock() })).apiKey;
    app = (await buildTestApp(database(), () => context.clock())).app;
  });

  const get = async (url: string, headers: Record<string, string> = {}) => {
    const response = await app.inject({ method: 'GET', url, headers });
    return { status: response.statusCode, body: response.body };
  };
  const wire = (url: string) => get(url, { authorization: `Bearer ${apiKey}` });
  const headlineOf = (story: ModelStory, language: string, n: number) => `${COMMON_WORD} Qk${story.key}${language}V${n}Z`;
  /** The part of a headline that names its story, language and version (search highlights the common word). */
  const markerOf = (headline: string) => headline.slice(COMMON_WORD.length + 1);

  test('random publishing, corrections, embargoes, take-downs and kills never leak', async (t) => {
    const seed = Number(process.env.DISPATCH_SEED ?? Date.now() % 1_000_000);
    t.diagnostic(`seed ${seed} (DISPATCH_SEED=${seed} replays this run)`);
    const random = seededRandom(seed);
    const stories: ModelStory[] = [];
    const now = () => context.clock().getTime();
    const isEmbargoed = (story: ModelStory) => story.embargoUntil !== undefined && story.embargoUntil > now();
    const isVisible = (story: ModelStory, version: ModelVersion) => version.status === 'published' && !isEmbargoed(story);
    const versions = () => stories.flatMap((story) => story.versions.map((version) => ({ story, version })));
    const pick = <T>(list: T[]): T | undefined => (list.length === 0 ? undefined : list[random(list.length)]);
    const newsml: string[] = [];

    async function createOne(): Promise<string> {
      const key = stories.length + 1;
      const languages = random(2) === 0 ? ['ru'] : ['ru', 'en'];
      const tagged = random(2) === 0;
      const shell: ModelStory = { key, id: 0, tagged, embargoUntil: undefined, versions: [] };
      const { id } = await createStory(context, {
        rubricId, createdBy: editor.userId, ...(tagged ? { tagIds: [tagId] } : {}),
        versions: languages.map((language) => ({ language, headline: headlineOf(shell, language, 1), lede: `Lede ${key}.`, body: documentFromText([`Body of story ${key}.`]) })),
      });
      shell.id = id;
      shell.versions = languages.map((language) => ({ storyId: id, key, language, status: 'draft', headlines: [headlineOf(shell, language, 1)] }));
      stories.push(shell);
      const publishNow = random(3) !== 0;
      if (publishNow) for (const version of shell.versions) await publishOne(shell, version);
      return `create story ${key} (${languages.join('+')}${tagged ? ', tagged' : ''}${publishNow ? ', published' : ', draft'})`;
    }

    async function publishOne(story: ModelStory, version: ModelVersion): Promise<void> {
      await publishVersion(context, { actor: editor, storyId: story.id, language: version.language });
      version.status = 'published';
    }

    async function step(): Promise<string> {
      const onSite = versions().filter(({ version }) => version.status === 'published');
      const choice = random(8);
      if (choice === 0 && stories.length < MAX_STORIES) return createOne();
      if (choice === 1) {
        const draft = pick(versions().filter(({ version }) => version.status === 'draft'));
        if (draft) { await publishOne(draft.story, draft.version); return `publish ${draft.story.key}/${draft.version.language}`; }
      }
      if (choice === 2) {
        const target = pick(onSite);
        if (target) {
          const headline = headlineOf(target.story, target.version.language, target.version.headlines.length + 1);
          await correctVersion(context, { actor: editor, storyId: target.story.id, language: target.version.language, note: 'Corrected.', fields: { headline } });
          target.version.headlines.push(headline);
          return `correct ${target.story.key}/${target.version.language}`;
        }
      }
      if (choice === 3) {
        const target = pick(stories.filter((story) => !isEmbargoed(story)));
        if (target) {
          const until = now() + (1 + random(3)) * 10 * 60_000;
          await setEmbargo(context, { actor: editor, storyId: target.id, until: new Date(until).toISOString() });
          target.embargoUntil = until;
          return `embargo ${target.key} for ${(until - now()) / 60_000} min`;
        }
      }
      if (choice === 4) {
        const target = pick(onSite);
        if (target) { await unpublishVersion(context, { actor: editor, storyId: target.story.id, language: target.version.language }); target.version.status = 'unpublished'; return `unpublish ${target.story.key}/${target.version.language}`; }
      }
      if (choice === 5) {
        const target = pick(versions().filter(({ version }) => version.status === 'unpublished'));
        if (target) { await republishVersion(context, { actor: editor, storyId: target.story.id, language: target.version.language }); target.version.status = 'published'; return `republish ${target.story.key}/${target.version.language}`; }
      }
      if (choice === 6) {
        const target = pick(versions().filter(({ version }) => version.status === 'published' || version.status === 'unpublished'));
        if (target) { await killVersion(context, { actor: editor, storyId: target.story.id, language: target.version.language, reason: 'Legal' }); target.version.status = 'killed'; return `kill ${target.story.key}/${target.version.language}`; }
      }
      return stories.length < MAX_STORIES ? createOne() : 'wait';
    }

    /** Every public output, by address, for the step's checks. */
    async function publicOutputs(): Promise<Map<string, string>> {
      const outputs = new Map<string, string>();
      const fetchInto = async (url: string) => {
        const answer = await get(url);
        assert.equal(answer.status, 200, `${url} answers`);
        outputs.set(url, answer.body);
        return answer.body;
      };
      for (const language of LANGUAGES) {
        await fetchInto(`/${language}/`);
        await fetchInto(`/${language}/${rubricSlug[language]}/`);
        await fetchInto(`/${language}/tags/${tagSlug[language]}/`);
        for (const feed of FEEDS) {
          await fetchInto(`/${language}/${feed}`);
          await fetchInto(`/${language}/${rubricSlug[language]}/${feed}`);
          await fetchInto(`/${language}/tags/${tagSlug[language]}/${feed}`);
        }
        await fetchInto(`/${language}/search?q=${COMMON_WORD}`);
        await fetchInto(`/api/v1/stories?language=${language}&limit=50`);
      }
      const index = await fetchInto('/sitemap.xml');
      for (const [, loc] of index.matchAll(/<loc>https:\/\/news\.example\.by([^<]+)<\/loc>/g)) await fetchInto(loc!);
      return outputs;
    }

    const storyPage = async (story: ModelStory, version: ModelVersion) => {
      const rows = await database().db.selectFrom('story_versions').select('slug').where('story_id', '=', story.id).where('language', '=', version.language).executeTakeFirstOrThrow();
      return { path: `/${version.language}/${rubricSlug[version.language]}/${story.id}-${rows.slug}`, idPath: `/${version.language}/${rubricSlug[version.language]}/${story.id}-` };
    };

    async function check(label: string): Promise<void> {
      const outputs = await publicOutputs();
      const everything = [...outputs.values()].join('\n');
      const listed = (url: string) => outputs.get(url) ?? '';
      const sitemapFiles = [...outputs.entries()].filter(([url]) => url.startsWith('/sitemaps/'));
      const { items } = JSON.parse((await wire('/api/wire/items?limit=100')).body) as { items: Array<Record<string, unknown>> };
      const wireItems = new Map(items.map((item) => [String(item.uri), item]));
      for (const { story, version } of versions()) {
        const where = `${label}: story ${story.key}/${version.language} (${version.status}${isEmbargoed(story) ? ', embargoed' : ''})`;
        const currentHeadline = version.headlines.at(-1)!;
        const current = markerOf(currentHeadline);
        const earlier = version.headlines.slice(0, -1).map(markerOf);
        for (const old of earlier) assert.ok(!everything.includes(old), `${where}: an earlier headline ${old} shows`);
        const { path, idPath } = await storyPage(story, version);
        const page = await get(path);
        const { language } = version;
        const inSitemap = sitemapFiles.some(([url, body]) => url.includes(`/${language}/`) && !url.includes('news') && body.includes(idPath));
        const item = wireItems.get(`https://news.example.by/api/wire/items/${story.id}-${language}`);
        if (isVisible(story, version)) {
          assert.equal(page.status, 200, `${where}: its page`);
          assert.ok(page.body.includes(current), `${where}: its page shows the latest headline`);
          const expected = [`/${language}/`, `/${language}/${rubricSlug[language]}/`, `/${language}/search?q=${COMMON_WORD}`, `/api/v1/stories?language=${language}&limit=50`,
            ...FEEDS.flatMap((feed) => [`/${language}/${feed}`, `/${language}/${rubricSlug[language]}/${feed}`]),
            ...(story.tagged ? [`/${language}/tags/${tagSlug[language]}/`, ...FEEDS.map((feed) => `/${language}/tags/${tagSlug[language]}/${feed}`)] : []),
            `/sitemaps/${language}/news-1.xml`];
          for (const url of expected) assert.ok(listed(url).includes(current), `${where}: ${url} shows ${current}`);
          assert.ok(inSitemap, `${where}: in its month's sitemap`);
          assert.deepEqual([item?.pubStatus, (item?.headlines as Array<{ value: string }>)[0]!.value, Array.isArray(item?.bodies)], ['usable', currentHeadline, true], `${where}: on the wire`);
        } else {
          for (const marker of version.headlines.map(markerOf)) assert.ok(!everything.includes(marker), `${where}: ${marker} shows in public`);
          assert.ok([404, 410].includes(page.status), `${where}: its page is ${page.status}`);
          assert.ok(!sitemapFiles.some(([, body]) => body.includes(idPath)), `${where}: in a sitemap (or as an alternate)`);
          const api = await get(`/api/v1/stories/${story.id}?language=${language}`);
          assert.ok([404, 410].includes(api.status), `${where}: the content API gives it (${api.status})`);
          if (version.status === 'draft' && version.headlines.length === 1 && !wasEverPublished.has(`${story.id}-${language}`)) {
            assert.equal(item, undefined, `${where}: a draft is not on the wire`);
            assert.equal((await wire(`/api/wire/items/${story.id}-${language}`)).status, 404);
          } else {
            const expectedStatus = version.status === 'killed' ? 'canceled' : 'withheld';
            assert.equal(item?.pubStatus, expectedStatus, `${where}: on the wire`);
            assert.equal(Array.isArray(item?.bodies), version.status === 'published', `${where}: the wire sends the text only of an embargoed story`);
            if (version.status === 'published') assert.equal(item?.embargoedUntil, new Date(story.embargoUntil!).toISOString());
          }
        }
        if (item) {
          const one = JSON.parse((await wire(`/api/wire/items/${story.id}-${language}`)).body) as Record<string, unknown>;
          assert.deepEqual(one, item, `${where}: the item by id is the one in the list`);
          const xml = (await wire(`/api/wire/items/${story.id}-${language}.xml`)).body;
          assert.ok(xml.includes(`<pubStatus qcode="stat:${String(item.pubStatus)}"/>`) && xml.includes(`<headline>${currentHeadline}</headline>`), `${where}: NewsML-G2 says the same`);
          for (const old of earlier) assert.ok(!xml.includes(old), `${where}: NewsML-G2 shows an earlier headline`);
          newsml.push(xml);
        }
      }
    }

    const wasEverPublished = new Set<string>();
    for (let i = 1; i <= STEPS; i++) {
      advance(5 * 60_000);
      const done = await step();
      for (const { story, version } of versions()) if (version.status !== 'draft') wasEverPublished.add(`${story.id}-${version.language}`);
      await check(`seed ${seed}, step ${i} (${done})`);
    }
    assert.ok(stories.length >= 3, 'the run made stories');
    assert.equal(newsmlErrors(newsml.slice(-30)), '', 'the NewsML-G2 items are valid against IPTC\'s XSD');
  });
});
