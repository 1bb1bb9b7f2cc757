// Newsroom accounts: create one, reset its password, list them. A password set by an
// administrator or generated here is one-time: its owner must change it at the first login.

import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { AppError, hasErrorCode } from '../lib/errors.ts';
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
      user: { id, login, name, email, role: input.role, mustChangePassword: true, createdAt: at, disabled: false },
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
  const password = generatePassword();
  const result = await db
    .updateTable('users')
    .set({ password_hash: await hashPassword(password), must_change_password: 1, updated_at: now.toISOString() })
    .where('login', '=', login)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError('user_not_found', `No user with the login "${login}"`);
  return password;
}

export async function listUsers(db: Kysely<Schema>): Promise<UserSummary[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('login').execute();
  return rows.map((row) => ({
    id: row.id,
    login: row.login,
    name: row.name,
    email: row.email,
    role: row.role as Role,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
    disabled: row.disabled_at !== null,
  }));
}

export async function countUsers(db: Kysely<Schema>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
