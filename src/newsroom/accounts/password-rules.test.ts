// The password rule: each way to fail it has its own problem, and good passwords pass.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertPasswordAcceptable, passwordProblem } from './password-rules.ts';
import { AppError } from '../../lib/errors.ts';

test('short, repetitive, login-based, well-known and letterless passwords are refused, each for its reason', () => {
  assert.equal(passwordProblem('short-pass1', 'anna'), 'too_short');
  assert.equal(passwordProblem('x'.repeat(257), 'anna'), 'too_long');
  assert.equal(passwordProblem('abababababab', 'anna'), 'too_few_characters');
  assert.equal(passwordProblem('123123123123', 'anna'), 'too_few_characters');
  assert.equal(passwordProblem('my-Anna-1987-secret', 'anna'), 'contains_login');
  assert.equal(passwordProblem('Password2026!', 'anna'), 'too_common');
  assert.equal(passwordProblem('пароль123456', 'anna'), 'too_common');
  assert.equal(passwordProblem('1987-05-14-2026', 'anna'), 'too_common');
});

test('long passphrases in any script pass, a two-letter login does not block its letters', () => {
  assert.equal(passwordProblem('correct horse battery staple', 'anna'), undefined);
  assert.equal(passwordProblem('зялёны кот на даху', 'olga'), undefined);
  assert.equal(passwordProblem('ab-river-stone-lamp', 'ab'), undefined);
});

test('assertPasswordAcceptable throws password_too_weak naming the field and the problem', () => {
  assert.throws(() => assertPasswordAcceptable('short', 'anna'), (error: unknown) => {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'password_too_weak');
    assert.deepEqual(error.details, { field: 'newPassword', problem: 'too_short' });
    assert.match(error.message, /at least 12 characters/);
    return true;
  });
});
