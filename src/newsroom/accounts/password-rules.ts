// The rule a password someone chooses must meet, with one clear sentence for each way to fail it:
// long enough to resist guessing (12 characters), not built around the login, not a run of a few
// repeated characters, not a well-known password with digits around it. The problems have keys
// so that the newsroom pages can say them in the user's language.

import { AppError } from '../../lib/errors.ts';
import { MIN_PASSWORD_LENGTH } from '../passwords.ts';

export const MAX_PASSWORD_LENGTH = 256;
export const MIN_DISTINCT_CHARACTERS = 5;
const WELL_KNOWN = new Set(['password', 'passw', 'qwerty', 'qwertyuiop', 'asdfgh', 'letmein', 'welcome', 'admin', 'dispatch', 'пароль', 'йцукен', 'abc', 'abcdef']);

export type PasswordProblem = 'too_short' | 'too_long' | 'too_few_characters' | 'contains_login' | 'too_common';

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `The new password must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
  too_long: `The new password must be at most ${MAX_PASSWORD_LENGTH} characters long.`,
  too_few_characters: `The new password must use at least ${MIN_DISTINCT_CHARACTERS} different characters.`,
  contains_login: 'The new password must not contain your login.',
  too_common: 'The new password is too easy to guess: use a few unrelated words.',
};

/** The problem with a new password, or undefined when it is acceptable. */
export function passwordProblem(password: string, login: string): PasswordProblem | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'too_long';
  if (new Set(password).size < MIN_DISTINCT_CHARACTERS) return 'too_few_characters';
  if (login.length >= 3 && password.toLowerCase().includes(login.toLowerCase())) return 'contains_login';
  const letters = password.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (letters === '' || WELL_KNOWN.has(letters)) return 'too_common';
  return undefined;
}

export function assertPasswordAcceptable(password: string, login: string, field = 'newPassword'): void {
  const problem = passwordProblem(password, login);
  if (problem) throw new AppError('password_too_weak', PASSWORD_PROBLEM_MESSAGES[problem], { details: { field, problem } });
}
