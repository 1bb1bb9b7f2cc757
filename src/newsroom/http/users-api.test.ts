// The users API for chief editors and the own-account API, on SQLite and PostgreSQL: field-level
// validation, one-time passwords, disabling (sessions end at once), resets, the last chief
// editor, and the interface language.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../testing/databases.ts';
import { buildTestApp } from '../../testing/app.ts';
import { asUser, userWithSession, type TestSession } from '../../testing/newsroom.ts';
import { verifyPassword } from '../passwords.ts';

describeEachDatabase('newsroom users API', ({ database }) => {
  let app: FastifyInstance;
  let chief: TestSession;

  test('a chief editor creates a user and gets the one-time password once; the list shows it without secrets', async () => {
    app = (await buildTestApp(database())).app;
    chief = await userWithSession(database(), { login: 'chief', role: 'chief_editor' });
    const created = await asUser(app, chief, { method: 'POST', url: '/api/newsroom/users', payload: { login: 'anna', name: 'Anna', role: 'editor', email: 'anna@example.org' } });
    assert.equal(created.statusCode, 201);
    const body = created.json();
    assert.deepEqual({ ...body.user, id: 0, createdAt: '' }, {
      id: 0, login: 'anna', name: 'Anna', email: 'anna@example.org', role: 'editor', language: null, disabled: false, mustChangePassword: true, createdAt: '',
    });
    const row = await database().db.selectFrom('users').select('password_hash').where('login', '=', 'anna').executeTakeFirstOrThrow();
    assert.equal(await verifyPassword(row.password_hash, body.oneTimePassword), true);
    const list = await asUser(app, chief, { method: 'GET', url: '/api/newsroom/users' });
    assert.deepEqual(list.json().users.map((u: { login: string }) => u.login), ['anna', 'chief']);
    assert.ok(!list.body.includes('argon2'), 'no password hash leaves the server');
  });

  test('bad input is 400 with every field named, a taken login 409', async () => {
    const bad = await asUser(app, chief, { method: 'POST', url: '/api/newsroom/users', payload: { login: 'x', role: 'boss', nickname: 'y' } });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().error.details.fields, { nickname: 'is not a known field (known: login, name, role, email)', name: 'is required' });
    const badLogin = await asUser(app, chief, { method: 'POST', url: '/api/newsroom/users', payload: { login: 'X Y', name: 'N', role: 'editor' } });
    assert.deepEqual([badLogin.statusCode, badLogin.json().error.details.field], [400, 'login']);
    const badRole = await asUser(app, chief, { method: 'POST', url: '/api/newsroom/users', payload: { login: 'newbie', name: 'N', role: 'boss' } });
    assert.match(badRole.json().error.message, /role: must be one of reporter, translator, editor, chief_editor/);
    const taken = await asUser(app, chief, { method: 'POST', url: '/api/newsroom/users', payload: { login: 'anna', name: 'Another', role: 'reporter' } });
    assert.deepEqual([taken.statusCode, taken.json().error.code], [409, 'user_exists']);
    const notJson = await asUser(app, chief, { method: 'POST', url: '/api/newsroom/users', headers: { 'content-type': 'application/json' }, payload: '[1,2]' });
    assert.deepEqual([notJson.statusCode, notJson.json().error.details.field], [400, 'body']);
    const broken = await asUser(app, chief, { method: 'POST', url: '/api/newsroom/users', headers: { 'content-type': 'application/json' }, payload: '{"login":' });
    assert.deepEqual([broken.statusCode, broken.json().error.code], [400, 'invalid_input']);
    const patch = await asUser(app, chief, { method: 'PATCH', url: '/api/newsroom/users/1', payload: { role: 'admin', disabled: 'yes', name: '' } });
    assert.deepEqual(patch.json().error.details.fields, { name: 'must be 1 to 120 characters', role: 'must be one of reporter, translator, editor, chief_editor', disabled: 'must be true or false' });
    const empty = await asUser(app, chief, { method: 'PATCH', url: '/api/newsroom/users/1', payload: {} });
    assert.equal(empty.json().error.details.field, 'body');
    const badId = await asUser(app, chief, { method: 'PATCH', url: '/api/newsroom/users/abc', payload: { name: 'N' } });
    assert.deepEqual([badId.statusCode, badId.json().error.details.field], [400, 'id']);
    const missing = await asUser(app, chief, { method: 'PATCH', url: '/api/newsroom/users/999999', payload: { name: 'N' } });
    assert.deepEqual([missing.statusCode, missing.json().error.code], [404, 'user_not_found']);
    const missingReset = await asUser(app, chief, { method: 'POST', url: '/api/newsroom/users/999999/reset-password' });
    assert.deepEqual([missingReset.statusCode, missingReset.json().error.code], [404, 'user_not_found']);
  });

  test('changing the role takes effect on the next request; disabling ends the sessions at once', async () => {
    const reporter = await userWithSession(database(), { login: 'pavel', role: 'reporter' });
    assert.equal((await asUser(app, reporter, { method: 'GET', url: '/api/newsroom/users' })).statusCode, 403);
    const promoted = await asUser(app, chief, { method: 'PATCH', url: `/api/newsroom/users/${reporter.userId}`, payload: { role: 'chief_editor', name: ' Pavel S. ' } });
    assert.equal(promoted.statusCode, 200);
    assert.deepEqual([promoted.json().user.role, promoted.json().user.name], ['chief_editor', 'Pavel S.']);
    assert.equal((await asUser(app, reporter, { method: 'GET', url: '/api/newsroom/users' })).statusCode, 200);
    const disabled = await asUser(app, chief, { method: 'PATCH', url: `/api/newsroom/users/${reporter.userId}`, payload: { disabled: true } });
    assert.equal(disabled.json().user.disabled, true);
    assert.equal((await asUser(app, reporter, { method: 'GET', url: '/api/newsroom/me' })).statusCode, 401);
  });

  test('the newsroom is never left without an enabled chief editor', async () => {
    const self = await asUser(app, chief, { method: 'PATCH', url: `/api/newsroom/users/${chief.userId}`, payload: { role: 'editor' } });
    assert.deepEqual([self.statusCode, self.json().error.code], [409, 'last_chief_editor']);
    const off = await asUser(app, chief, { method: 'PATCH', url: `/api/newsroom/users/${chief.userId}`, payload: { disabled: true } });
    assert.equal(off.json().error.code, 'last_chief_editor');
    const row = await database().db.selectFrom('users').select(['role', 'disabled_at']).where('id', '=', chief.userId).executeTakeFirstOrThrow();
    assert.deepEqual(row, { role: 'chief_editor', disabled_at: null }, 'nothing changed');
    assert.equal((await asUser(app, chief, { method: 'GET', url: '/api/newsroom/me' })).statusCode, 200);
  });

  test('a reset gives a new one-time password and ends the user\'s sessions', async () => {
    const editor = await userWithSession(database(), { login: 'olga', role: 'editor' });
    const reset = await asUser(app, chief, { method: 'POST', url: `/api/newsroom/users/${editor.userId}/reset-password` });
    assert.equal(reset.statusCode, 200);
    assert.equal(reset.json().user.mustChangePassword, true);
    assert.match(reset.json().oneTimePassword, /^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    assert.equal((await asUser(app, editor, { method: 'GET', url: '/api/newsroom/me' })).statusCode, 401);
  });

  test('every change to a user is in the audit log, without its password; a refused one is not', async () => {
    const actions = async () =>
      (await database().db.selectFrom('audit_log').select(['action', 'actor_user_id', 'details']).where('action', 'like', 'user.%').orderBy('id').execute())
        .map((row) => ({ ...row, details: JSON.parse(row.details ?? '{}') as Record<string, unknown> }));
    const created = await asUser(app, chief, { method: 'POST', url: '/api/newsroom/users', payload: { login: 'ilya', name: 'Ilya', role: 'reporter' } });
    const ilya = created.json().user.id as number;
    await asUser(app, chief, { method: 'PATCH', url: `/api/newsroom/users/${ilya}`, payload: { role: 'translator' } });
    await asUser(app, chief, { method: 'POST', url: `/api/newsroom/users/${ilya}/reset-password` });
    const refused = await asUser(app, chief, { method: 'PATCH', url: `/api/newsroom/users/${chief.userId}`, payload: { role: 'editor' } });
    assert.equal(refused.statusCode, 409);
    const logged = (await actions()).filter((row) => row.action === 'user.create' ? row.details.login === 'ilya' : row.details.userId === ilya || row.details.userId === chief.userId);
    assert.deepEqual(logged.map((row) => [row.action, row.actor_user_id]), [['user.create', chief.userId], ['user.update', chief.userId], ['user.reset_password', chief.userId]]);
    assert.deepEqual(logged[1]!.details, { userId: ilya, role: 'translator' });
    assert.ok(!JSON.stringify(logged).includes(created.json().oneTimePassword), 'no password in the log');
  });

  test('the interface language is the user\'s choice (ru or en), else the browser\'s', async () => {
    const user = await userWithSession(database(), { login: 'lena', role: 'translator' });
    const byBrowser = await asUser(app, user, { method: 'GET', url: '/api/newsroom/me', headers: { 'accept-language': 'be-BY,be;q=0.9' } });
    assert.equal(byBrowser.json().user.language, 'ru');
    assert.equal((await asUser(app, user, { method: 'GET', url: '/newsroom', headers: { 'accept-language': 'en' } })).body.includes('<html lang="en">'), true);
    const wrong = await asUser(app, user, { method: 'PATCH', url: '/api/newsroom/me', payload: { language: 'de' } });
    assert.deepEqual([wrong.statusCode, wrong.json().error.details.field, wrong.json().error.message], [400, 'language', 'language: must be one of ru, en']);
    const chosen = await asUser(app, user, { method: 'PATCH', url: '/api/newsroom/me', payload: { language: 'ru' } });
    assert.equal(chosen.json().user.language, 'ru');
    const page = await asUser(app, user, { method: 'GET', url: '/newsroom', headers: { 'accept-language': 'en' } });
    assert.match(page.body, /<html lang="ru">/);
    assert.match(page.body, /Вы вошли как Test lena \(lena\), переводчик\./);
    assert.match(page.body, /<button type="submit">Выйти<\/button>/);
  });

  test('GET /api/newsroom/me gives the CSRF token a client sends back with changes', async () => {
    const user = await userWithSession(database(), { login: 'dana', role: 'editor' });
    const me = await asUser(app, user, { method: 'GET', url: '/api/newsroom/me' });
    assert.equal(me.json().session.csrfToken, user.csrfToken);
    const forbiddenPage = await asUser(app, user, { method: 'GET', url: '/newsroom/nothing-here' });
    assert.equal(forbiddenPage.statusCode, 404);
  });
});
