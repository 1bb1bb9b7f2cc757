// Newsroom accounts: create one, reset its password, list them. A password set by an
// administrator or generated here is one-time: its owner must change it at the first login.
// A reset ends every session of the account, in the same transaction.

import type { Kysely } from 'kysely';
import type { Schema, UserRow } from '../db/schema.ts';
import { AppError, hasErrorCode } from '../lib/errors.ts';
import { inTransaction } from '../db/transaction.ts';
import { endUserSessions } from './sessions/end-sessions.ts';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from './passwords.ts';
import { isRole, ROLES, type Role } from './roles.ts';

export interface UserSummary {
  id: number;
  login: string;
  name: string;
  email: string | null;
  role: Role;
  mustChangePassword: boolean;
  createdAt: string;
  disabled: boolean;
  /** The newsroom interface language the user chose; null: the browser's. */
  language: string | null;
}

function fail(field: string, problem: string): AppError {
  return new AppError('invalid_input', `${field}: ${problem}`, { details: { field } });
}

function validLogin(login: unknown): string {
  if (typeof login !== 'string' || !/^[a-z0-9][a-z0-9._-]{1,39}$/.test(login)) {
    throw fail('login', 'must be 2 to 40 lower-case Latin letters, digits, ".", "_" or "-", starting with a letter or digit');
  }
  return login;
}

function validPassword(password: string): string {
  if (password.length < MIN_PASSWORD_LENGTH) throw fail('password', `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > 256) throw fail('password', 'must be at most 256 characters');
  return password;
}

export async function addUser(
  db: Kysely<Schema>,
  input: { login: string; name: string; email?: string | null; role: string; password?: string },
  now: Date = new Date(),
): Promise<{ user: UserSummary; password: string }> {
  const login = validLogin(input.login);
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name === '' || name.length > 120) throw fail('name', 'must be 1 to 120 characters');
  if (!isRole(input.role)) throw fail('role', `must be one of ${ROLES.join(', ')}`);
  const email = input.email?.trim() || null;
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw fail('email', 'is not an e-mail address');
  const password = input.password === undefined ? generatePassword() : validPassword(input.password);
  const passwordHash = await hashPassword(password);
  const at = now.toISOString();
  try {
    const { id } = await db
      .insertInto('users')
      .values({
        login, name, email, role: input.role, password_hash: passwordHash,
        must_change_password: 1, created_at: at, updated_at: at, disabled_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      user: { id, login, name, email, role: input.role, mustChangePassword: true, createdAt: at, disabled: false, language: null },
      password,
    };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('user_exists', `A user with the login "${login}" already exists`, { cause: error });
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return hasErrorCode(error, '23505') || hasErrorCode(error, 'SQLITE_CONSTRAINT_UNIQUE');
}

export async function resetPassword(db: Kysely<Schema>, login: string, now: Date = new Date()): Promise<string> {
  const user = await db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirst();
  if (!user) throw new AppError('user_not_found', `No user with the login "${login}"`);
  return resetPasswordOf(db, user.id, now);
}

/** Gives the user a new one-time password and ends all their sessions; returns the password. */
export async function resetPasswordOf(db: Kysely<Schema>, userId: number, now: Date = new Date()): Promise<string> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await inTransaction(db, async (trx) => {
    const result = await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: 1, updated_at: now.toISOString() })
      .where('id', '=', userId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError('user_not_found', `No user with the id ${userId}`);
    await endUserSessions({ db: trx, userId });
  });
  return password;
}

export async function listUsers(db: Kysely<Schema>): Promise<UserSummary[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('login').execute();
  return rows.map(toSummary);
}

export async function findUserSummary(db: Kysely<Schema>, userId: number): Promise<UserSummary | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  return row ? toSummary(row) : undefined;
}

function toSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    login: row.login,
    name: row.name,
    email: row.email,
    role: row.role as Role,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
    disabled: row.disabled_at !== null,
    language: row.language,
  };
}

export async function countUsers(db: Kysely<Schema>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
