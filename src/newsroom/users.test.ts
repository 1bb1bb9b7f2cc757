// Integration tests of newsroom accounts on SQLite and PostgreSQL: creating users with hashed
// one-time passwords, resetting a password, and listing accounts.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../testing/databases.ts';
import type { Database } from '../db/database.ts';
import { addUser, countUsers, listUsers, resetPassword } from './users.ts';
import { verifyPassword } from './passwords.ts';
import { rejectsWith } from '../testing/assertions.ts';

const CREATED = new Date('2026-11-23T08:23:00.000Z');
/** Four groups of four characters from an alphabet without 0, O, 1, l, I. */
const ONE_TIME_PASSWORD = /^[a-km-np-zA-HJ-NP-Z2-9]{4}(-[a-km-np-zA-HJ-NP-Z2-9]{4}){3}$/;


async function storedUser(database: Database, login: string) {
  return database.db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirstOrThrow();
}

describeEachDatabase('newsroom users', ({ database }) => {
  const db = () => database().db;

  test('addUser generates a readable one-time password and stores only its argon2id hash', async () => {
    const { user, password } = await addUser(db(), { login: 'anna', name: ' Anna Kovalenko ', email: 'anna@example.org', role: 'editor' }, CREATED);
    assert.match(password, ONE_TIME_PASSWORD);
    assert.deepEqual(user, {
      id: user.id, login: 'anna', name: 'Anna Kovalenko', email: 'anna@example.org', role: 'editor',
      mustChangePassword: true, createdAt: CREATED.toISOString(), disabled: false, language: null,
    });
    const row = await storedUser(database(), 'anna');
    assert.match(row.password_hash, /^\$argon2id\$v=19\$/);
    assert.ok(!row.password_hash.includes(password), 'the password itself is never stored');
    assert.equal(await verifyPassword(row.password_hash, password), true);
    assert.equal(await verifyPassword(row.password_hash, password.toUpperCase()), false);
    assert.deepEqual(
      [row.must_change_password, row.created_at, row.updated_at, row.disabled_at],
      [1, '2026-11-23T08:23:00.000Z', '2026-11-23T08:23:00.000Z', null],
    );
  });

  test('addUser takes a password chosen by an administrator, still one-time', async () => {
    const chosen = 'correct horse battery staple';
    const { user, password } = await addUser(db(), { login: 'pavel.s', name: 'Pavel', role: 'reporter', password: chosen }, CREATED);
    assert.equal(password, chosen);
    assert.equal(user.mustChangePassword, true);
    assert.equal(user.email, null);
    const row = await storedUser(database(), 'pavel.s');
    assert.notEqual(row.password_hash, chosen);
    assert.equal(await verifyPassword(row.password_hash, chosen), true);
  });

  test('two users get different passwords and different hashes', async () => {
    const first = await addUser(db(), { login: 'olga', name: 'Olga', role: 'translator' });
    const second = await addUser(db(), { login: 'igor', name: 'Igor', role: 'translator' });
    assert.notEqual(first.password, second.password);
    assert.notEqual((await storedUser(database(), 'olga')).password_hash, (await storedUser(database(), 'igor')).password_hash);
  });

  test('addUser refuses a login that is taken with user_exists', async () => {
    const before = await countUsers(db());
    await rejectsWith(addUser(db(), { login: 'anna', name: 'Another Anna', role: 'reporter' }), 'user_exists');
    assert.equal(await countUsers(db()), before);
    assert.equal((await storedUser(database(), 'anna')).name, 'Anna Kovalenko', 'the existing account is untouched');
  });

  test('addUser refuses a malformed login, role, name, e-mail or short password', async () => {
    const before = await countUsers(db());
    const refused: Array<[Parameters<typeof addUser>[1], string]> = [
      [{ login: 'Anna', name: 'A', role: 'editor' }, 'login'],
      [{ login: 'a', name: 'A', role: 'editor' }, 'login'],
      [{ login: '-anna', name: 'A', role: 'editor' }, 'login'],
      [{ login: 'anna kovalenko', name: 'A', role: 'editor' }, 'login'],
      [{ login: 'анна', name: 'A', role: 'editor' }, 'login'],
      [{ login: 'x'.repeat(41), name: 'A', role: 'editor' }, 'login'],
      [{ login: 'newbie', name: 'A', role: 'admin' }, 'role'],
      [{ login: 'newbie', name: 'A', role: 'Editor' }, 'role'],
      [{ login: 'newbie', name: '   ', role: 'editor' }, 'name'],
      [{ login: 'newbie', name: 'A', role: 'editor', email: 'not-an-address' }, 'email'],
      [{ login: 'newbie', name: 'A', role: 'editor', email: 'anna@localhost' }, 'email'],
      [{ login: 'newbie', name: 'A', role: 'editor', password: 'short-pass' }, 'password'],
    ];
    for (const [input, field] of refused) await rejectsWith(addUser(db(), input), 'invalid_input', field);
    assert.equal(await countUsers(db()), before);
  });

  test('resetPassword replaces the hash: the new password verifies, the old one no longer does', async () => {
    const { password: old } = await addUser(db(), { login: 'maria', name: 'Maria', role: 'chief_editor' }, CREATED);
    const oldHash = (await storedUser(database(), 'maria')).password_hash;
    await db().updateTable('users').set({ must_change_password: 0 }).where('login', '=', 'maria').execute();

    const resetAt = new Date('2026-11-24T10:00:00.000Z');
    const fresh = await resetPassword(db(), 'maria', resetAt);
    assert.match(fresh, ONE_TIME_PASSWORD);
    assert.notEqual(fresh, old);
    const row = await storedUser(database(), 'maria');
    assert.notEqual(row.password_hash, oldHash);
    assert.equal(await verifyPassword(row.password_hash, fresh), true);
    assert.equal(await verifyPassword(row.password_hash, old), false);
    assert.deepEqual([row.must_change_password, row.created_at, row.updated_at], [1, CREATED.toISOString(), resetAt.toISOString()]);
  });

  test('resetPassword of an unknown login is user_not_found and changes nobody', async () => {
    const before = (await listUsers(db())).map((user) => user.login);
    const hashes = (await db().selectFrom('users').select('password_hash').orderBy('id').execute()).map((row) => row.password_hash);
    await rejectsWith(resetPassword(db(), 'nobody'), 'user_not_found');
    await rejectsWith(resetPassword(db(), 'ANNA'), 'user_not_found');
    assert.deepEqual((await listUsers(db())).map((user) => user.login), before);
    assert.deepEqual((await db().selectFrom('users').select('password_hash').orderBy('id').execute()).map((row) => row.password_hash), hashes);
  });

  test('listUsers lists every account by login, without password hashes', async () => {
    await db().updateTable('users').set({ disabled_at: '2026-11-25T00:00:00.000Z', must_change_password: 0 }).where('login', '=', 'igor').execute();
    const users = await listUsers(db());
    assert.deepEqual(users.map((user) => user.login), ['anna', 'igor', 'maria', 'olga', 'pavel.s']);
    assert.equal(await countUsers(db()), 5);
    const igor = users.find((user) => user.login === 'igor');
    assert.deepEqual([igor?.role, igor?.disabled, igor?.mustChangePassword], ['translator', true, false]);
    const anna = users.find((user) => user.login === 'anna');
    assert.deepEqual([anna?.role, anna?.disabled, anna?.mustChangePassword, anna?.createdAt], ['editor', false, true, CREATED.toISOString()]);
    for (const user of users) assert.ok(!('password_hash' in user) && !('passwordHash' in user));
  });
});
