// Tests for negotiateLanguage: q-values, regional tags, ties in header order, q=0, headers that
// are garbage or very long; the answer is always one of the configured languages or the fallback.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { negotiateLanguage } from './language-negotiation.ts';

const AVAILABLE = ['ru', 'en', 'be'] as const;
const negotiate = (header: string | undefined, fallback = 'ru'): string => negotiateLanguage(header, AVAILABLE, fallback);

describe('negotiateLanguage', () => {
  it('gives the fallback when there is no header', () => {
    assert.equal(negotiate(undefined), 'ru');
    assert.equal(negotiate(''), 'ru');
    assert.equal(negotiate(undefined, 'be'), 'be');
  });

  it('picks a language the reader names', () => {
    assert.equal(negotiate('en'), 'en');
    assert.equal(negotiate('be'), 'be');
    assert.equal(negotiate('en', 'be'), 'en');
  });

  it('picks the highest q-value, not the first in the header', () => {
    assert.equal(negotiate('ru;q=0.5, en;q=0.9'), 'en');
    assert.equal(negotiate('ru;q=0.3, be;q=0.7, en;q=0.5'), 'be');
    assert.equal(negotiate('en;q=0.001, be;q=0.002'), 'be');
  });

  it('takes a language without q as q=1', () => {
    assert.equal(negotiate('en;q=0.9, be'), 'be');
    assert.equal(negotiate('en;q=1.0, be;q=0.999'), 'en');
  });

  it('skips the languages it does not have and takes the best of the rest', () => {
    assert.equal(negotiate('de, fr;q=0.9, en;q=0.5, ru;q=0.4'), 'en');
    assert.equal(negotiate('pl, uk;q=0.8, be;q=0.1'), 'be');
  });

  it('reduces regional tags to their language', () => {
    assert.equal(negotiate('en-US'), 'en');
    assert.equal(negotiate('en-GB,en;q=0.9'), 'en');
    assert.equal(negotiate('be-BY, ru-RU;q=0.8'), 'be');
    assert.equal(negotiate('zh-Hant-TW, ru-BY;q=0.1'), 'ru');
  });

  it('ignores the case of the tag', () => {
    assert.equal(negotiate('EN-us'), 'en');
    assert.equal(negotiate('Be'), 'be');
  });

  it('breaks ties by the order in the header', () => {
    assert.equal(negotiate('en;q=0.8, be;q=0.8'), 'en');
    assert.equal(negotiate('be;q=0.8, en;q=0.8'), 'be');
    assert.equal(negotiate('be, ru'), 'be');
    assert.equal(negotiate('ru, be'), 'ru');
  });

  it('never picks a language refused with q=0', () => {
    assert.equal(negotiate('en;q=0', 'be'), 'be');
    assert.equal(negotiate('en;q=0.0, be;q=0.1'), 'be');
    assert.equal(negotiate('en;q=0.000, de'), 'ru');
  });

  it('reads q-values written with spaces and with other parameters', () => {
    assert.equal(negotiate('en ; q=0.5 , be;q=0.6'), 'be');
    assert.equal(negotiate('en; q=0.5, be; q=0.6'), 'be');
    assert.equal(negotiate('en;level=1;q=0.2, be;q=0.3'), 'be');
  });

  it('answers with the fallback for * and for garbage', () => {
    for (const header of ['*', 'garbage', ';;;,,,', ',', '-en', 'en_US', '\0en', '🙂', 'q=1', '=;=;']) {
      assert.equal(negotiate(header, 'be'), 'be', JSON.stringify(header));
    }
  });

  it('still finds a good language among garbage', () => {
    assert.equal(negotiate(';;, ,, garbage;q=x, en;q=0.5'), 'en');
    assert.equal(negotiate('*, be;q=0.5'), 'be');
  });

  it('answers only with a configured language or the fallback', () => {
    for (const header of ['de', 'fr-FR', 'ru', 'EN', 'en;q=abc', 'be;q=2']) {
      const answer = negotiate(header, 'ru');
      assert.ok(AVAILABLE.includes(answer as (typeof AVAILABLE)[number]), `${JSON.stringify(header)} -> ${answer}`);
    }
  });

  it('reads the beginning of a megabyte-long header', () => {
    assert.equal(negotiate(`be;q=0.9, ${'de;q=0.8, '.repeat(100_000)}en`), 'be');
  });

  it('does not read past the first thousand characters of a very long header', () => {
    assert.equal(negotiate(`${'x'.repeat(5_000)}, en`), 'ru');
    assert.equal(negotiate(`${'de;q=0.9, '.repeat(1_000)}en`, 'be'), 'be');
    assert.equal(negotiate(`${'de,'.repeat(300)}en`), 'en');
  });
});
