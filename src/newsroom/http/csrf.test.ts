// CSRF protection, on SQLite and PostgreSQL: the session's token in a header or a form field,
// the Origin and Sec-Fetch-Site checks, the login form's double-submitted token, and the answers
// a refused request gets (JSON for the API, a page for forms).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../testing/databases.ts';
import { buildTestApp } from '../../testing/app.ts';
import { NEWSROOM_ORIGIN, setCookie, userWithSession, type TestSession } from '../../testing/newsroom.ts';

describeEachDatabase('newsroom CSRF', ({ database }) => {
  let app: FastifyInstance;
  let user: TestSession;
  const patchMe = (headers: Record<string, string>, language = 'en') =>
    app.inject({ method: 'PATCH', url: '/api/newsroom/me', headers: { cookie: user.cookie, 'content-type': 'application/json', ...headers }, payload: { language } });

  test('the API takes the session\'s token in x-csrf-token, from our origin or a same-origin fetch', async () => {
    app = (await buildTestApp(database())).app;
    user = await userWithSession(database(), { login: 'anna', role: 'editor' });
    assert.equal((await patchMe({ 'x-csrf-token': user.csrfToken })).statusCode, 200, 'no Origin (a script, curl): the token decides');
    assert.equal((await patchMe({ 'x-csrf-token': user.csrfToken, origin: NEWSROOM_ORIGIN })).statusCode, 200);
    assert.equal((await patchMe({ 'x-csrf-token': user.csrfToken, 'sec-fetch-site': 'same-origin' })).statusCode, 200);
  });

  test('a missing or wrong token, a foreign Origin or a cross-site fetch is 403 csrf_rejected, and nothing changes', async () => {
    const other = await userWithSession(database(), { login: 'olga', role: 'editor' });
    const refused = [
      await patchMe({}, 'ru'),
      await patchMe({ 'x-csrf-token': 'guess' }, 'ru'),
      await patchMe({ 'x-csrf-token': other.csrfToken }, 'ru'),
      await patchMe({ 'x-csrf-token': user.csrfToken, origin: 'https://news.example.by.evil.example' }, 'ru'),
      await patchMe({ 'x-csrf-token': user.csrfToken, origin: 'null' }, 'ru'),
      await patchMe({ 'x-csrf-token': user.csrfToken, 'sec-fetch-site': 'cross-site' }, 'ru'),
      await patchMe({ 'x-csrf-token': user.csrfToken, 'sec-fetch-site': 'same-site' }, 'ru'),
    ];
    for (const response of refused) {
      assert.equal(response.statusCode, 403);
      assert.equal(response.json().error.code, 'csrf_rejected');
      assert.match(response.json().error.message, /cross-site request forgery/);
    }
    const row = await database().db.selectFrom('users').select('language').where('id', '=', user.userId).executeTakeFirstOrThrow();
    assert.equal(row.language, 'en', 'only the accepted requests changed the language');
  });

  test('a form without its _csrf field gets a page that says what to do', async () => {
    const response = await app.inject({
      method: 'POST', url: '/newsroom/logout-everywhere',
      headers: { cookie: user.cookie, 'content-type': 'application/x-www-form-urlencoded', origin: NEWSROOM_ORIGIN },
      payload: '',
    });
    assert.equal(response.statusCode, 403);
    assert.match(response.headers['content-type'] as string, /^text\/html/);
    assert.match(response.body, /<h1>Not allowed<\/h1>/);
    assert.match(response.body, /This form has expired or was sent from another site\. Go back, reload the page and try again\./);
    assert.equal((await app.inject({ method: 'GET', url: '/api/newsroom/me', headers: { cookie: user.cookie } })).statusCode, 200, 'still logged in');
  });

  test('the login form needs its own token, doubled in a cookie', async () => {
    const page = await app.inject({ method: 'GET', url: '/newsroom/login' });
    const cookie = setCookie(page, 'dispatch_login_csrf')!;
    assert.match(cookie, /^dispatch_login_csrf=[A-Za-z0-9_-]{43}; Path=\/newsroom; Max-Age=7200; HttpOnly; SameSite=Strict; Secure$/);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const login = (headers: Record<string, string>, csrf: string) =>
      app.inject({
        method: 'POST', url: '/newsroom/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: new URLSearchParams({ login: 'anna', password: user.password, _csrf: csrf }).toString(),
      });
    assert.equal((await login({}, token)).statusCode, 403, 'no cookie');
    assert.equal((await login({ cookie: cookie.split(';')[0]! }, 'another')).statusCode, 403, 'a token that is not the cookie\'s');
    assert.equal((await login({ cookie: cookie.split(';')[0]!, origin: 'https://evil.example' }, token)).statusCode, 403, 'another origin');
    assert.equal((await login({ cookie: cookie.split(';')[0]!, origin: NEWSROOM_ORIGIN }, token)).statusCode, 303);
  });
});
