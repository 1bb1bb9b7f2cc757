// The permission table: every route under /newsroom and /api/newsroom, called by anonymous, by
// each role and by a user who must still change a one-time password, with the status each must
// get. The routes come from the app's onRoute hook, so a route added without a row here fails
// this test. Every state-changing route is also called without the CSRF token, and must refuse.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { describeEachDatabase } from '../../testing/databases.ts';
import { buildTestApp } from '../../testing/app.ts';
import { asUser, NEWSROOM_ORIGIN, setCookie, userWithSession, type TestSession } from '../../testing/newsroom.ts';
import { startSession } from '../sessions/start-session.ts';
import type { Database } from '../../db/database.ts';
import { ROLES } from '../roles.ts';
import { createSubscriber } from '../../publishing/index.ts';
import { createRubric, createTag } from '../../content/index.ts';

const WHO = ['anonymous', ...ROLES, 'pending'] as const;
type Who = (typeof WHO)[number];

/** anonymous, reporter, translator, editor, chief_editor, pending (one-time password not changed yet). */
type Statuses = [number, number, number, number, number, number];

interface Row {
  route: string;
  expect: Statuses;
  /** The concrete request; `n` makes logins and bodies unique per call. */
  request?: (ctx: { who: Who; n: number; session: TestSession | undefined; bystanderId: number; app: FastifyInstance; database: Database }) => Promise<Request> | Request;
}

/** The request's options, and the password it sets when it succeeds. */
type Request = Partial<InjectOptions> & { newPassword?: string };

const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

const ANON_PAGE = 303; // to the login form
const TABLE: Row[] = [
  { route: 'GET /newsroom/login', expect: [200, 303, 303, 303, 303, 303] },
  {
    route: 'POST /newsroom/login',
    expect: [401, 401, 401, 401, 401, 401],
    request: async ({ n, session, app }) => {
      if (session) return form({ login: `nobody-${n}`, password: 'not a password', _csrf: session.csrfToken });
      const page = await app.inject({ method: 'GET', url: '/newsroom/login' });
      const cookie = setCookie(page, 'dispatch_login_csrf')!.split(';')[0]!;
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
      const body = form({ login: `nobody-${n}`, password: 'not a password', _csrf: token });
      return { ...body, headers: { ...body.headers, cookie } };
    },
  },
  { route: 'POST /newsroom/logout', expect: [303, 303, 303, 303, 303, 303] },
  { route: 'GET /newsroom', expect: [ANON_PAGE, 200, 200, 200, 200, 303] },
  { route: 'GET /newsroom/password', expect: [ANON_PAGE, 200, 200, 200, 200, 200] },
  {
    route: 'POST /newsroom/password',
    expect: [ANON_PAGE, 303, 303, 303, 303, 303],
    request: ({ session, n }) => {
      const fresh = `evening tide number ${n}`;
      return { ...form({ currentPassword: session?.password ?? 'x', newPassword: fresh, repeatPassword: fresh, _csrf: session?.csrfToken ?? '' }), newPassword: fresh };
    },
  },
  { route: 'POST /newsroom/logout-everywhere', expect: [ANON_PAGE, 303, 303, 303, 303, 303] },
  { route: 'GET /api/newsroom/me', expect: [401, 200, 200, 200, 200, 200] },
  { route: 'PATCH /api/newsroom/me', expect: [401, 200, 200, 200, 200, 403], request: () => ({ payload: { language: 'ru' } }) },
  {
    route: 'POST /api/newsroom/me/password',
    expect: [401, 200, 200, 200, 200, 200],
    request: ({ session, n }) => ({ payload: { currentPassword: session?.password ?? 'x', newPassword: `morning fog number ${n}` }, newPassword: `morning fog number ${n}` }),
  },
  { route: 'POST /api/newsroom/me/logout-everywhere', expect: [401, 200, 200, 200, 200, 200] },
  { route: 'GET /api/newsroom/users', expect: [401, 403, 403, 403, 200, 403] },
  {
    route: 'POST /api/newsroom/users',
    expect: [401, 403, 403, 403, 201, 403],
    request: ({ n }) => ({ payload: { login: `new-${n}`, name: 'New Colleague', role: 'reporter' } }),
  },
  { route: 'PATCH /api/newsroom/users/:id', expect: [401, 403, 403, 403, 200, 403], request: () => ({ payload: { name: 'Renamed Bystander' } }) },
  { route: 'POST /api/newsroom/users/:id/reset-password', expect: [401, 403, 403, 403, 200, 403] },
  { route: 'GET /api/newsroom/media', expect: [401, 200, 200, 200, 200, 403] },
  // No image has the bystander's id: past the permission check, every role finds nothing.
  { route: 'GET /api/newsroom/media/:id', expect: [401, 404, 404, 404, 404, 403] },
  { route: 'PATCH /api/newsroom/media/:id', expect: [401, 404, 404, 404, 404, 403], request: () => ({ payload: { credit: 'BelTA' } }) },
  // A JSON body is not an upload: past the permission check, every role gets 400.
  { route: 'POST /api/newsroom/media', expect: [401, 400, 400, 400, 400, 403], request: () => ({ payload: { file: 'not multipart' } }) },
  // The newsroom app and its stories API (src/newsroom/editor/). Story routes are called on a story
  // that does not exist: past the gate every role gets the 404; the rights on a real story (own
  // stories, transitions) are the workflow's and are tested in story-api.test.ts.
  { route: 'GET /newsroom/app', expect: [ANON_PAGE, 200, 200, 200, 200, 303] },
  { route: 'GET /newsroom/app/*', expect: [ANON_PAGE, 200, 200, 200, 200, 303], request: () => ({ url: '/newsroom/app/stories/1/en' }) },
  { route: 'GET /newsroom/app/assets/:file', expect: [404, 404, 404, 404, 404, 404], request: () => ({ url: '/newsroom/app/assets/none.js' }) },
  { route: 'GET /newsroom/app/preview/:storyId/:language', expect: [ANON_PAGE, 404, 404, 404, 404, 303], request: () => ({ url: '/newsroom/app/preview/999999/en' }) },
  { route: 'GET /api/newsroom/rubrics', expect: [401, 200, 200, 200, 200, 403] },
  { route: 'GET /api/newsroom/stories', expect: [401, 200, 200, 200, 200, 403] },
  { route: 'GET /api/newsroom/tags', expect: [401, 200, 200, 200, 200, 403], request: () => ({ url: '/api/newsroom/tags?language=en&q=e' }) },
  { route: 'GET /api/newsroom/authors', expect: [401, 200, 200, 200, 200, 403] },
  // Archive search: everyone searches; drafts only those who may read every story's text (the
  // statuses each role finds are tested in editor/search-api.test.ts).
  { route: 'GET /api/newsroom/search', expect: [401, 403, 200, 200, 200, 403], request: () => ({ url: '/api/newsroom/search?q=export&status=draft' }) },
  { route: 'POST /api/newsroom/stories', expect: [401, 404, 403, 404, 404, 403], request: () => ({ payload: { rubricId: 999999, language: 'en', headline: 'H', lede: 'L' } }) },
  ...([
    ['GET /api/newsroom/stories/:storyId/:language', '/api/newsroom/stories/999999/en', undefined],
    ['PUT /api/newsroom/stories/:storyId/:language', '/api/newsroom/stories/999999/en', { expectedRevision: 0, fields: { headline: 'H' } }],
    ['PUT /api/newsroom/stories/:storyId/:language/details', '/api/newsroom/stories/999999/en/details', { urgency: 3 }],
    ['PUT /api/newsroom/stories/:storyId/:language/presence', '/api/newsroom/stories/999999/en/presence', undefined],
    ['DELETE /api/newsroom/stories/:storyId/:language/presence', '/api/newsroom/stories/999999/en/presence', undefined],
    ['PUT /api/newsroom/stories/:storyId/:language/autosave', '/api/newsroom/stories/999999/en/autosave', { baseRevision: 0, fields: { headline: 'H' } }],
    ['GET /api/newsroom/stories/:storyId/:language/revisions', '/api/newsroom/stories/999999/en/revisions', undefined],
    ['GET /api/newsroom/stories/:storyId/:language/revisions/:revision', '/api/newsroom/stories/999999/en/revisions/0', undefined],
    ['GET /api/newsroom/stories/:storyId/:language/diff', '/api/newsroom/stories/999999/en/diff?from=0&to=1', undefined],
    ['POST /api/newsroom/stories/:storyId/:language/revisions/:revision/restore', '/api/newsroom/stories/999999/en/revisions/0/restore', { expectedRevision: 0 }],
    ['POST /api/newsroom/stories/:storyId/:language/actions/:action', '/api/newsroom/stories/999999/en/actions/submit', {}],
    ['POST /api/newsroom/stories/:storyId/:language/updates', '/api/newsroom/stories/999999/en/updates', {}],
    ['POST /api/newsroom/stories/:storyId/translations', '/api/newsroom/stories/999999/translations', { from: 'en', to: 'ru' }],
    ['PUT /api/newsroom/stories/:storyId/embargo', '/api/newsroom/stories/999999/embargo', { until: '2030-01-01T00:00:00Z' }],
  ] as const).map(([route, url, payload]): Row => ({
    route, expect: [401, 404, 404, 404, 404, 403], request: () => ({ url, ...(payload === undefined ? {} : { payload }) }),
  })),
  { route: 'GET /api/newsroom/subscribers', expect: [401, 403, 403, 403, 200, 403] },
  {
    route: 'POST /api/newsroom/subscribers',
    expect: [401, 403, 403, 403, 201, 403],
    request: ({ n }) => ({ payload: { name: `Subscriber ${n}`, languages: ['ru'] } }),
  },
  { route: 'PATCH /api/newsroom/subscribers/:id', expect: [401, 403, 403, 403, 200, 403], request: () => ({ payload: { name: 'Renamed Subscriber' } }) },
  { route: 'POST /api/newsroom/subscribers/:id/rotate-key', expect: [401, 403, 403, 403, 200, 403] },
  { route: 'GET /api/newsroom/subscribers/:id/deliveries', expect: [401, 403, 403, 403, 200, 403] },
  { route: 'POST /api/newsroom/subscribers/:id/revoke', expect: [401, 403, 403, 403, 200, 403] },
  // No delivery has this id: past the permission check, the chief editor finds nothing.
  { route: 'POST /api/newsroom/subscribers/:id/deliveries/:deliveryId/retry', expect: [401, 403, 403, 403, 404, 403], request: () => ({ url: '/api/newsroom/subscribers/1/deliveries/none/retry' }) },
  // Administration (src/newsroom/admin/): rubrics and tags for editors, settings and the audit log for chief editors.
  { route: 'POST /api/newsroom/rubrics', expect: [401, 403, 403, 201, 201, 403], request: ({ n }) => ({ payload: { key: `rubric-${n}`, names: { en: `Rubric ${n}` } } }) },
  { route: 'PATCH /api/newsroom/rubrics/:id', expect: [401, 403, 403, 200, 200, 403], request: ({ n }) => ({ payload: { names: { en: `Bystander rubric ${n}` } } }) },
  {
    route: 'PUT /api/newsroom/rubrics/order',
    expect: [401, 403, 403, 200, 200, 403],
    request: async ({ database }) => ({ payload: { order: (await database.db.selectFrom('rubrics').select('id').orderBy('id', 'desc').execute()).map((r) => r.id) } }),
  },
  { route: 'GET /api/newsroom/tags/all', expect: [401, 403, 403, 200, 200, 403], request: () => ({ url: '/api/newsroom/tags/all?q=by' }) },
  { route: 'POST /api/newsroom/tags', expect: [401, 403, 403, 201, 201, 403], request: ({ n }) => ({ payload: { key: `tag-${n}`, names: { en: `Tag ${n}` } } }) },
  { route: 'PATCH /api/newsroom/tags/:id', expect: [401, 403, 403, 200, 200, 403], request: ({ n }) => ({ payload: { names: { en: `Bystander tag ${n}` } } }) },
  {
    route: 'POST /api/newsroom/tags/:id/merge',
    expect: [401, 403, 403, 200, 200, 403],
    request: async ({ n, database }) => {
      const context = { database, languages: ['ru', 'en', 'be'], clock: () => new Date() };
      const from = await createTag(context, { key: `merged-${n}`, names: { en: `Merged ${n}` } });
      return { url: `/api/newsroom/tags/${from.id}/merge`, payload: { into: ids.tagId } };
    },
  },
  { route: 'GET /api/newsroom/settings', expect: [401, 403, 403, 403, 200, 403] },
  { route: 'PATCH /api/newsroom/settings', expect: [401, 403, 403, 403, 200, 403], request: () => ({ payload: { timeZone: 'Europe/Minsk' } }) },
  { route: 'GET /api/newsroom/audit', expect: [401, 403, 403, 403, 200, 403], request: () => ({ url: '/api/newsroom/audit?action=rubric.create' }) },
];

/** The ids of the bystander rubric and tag, created in the set-up. */
const ids = { rubricId: 0, tagId: 0 };

/** `:id` in a row's route: the bystander user, or for subscriber routes the bystander subscriber. */
const idFor = (route: string, people: { bystanderId: number; subscriberId: number }) =>
  String(route.includes('/subscribers/') ? people.subscriberId : route.includes('/rubrics/') ? ids.rubricId : route.includes('/tags/') ? ids.tagId : people.bystanderId);

const isNewsroomRoute = (url: string) => url === '/newsroom' || url.startsWith('/newsroom/') || url.startsWith('/api/newsroom');
const newsroomRoutes = (routes: Array<{ method: string; url: string }>) =>
  routes.filter((r) => r.method !== 'HEAD' && isNewsroomRoute(r.url)).map((r) => `${r.method} ${r.url}`);
const withoutRow = (registered: string[]) => registered.filter((route) => !TABLE.some((row) => row.route === route));
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describeEachDatabase('newsroom permissions', ({ database }) => {
  let app: FastifyInstance;
  let registered: string[];
  const users = new Map<Who, TestSession>();
  let bystanderId = 0;
  let subscriberId = 0;

  async function freshSession(db: Database, who: Who): Promise<TestSession | undefined> {
    const user = users.get(who);
    if (!user) return undefined;
    // Rows before may have changed the pending user's password: it is one-time again for each call.
    if (who === 'pending') await db.db.updateTable('users').set({ must_change_password: 1 }).where('id', '=', user.userId).execute();
    const session = await startSession({ db: db.db, userId: user.userId, userAgent: 'test', ip: '127.0.0.1', now: new Date(), sessions: { maxHours: 12 } });
    // The password may have been changed by an earlier row; read it back from what we set.
    return { ...user, cookie: `dispatch_session=${session.token}`, csrfToken: session.csrfToken };
  }

  test('set up: one user per role, one with a one-time password, and a bystander', async () => {
    const built = await buildTestApp(database());
    app = built.app;
    registered = newsroomRoutes(built.routes);
    for (const role of ROLES) users.set(role, await userWithSession(database(), { login: `as-${role.replace('_', '-')}`, role }));
    users.set('pending', await userWithSession(database(), { login: 'as-pending', role: 'reporter', mustChangePassword: true }));
    bystanderId = (await userWithSession(database(), { login: 'bystander', role: 'editor' })).userId;
    subscriberId = (await createSubscriber({ db: database().db, fields: { name: 'Bystander Media', languages: ['ru'] }, now: new Date() })).subscriber.id;
    const context = { database: database(), languages: ['ru', 'en', 'be'], clock: () => new Date() };
    ids.rubricId = (await createRubric(context, { key: 'bystander-rubric', names: { en: 'Bystander rubric' } })).id;
    ids.tagId = (await createTag(context, { key: 'bystander-tag', names: { en: 'Bystander tag' } })).id;
  });

  test('the table lists exactly the registered newsroom routes', () => {
    const listed = TABLE.map((row) => row.route);
    assert.deepEqual(withoutRow(registered), [], 'routes without a row in the permission table');
    assert.deepEqual(listed.filter((route) => !registered.includes(route)), [], 'rows for routes that do not exist');
    assert.equal(new Set(listed).size, listed.length, 'each route once');
  });

  test('a route added under /newsroom or /api/newsroom by any domain, without a row, is caught', async () => {
    const other = await buildTestApp(database());
    other.app.get('/api/newsroom/unlisted-example', async () => ({ stories: [] }));
    other.app.post('/newsroom/desk', async () => 'ok');
    other.app.get('/en/not-newsroom/', async () => 'ok');
    assert.deepEqual(withoutRow(newsroomRoutes(other.routes)), ['GET /api/newsroom/unlisted-example', 'POST /newsroom/desk']);
    await other.app.close();
  });

  let n = 0;
  for (const row of TABLE) {
    test(`${row.route}: ${WHO.map((who, i) => `${who} ${row.expect[i]}`).join(', ')}`, async () => {
      const [method, pattern] = row.route.split(' ') as [InjectOptions['method'] & string, string];
      for (const [index, who] of WHO.entries()) {
        n++;
        const session = await freshSession(database(), who);
        const { newPassword, ...extra } = (await row.request?.({ who, n, session, bystanderId, app, database: database() })) ?? {};
        const url = pattern.replace(':id', idFor(row.route, { bystanderId, subscriberId }));
        const headers = { origin: NEWSROOM_ORIGIN, ...(extra.headers as Record<string, string> | undefined) };
        const response = await asUser(app, session, { method, url, ...extra, headers });
        assert.equal(response.statusCode, row.expect[index], `${row.route} as ${who}: ${response.body.slice(0, 300)}`);
        if (newPassword && session && response.statusCode < 400) users.get(who)!.password = newPassword;
        if (response.statusCode === 401 && url.startsWith('/api/')) assert.equal(response.json().error.code, 'unauthenticated');
        if (response.statusCode === 403 && url.startsWith('/api/')) {
          assert.equal(response.json().error.code, who === 'pending' ? 'password_change_required' : 'forbidden');
        }
        if (who === 'anonymous' && row.expect[index] === ANON_PAGE && !row.route.includes('logout') && row.route !== 'GET /newsroom/login') {
          assert.match(response.headers.location as string, /^\/newsroom\/login/);
        }
      }
    });
  }

  test('every state-changing route refuses a logged-in user without the CSRF token or from another site', async () => {
    for (const row of TABLE) {
      const [method, pattern] = row.route.split(' ') as [InjectOptions['method'] & string, string];
      if (!UNSAFE.has(method)) continue;
      const url = pattern.replace(':id', idFor(row.route, { bystanderId, subscriberId }));
      for (const who of ROLES) {
        const session = (await freshSession(database(), who))!;
        const noToken = await app.inject({ method, url, headers: { cookie: session.cookie, 'content-type': 'application/json' }, payload: '{}' });
        assert.equal(noToken.statusCode, 403, `${row.route} as ${who} without a token`);
        const crossSite = await app.inject({
          method, url, payload: '{}',
          headers: { cookie: session.cookie, 'content-type': 'application/json', 'x-csrf-token': session.csrfToken, origin: 'https://evil.example' },
        });
        assert.equal(crossSite.statusCode, 403, `${row.route} as ${who} from another origin`);
        for (const response of [noToken, crossSite]) {
          if (url.startsWith('/api/')) assert.equal(response.json().error.code, 'csrf_rejected');
          else assert.match(response.body, /This form has expired or was sent from another site|Форма устарела или отправлена с другого сайта/);
        }
      }
    }
  });
});
