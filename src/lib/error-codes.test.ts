// Tests for the error-code registry: docs/errors.md lists exactly the registered codes, each with
// the registry's HTTP status, and every status is a real HTTP error status.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES, type ErrorCode } from './error-codes.ts';
import { AppError } from './errors.ts';

const DOC = fileURLToPath(new URL('../../docs/errors.md', import.meta.url));

interface DocumentedCode {
  code: string;
  status: number;
  meaning: string;
}

/** The rows of the table in docs/errors.md: | `code` | 404 Not Found | meaning |. */
function documentedCodes(): DocumentedCode[] {
  const rows: DocumentedCode[] = [];
  for (const line of readFileSync(DOC, 'utf8').split('\n')) {
    const row = /^\|\s*`([^`]+)`\s*\|\s*(\d{3})\b[^|]*\|(.*)\|\s*$/.exec(line);
    if (row) rows.push({ code: row[1]!, status: Number(row[2]), meaning: row[3]!.trim() });
  }
  return rows;
}

const registered = Object.keys(ERROR_CODES) as ErrorCode[];

describe('docs/errors.md', () => {
  const documented = documentedCodes();
  const documentedNames = documented.map((row) => row.code);

  it('has a table of codes', () => {
    assert.ok(documented.length > 0, 'no rows like | `code` | 404 Not Found | meaning | were found');
  });

  it('documents every code in the registry', () => {
    const missing = registered.filter((code) => !documentedNames.includes(code));
    assert.deepEqual(missing, [], `codes missing from docs/errors.md: ${missing.join(', ')}`);
  });

  it('documents no code that is not in the registry', () => {
    const unknown = documentedNames.filter((code) => !(registered as string[]).includes(code));
    assert.deepEqual(unknown, [], `codes in docs/errors.md that are not in src/lib/error-codes.ts: ${unknown.join(', ')}`);
  });

  it('lists each code once', () => {
    const repeated = documentedNames.filter((code, index) => documentedNames.indexOf(code) !== index);
    assert.deepEqual(repeated, [], `codes listed more than once: ${repeated.join(', ')}`);
  });

  it('gives each code the status of the registry', () => {
    for (const row of documented) {
      const entry = ERROR_CODES[row.code as ErrorCode];
      if (entry) assert.equal(row.status, entry.status, `${row.code}: docs/errors.md says ${row.status}, the registry ${entry.status}`);
    }
  });

  it('gives each code a meaning', () => {
    for (const row of documented) assert.ok(row.meaning.length > 0, `${row.code} has no meaning`);
  });
});

describe('the registry', () => {
  it('gives every code a real HTTP error status (4xx or 5xx)', () => {
    for (const code of registered) {
      const { status } = ERROR_CODES[code];
      assert.ok(Number.isInteger(status) && status >= 400 && status <= 599, `${code}: ${status} is not an error status`);
      assert.ok(STATUS_CODES[status] !== undefined, `${code}: ${status} is not a known HTTP status`);
    }
  });

  it('uses lower-case snake_case codes and describes each', () => {
    for (const code of registered) {
      assert.match(code, /^[a-z]+(?:_[a-z]+)*$/, code);
      assert.ok(ERROR_CODES[code].description.trim().length > 0, `${code} has no description`);
    }
  });

  it('gives an AppError the status of its code', () => {
    for (const code of registered) {
      const error = new AppError(code, 'message');
      assert.equal(error.status, ERROR_CODES[code].status, code);
      assert.equal(error.code, code);
    }
  });
});
