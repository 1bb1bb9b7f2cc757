import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_CLAUSES, parseQuery } from './parse-query.ts';
import { toFts5, toTsquery } from './compile-query.ts';

test('words, phrases, exclusions and prefixes', () => {
  const query = parseQuery('сотрудничество "Национальный банк" -Минск экспорт*', 'ru');
  assert.deepEqual(query.required, [
    { kind: 'term', term: 'сотрудничеств' },
    { kind: 'phrase', terms: ['национальн', 'банк'] },
    { kind: 'prefix', prefix: 'экспорт' },
  ]);
  assert.deepEqual(query.excluded, [{ kind: 'term', term: 'минск' }]);
  assert.equal(query.problem, undefined);
});

test('an excluded phrase and words joined by punctuation', () => {
  const query = parseQuery('covid-19 -"road repairs"', 'en');
  assert.deepEqual(query.required, [{ kind: 'phrase', terms: ['covid', '19'] }]);
  assert.deepEqual(query.excluded, [{ kind: 'phrase', terms: ['road', 'repair'] }]);
});

test('a query with nothing to find says why', () => {
  assert.equal(parseQuery('', 'ru').problem, 'empty');
  assert.equal(parseQuery('!!! ... ???', 'ru').problem, 'empty');
  assert.equal(parseQuery('-минск', 'ru').problem, 'only_excluded');
  assert.equal(parseQuery(undefined, 'ru').problem, 'empty');
  assert.equal(parseQuery(['a', 'b'], 'ru').problem, 'empty');
});

const HOSTILE = [
  'x'.repeat(10000),
  'слово '.repeat(2000),
  '"""""',
  '"unbalanced quote',
  'NEAR(a b',
  'a NEAR/3 b',
  '*',
  '"',
  ':',
  '^',
  'headline:минск',
  '{headline body}: x',
  'a\u0000b',
  '🙂🙂 🚀',
  'Минск Minsk Мінск',
  "'; drop table stories; --",
  "a' & !b | c:*",
  '-',
  '- - -',
  '-"',
  '*a*',
  'a*b*c',
  'AND OR NOT',
  '\\\\',
];

test('hostile input gives a safe query or an empty one, never an exception', () => {
  for (const input of HOSTILE) {
    const query = parseQuery(input, 'ru');
    assert.ok(query.required.length + query.excluded.length <= MAX_CLAUSES, input.slice(0, 20));
    for (const clause of [...query.required, ...query.excluded]) {
      const words = clause.kind === 'term' ? [clause.term] : clause.kind === 'prefix' ? [clause.prefix] : clause.terms;
      for (const word of words) assert.match(word, /^[\p{L}\p{N}]+$/u, `${input.slice(0, 20)} → ${word}`);
    }
  }
  assert.equal(parseQuery('x'.repeat(10000), 'ru').truncated, true);
  assert.equal(parseQuery('a NEAR/3 b', 'en').required.length, 3);
});

test('compiled queries quote every term', () => {
  const query = parseQuery('сотрудничество "национальный банк" -минск экспорт*', 'ru');
  assert.equal(
    toFts5(query, 'headline body', ['facets : "lru"']),
    '(({headline body} : ("сотрудничеств" AND "национальн банк" AND "экспорт" *)) AND (facets : "lru")) NOT ({headline body} : ("минск"))',
  );
  assert.equal(toTsquery(query), "('сотрудничеств' & ('национальн' <-> 'банк') & 'экспорт':*) & !'минск'");
  assert.equal(toTsquery(query, 'A'), "('сотрудничеств':A & ('национальн':A <-> 'банк':A) & 'экспорт':*A) & !'минск'");
});
