// The rule a password someone chooses must meet, with one clear sentence for each way to fail it:
// long enough to resist guessing (12 characters), not built around the login, not a run of a few
// repeated characters, not a well-known password with digits around it.

import { AppError } from '../../lib/errors.ts';
import { MIN_PASSWORD_LENGTH } from '../passwords.ts';

const MAX_PASSWORD_LENGTH = 256;
const MIN_DISTINCT_CHARACTERS = 5;
const WELL_KNOWN = new Set(['password', 'passw', 'qwerty', 'qwertyuiop', 'asdfgh', 'letmein', 'welcome', 'admin', 'dispatch', 'пароль', 'йцукен', 'abc', 'abcdef']);

/** The problem with a new password, or undefined when it is acceptable. */
export function passwordProblem(password: string, login: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `The new password must be at least ${MIN_PASSWORD_LENGTH} characters long.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `The new password must be at most ${MAX_PASSWORD_LENGTH} characters long.`;
  if (new Set(password).size < MIN_DISTINCT_CHARACTERS) return `The new password must use at least ${MIN_DISTINCT_CHARACTERS} different characters.`;
  if (login.length >= 3 && password.toLowerCase().includes(login.toLowerCase())) return 'The new password must not contain your login.';
  const letters = password.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (letters === '' || WELL_KNOWN.has(letters)) return 'The new password is too easy to guess: use a few unrelated words.';
  return undefined;
}

export function assertPasswordAcceptable(password: string, login: string, field = 'newPassword'): void {
  const problem = passwordProblem(password, login);
  if (problem) throw new AppError('password_too_weak', problem, { details: { field } });
}
