// Logging in and out of the newsroom, on SQLite and PostgreSQL: the form, the session cookie's
// flags, the forced password change, no user enumeration, disabled accounts, growing delays
// after failures (429 with Retry-After, kept across a restart), session expiry by the clock,
// logout and logout everywhere, and a password reset ending sessions.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describeEachDatabase } from '../../testing/databases.ts';
import { buildTestApp } from '../../testing/app.ts';
import { asUser, NEWSROOM_ORIGIN, setCookie, userWithSession, type TestSession } from '../../testing/newsroom.ts';
import { addUser, resetPassword } from '../index.ts';
import { updateUser } from '../accounts/update-user.ts';

const START = new Date('2026-12-01T08:00:00.000Z');

interface LoginForm {
  cookie: string;
  csrf: string;
}

async function openLoginForm(app: FastifyInstance, remoteAddress = '127.0.0.1'): Promise<LoginForm> {
  const page = await app.inject({ method: 'GET', url: '/newsroom/login', remoteAddress });
  assert.equal(page.statusCode, 200);
  const cookie = setCookie(page, 'dispatch_login_csrf')!.split(';')[0]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  return { cookie, csrf };
}

async function postLogin(app: FastifyInstance, login: string, password: string, options: { remoteAddress?: string; form?: LoginForm; headers?: Record<string, string> } = {}): Promise<LightMyRequestResponse> {
  const remoteAddress = options.remoteAddress ?? '127.0.0.1';
  const form = options.form ?? (await openLoginForm(app, remoteAddress));
  return app.inject({
    method: 'POST',
    url: '/newsroom/login',
    remoteAddress,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie, origin: NEWSROOM_ORIGIN, ...options.headers },
    payload: new URLSearchParams({ login, password, _csrf: form.csrf }).toString(),
  });
}

function sessionFrom(response: LightMyRequestResponse, userId = 0): TestSession {
  const cookie = setCookie(response, 'dispatch_session')!.split(';')[0]!;
  return { userId, login: '', password: '', cookie, csrfToken: '' };
}

async function me(app: FastifyInstance, session: TestSession) {
  return asUser(app, session, { method: 'GET', url: '/api/newsroom/me' });
}

describeEachDatabase('newsroom login', ({ database }) => {
  let now = START;
  const clock = () => now;
  let app: FastifyInstance;
  const advance = (ms: number) => (now = new Date(now.getTime() + ms));

  test('the login form has visible labels, in Russian or English as the browser prefers', async () => {
    app = (await buildTestApp(database(), clock)).app;
    await userWithSession(database(), { login: 'chief', role: 'chief_editor', now });
    const ru = await app.inject({ method: 'GET', url: '/newsroom/login', headers: { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' } });
    assert.equal(ru.statusCode, 200);
    assert.match(ru.body, /<html lang="ru">/);
    assert.match(ru.body, /<label for="login">Логин<\/label>/);
    assert.match(ru.body, /<label for="password">Пароль<\/label>/);
    assert.match(ru.body, /<button type="submit">Войти<\/button>/);
    const en = await app.inject({ method: 'GET', url: '/newsroom/login', headers: { 'accept-language': 'en-GB' } });
    assert.match(en.body, /<label for="login">Login<\/label>/);
    assert.match(en.body, /<input id="password" name="password" type="password" autocomplete="current-password"/);
    assert.equal(en.headers['cache-control'], 'no-store');
  });

  test('a right password starts a session: an HttpOnly, SameSite=Lax, Secure cookie whose token is stored only as a hash', async () => {
    await userWithSession(database(), { login: 'anna', role: 'editor', now });
    const response = await postLogin(app, 'anna', 'anna walks to the river at dawn', { headers: { 'user-agent': 'Chromium test' } });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/newsroom');
    const cookie = setCookie(response, 'dispatch_session')!;
    assert.match(cookie, /^dispatch_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=43200; HttpOnly; SameSite=Lax; Secure$/);
    const token = /^dispatch_session=([^;]+)/.exec(cookie)![1]!;
    const rows = await database().db.selectFrom('sessions').selectAll().where('user_agent', '=', 'Chromium test').execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.token_hash, createHash('sha256').update(token).digest('hex'));
    assert.ok(!JSON.stringify(rows).includes(token), 'the token itself is not stored');
    assert.deepEqual([rows[0]!.ip, rows[0]!.created_at, rows[0]!.expires_at], ['127.0.0.1', START.toISOString(), '2026-12-01T20:00:00.000Z']);

    const home = await asUser(app, sessionFrom(response), { method: 'GET', url: '/newsroom' });
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /Logged in as Test anna \(anna\), editor\./);
    assert.match(home.body, /<button type="submit">Log out<\/button>/);
  });

  test('a page asked for before login opens after it', async () => {
    const asked = await app.inject({ method: 'GET', url: '/newsroom/password' });
    assert.equal(asked.statusCode, 303);
    assert.equal(asked.headers.location, '/newsroom/login?next=%2Fnewsroom%2Fpassword');
    const page = await app.inject({ method: 'GET', url: asked.headers.location as string });
    assert.match(page.body, /<input type="hidden" name="next" value="\/newsroom\/password">/);
    const cookie = setCookie(page, 'dispatch_login_csrf')!.split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const post = (next: string) => app.inject({
      method: 'POST', url: '/newsroom/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: NEWSROOM_ORIGIN },
      payload: new URLSearchParams({ login: 'anna', password: 'anna walks to the river at dawn', _csrf: csrf, next }).toString(),
    });
    assert.equal((await post('/newsroom/password')).headers.location, '/newsroom/password');
    assert.equal((await post('https://evil.example/')).headers.location, '/newsroom', 'never to another site');
  });

  test('without https in PUBLIC_URL the cookie is not Secure', async () => {
    const plain = (await buildTestApp(database(), clock, { PUBLIC_URL: 'http://127.0.0.1:3000' })).app;
    const form = await openLoginForm(plain);
    const response = await plain.inject({
      method: 'POST', url: '/newsroom/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie, origin: 'http://127.0.0.1:3000' },
      payload: new URLSearchParams({ login: 'anna', password: 'anna walks to the river at dawn', _csrf: form.csrf }).toString(),
    });
    assert.equal(response.statusCode, 303);
    const cookie = setCookie(response, 'dispatch_session')!;
    assert.match(cookie, /HttpOnly; SameSite=Lax$/);
    assert.doesNotMatch(cookie, /Secure/);
    await plain.close();
  });

  test('a wrong password and an unknown login get the same answer in about the same time', async () => {
    const timed = async (login: string) => {
      const started = process.hrtime.bigint();
      const response = await postLogin(app, login, 'not the password at all', { remoteAddress: '10.0.0.1' });
      return { response, ms: Number(process.hrtime.bigint() - started) / 1e6 };
    };
    const known = await timed('anna');
    const unknown = await timed('nobody-here');
    for (const { response } of [known, unknown]) {
      assert.equal(response.statusCode, 401);
      assert.match(response.body, /<p class="alert" role="alert">Wrong login or password\.<\/p>/);
      assert.equal(setCookie(response, 'dispatch_session'), undefined);
    }
    assert.equal(known.response.body.replace(/value="[^"]*"/g, ''), unknown.response.body.replace(/value="[^"]*"/g, '').replace('nobody-here', 'anna'));
    assert.ok(unknown.ms > known.ms / 4, `an unknown login is answered after a password check too (${unknown.ms.toFixed(1)} ms vs ${known.ms.toFixed(1)} ms)`);
  });

  test('a one-time password leads to the password form, and nothing else opens until it is changed', async () => {
    const { password } = await addUser(database().db, { login: 'pavel', name: 'Pavel', role: 'reporter' }, now);
    const response = await postLogin(app, 'pavel', password);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/newsroom/password');
    const session = sessionFrom(response);
    assert.equal((await asUser(app, session, { method: 'GET', url: '/newsroom' })).headers.location, '/newsroom/password');
    const mine = await me(app, session);
    assert.equal(mine.statusCode, 200);
    assert.equal(mine.json().user.mustChangePassword, true);
    session.csrfToken = mine.json().session.csrfToken;
    const language = await asUser(app, session, { method: 'PATCH', url: '/api/newsroom/me', payload: { language: 'ru' } });
    assert.equal(language.statusCode, 403);
    assert.equal(language.json().error.code, 'password_change_required');

    const form = await asUser(app, session, { method: 'GET', url: '/newsroom/password' });
    assert.match(form.body, /You logged in with a one-time password/);
    assert.match(form.body, /<label for="new-password">New password<\/label>/);
    const change = (fields: Record<string, string>) =>
      asUser(app, session, {
        method: 'POST', url: '/newsroom/password',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: NEWSROOM_ORIGIN, 'x-csrf-token': '' },
        payload: new URLSearchParams({ _csrf: session.csrfToken, ...fields }).toString(),
      });
    const weak = await change({ currentPassword: password, newPassword: 'short', repeatPassword: 'short' });
    assert.equal(weak.statusCode, 400);
    assert.match(weak.body, /role="alert">The new password must be at least 12 characters long\./);
    const differ = await change({ currentPassword: password, newPassword: 'a quiet harbour at noon', repeatPassword: 'a quiet harbour at nine' });
    assert.match(differ.body, /The two new passwords differ\./);
    const wrong = await change({ currentPassword: 'not it', newPassword: 'a quiet harbour at noon', repeatPassword: 'a quiet harbour at noon' });
    assert.match(wrong.body, /The current password is wrong\./);
    const withLogin = await change({ currentPassword: password, newPassword: 'pavel-pavel-pavel', repeatPassword: 'pavel-pavel-pavel' });
    assert.match(withLogin.body, /must not contain your login/);

    const other = await postLogin(app, 'pavel', password);
    const otherSession = sessionFrom(other);
    const done = await change({ currentPassword: password, newPassword: 'a quiet harbour at noon', repeatPassword: 'a quiet harbour at noon' });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/newsroom?notice=password');
    const home = await asUser(app, session, { method: 'GET', url: '/newsroom?notice=password' });
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /Your password was changed\./);
    assert.equal((await me(app, otherSession)).statusCode, 401, 'the other session ended with the password change');
    assert.equal((await postLogin(app, 'pavel', password)).statusCode, 401, 'the one-time password is spent');
    assert.equal((await postLogin(app, 'pavel', 'a quiet harbour at noon')).headers.location, '/newsroom');
  });

  test('the API changes a password with field-level messages', async () => {
    const user = await userWithSession(database(), { login: 'lena', role: 'translator', now });
    const change = (payload: unknown) => asUser(app, user, { method: 'POST', url: '/api/newsroom/me/password', payload: payload as object });
    const missing = await change({ currentPassword: user.password });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(missing.json().error.details, { field: 'newPassword', fields: { newPassword: 'is required' } });
    const weak = await change({ currentPassword: user.password, newPassword: 'aaaaaaaaaaaaaaaa' });
    assert.deepEqual([weak.statusCode, weak.json().error.code, weak.json().error.details.field], [400, 'password_too_weak', 'newPassword']);
    assert.match(weak.json().error.message, /at least 5 different characters/);
    const wrong = await change({ currentPassword: 'guess', newPassword: 'seven lanterns over the bay' });
    assert.deepEqual([wrong.statusCode, wrong.json().error.code, wrong.json().error.details.field], [400, 'password_incorrect', 'currentPassword']);
    const same = await change({ currentPassword: user.password, newPassword: user.password });
    assert.equal(same.json().error.code, 'password_too_weak');
    const done = await change({ currentPassword: user.password, newPassword: 'seven lanterns over the bay' });
    assert.equal(done.statusCode, 200);
    assert.equal((await me(app, user)).statusCode, 200, 'the session in use stays');
  });

  test('a disabled user cannot log in, and disabling ends their sessions', async () => {
    const user = await userWithSession(database(), { login: 'ivan', role: 'reporter', now });
    assert.equal((await me(app, user)).statusCode, 200);
    await updateUser({ db: database().db, userId: user.userId, changes: { disabled: true }, now });
    assert.equal((await me(app, user)).statusCode, 401);
    assert.equal(await database().db.selectFrom('sessions').select('id').where('user_id', '=', user.userId).executeTakeFirst(), undefined);
    const refused = await postLogin(app, 'ivan', user.password, { remoteAddress: '10.0.0.2' });
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /This account is disabled\. Ask a chief editor to enable it\./);
    assert.equal(setCookie(refused, 'dispatch_session'), undefined);
    const wrong = await postLogin(app, 'ivan', 'a wrong password here', { remoteAddress: '10.0.0.2' });
    assert.equal(wrong.statusCode, 401, 'without the right password a disabled account looks like any other');
    await updateUser({ db: database().db, userId: user.userId, changes: { disabled: false }, now });
    assert.equal((await postLogin(app, 'ivan', user.password, { remoteAddress: '10.0.0.2' })).statusCode, 303);
  });

  test('failures on one login: 3 free, then 2 s, 4 s ... with 429 and Retry-After, kept across a restart', async () => {
    const user = await userWithSession(database(), { login: 'olga', role: 'editor', now });
    const address = { remoteAddress: '10.0.1.1' };
    for (let i = 1; i <= 3; i++) {
      const free = await postLogin(app, 'olga', `wrong ${i}`, address);
      assert.equal(free.statusCode, 401);
      assert.equal(free.headers['retry-after'], undefined, `failure ${i} costs nothing`);
    }
    const fourth = await postLogin(app, 'olga', 'wrong 4', address);
    assert.equal(fourth.statusCode, 401);
    assert.equal(fourth.headers['retry-after'], '2');
    assert.match(fourth.body, /Wrong login or password\. Too many failed attempts\. Wait 2 s before trying again\./);
    const locked = await postLogin(app, 'olga', user.password, { remoteAddress: '10.0.1.2' });
    assert.equal(locked.statusCode, 429, 'even the right password waits, from any address');
    assert.equal(locked.headers['retry-after'], '2');
    assert.match(locked.body, /Wait 2 s before trying again/);

    advance(2000);
    assert.equal((await postLogin(app, 'olga', 'wrong 5', address)).headers['retry-after'], '4');
    advance(4000);
    assert.equal((await postLogin(app, 'olga', 'wrong 6', address)).headers['retry-after'], '8');
    advance(3000);
    const restarted = (await buildTestApp(database(), clock)).app;
    const stillLocked = await postLogin(restarted, 'olga', user.password, address);
    assert.equal(stillLocked.statusCode, 429, 'a restart forgives nothing');
    assert.equal(stillLocked.headers['retry-after'], '5');
    advance(5000);
    assert.equal((await postLogin(restarted, 'olga', user.password, address)).statusCode, 303);
    assert.equal((await postLogin(restarted, 'olga', 'wrong again', address)).headers['retry-after'], undefined, 'a success clears the login\'s count');
    await restarted.close();
  });

  test('failures from one address across many logins: 10 free, then growing delays for every login from it', async () => {
    const address = { remoteAddress: '10.0.2.1' };
    for (let i = 1; i <= 10; i++) assert.equal((await postLogin(app, `guess-${i}`, 'password', address)).headers['retry-after'], undefined);
    const eleventh = await postLogin(app, 'guess-11', 'password', address);
    assert.equal(eleventh.headers['retry-after'], '2');
    const api = await postLogin(app, 'anna', 'anna walks to the river at dawn', address);
    assert.equal(api.statusCode, 429);
    assert.equal((await postLogin(app, 'anna', 'anna walks to the river at dawn', { remoteAddress: '10.0.2.2' })).statusCode, 303, 'other addresses are not affected');
    advance(60 * 60 * 1000 + 1);
    assert.equal((await postLogin(app, 'guess-12', 'password', address)).headers['retry-after'], undefined, 'an hour without failures starts afresh');
    const keys = (await database().db.selectFrom('login_throttle').select('key').execute()).map((row) => row.key);
    assert.ok(!keys.includes('login:guess-1'), 'quiet keys are forgotten');
    assert.ok(keys.includes('login:guess-12'));
  });

  test('a session ends after the idle limit, and at its absolute end however busy', async () => {
    const idle = await userWithSession(database(), { login: 'sergei', role: 'reporter', now });
    advance(239 * 60_000);
    assert.equal((await me(app, idle)).statusCode, 200, 'used within 240 minutes');
    advance(239 * 60_000);
    assert.equal((await me(app, idle)).statusCode, 200, 'each use restarts the idle count');
    advance(240 * 60_000);
    const expired = await me(app, idle);
    assert.equal(expired.statusCode, 401);
    assert.equal(expired.json().error.code, 'unauthenticated');
    assert.equal((await asUser(app, idle, { method: 'GET', url: '/newsroom' })).headers.location, '/newsroom/login');

    const busy = await userWithSession(database(), { login: 'marta', role: 'reporter', now });
    for (let hour = 1; hour < 12; hour++) {
      advance(60 * 60_000);
      assert.equal((await me(app, busy)).statusCode, 200, `hour ${hour}`);
    }
    advance(60 * 60_000);
    assert.equal((await me(app, busy)).statusCode, 401, 'twelve hours after the login it ends');
    assert.equal(await database().db.selectFrom('sessions').select('id').where('user_id', '=', busy.userId).executeTakeFirst(), undefined);

    const forgotten = await userWithSession(database(), { login: 'taras', role: 'reporter', now });
    advance(12 * 60 * 60_000);
    await userWithSession(database(), { login: 'alesia', role: 'reporter', now });
    assert.equal(await database().db.selectFrom('sessions').select('id').where('user_id', '=', forgotten.userId).executeTakeFirst(), undefined, 'the next login sweeps sessions past their end');
  });

  test('logout ends the session and clears the cookie; without its CSRF token it is refused', async () => {
    const user = await userWithSession(database(), { login: 'nina', role: 'editor', now });
    const forged = await asUser(app, user, { method: 'POST', url: '/newsroom/logout', headers: { 'x-csrf-token': 'forged' } });
    assert.equal(forged.statusCode, 403);
    assert.match(forged.body, /This form has expired or was sent from another site/);
    assert.equal((await me(app, user)).statusCode, 200);
    const out = await asUser(app, user, {
      method: 'POST', url: '/newsroom/logout', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': '' },
      payload: `_csrf=${user.csrfToken}`,
    });
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers.location, '/newsroom/login');
    assert.match(setCookie(out, 'dispatch_session')!, /^dispatch_session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax; Secure$/);
    assert.equal((await me(app, user)).statusCode, 401);
  });

  test('logout everywhere ends every session of the user and no one else\'s', async () => {
    const first = await userWithSession(database(), { login: 'yuri', role: 'editor', now });
    const secondLogin = await postLogin(app, 'yuri', first.password, { remoteAddress: '10.0.3.1' });
    const second = sessionFrom(secondLogin);
    const bystander = await userWithSession(database(), { login: 'vera', role: 'editor', now });
    const response = await asUser(app, first, { method: 'POST', url: '/api/newsroom/me/logout-everywhere' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { endedSessions: 2 });
    assert.match(setCookie(response, 'dispatch_session')!, /Max-Age=0/);
    assert.equal((await me(app, first)).statusCode, 401);
    assert.equal((await me(app, second)).statusCode, 401);
    assert.equal((await me(app, bystander)).statusCode, 200);

    const page = await userWithSession(database(), { login: 'zoya', role: 'reporter', now });
    const viaForm = await asUser(app, page, { method: 'POST', url: '/newsroom/logout-everywhere' });
    assert.equal(viaForm.headers.location, '/newsroom/login?notice=everywhere');
    assert.match((await app.inject({ method: 'GET', url: '/newsroom/login?notice=everywhere' })).body, /You were logged out on every device\./);
    assert.equal((await me(app, page)).statusCode, 401);
  });

  test('dispatch user reset-password ends every session of the user', async () => {
    const user = await userWithSession(database(), { login: 'gleb', role: 'chief_editor', now });
    const bystander = await userWithSession(database(), { login: 'dana', role: 'editor', now });
    const password = await resetPassword(database().db, 'gleb', now);
    assert.equal((await me(app, user)).statusCode, 401);
    assert.equal((await me(app, bystander)).statusCode, 200);
    assert.equal((await postLogin(app, 'gleb', password, { remoteAddress: '10.0.4.1' })).headers.location, '/newsroom/password');
  });
});
