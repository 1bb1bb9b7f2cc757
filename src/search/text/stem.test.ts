import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { stemPrefix, stemWord } from './stem.ts';
import { stemBelarusian } from './stem-belarusian.ts';
import { termsOf } from './terms.ts';
import { normalizeText } from './normalize.ts';

test('Russian word forms share a stem', () => {
  const stems = new Set(['сотрудничество', 'сотрудничества', 'сотрудничеству', 'сотрудничеством'].map((w) => stemWord(w, 'ru')));
  assert.equal(stems.size, 1);
  assert.equal(stemWord('экономики', 'ru'), stemWord('экономика', 'ru'));
});

test('English word forms share a stem, also inside Cyrillic text', () => {
  assert.equal(stemWord('cooperation', 'en'), stemWord('cooperating', 'en'));
  assert.equal(stemWord('economies', 'ru'), stemWord('economy', 'en'));
});

test('a prefix query uses the stem when it is a prefix of the word', () => {
  assert.equal(stemPrefix('сотрудничество', 'ru'), stemWord('сотрудничество', 'ru'));
  assert.equal(stemPrefix('сотруд', 'ru'), 'сотруд');
});

test('terms of a text are its stemmed words', () => {
  assert.deepEqual(termsOf('Экспорт продовольствия вырос', 'ru'), ['экспорт', 'продовольств', 'вырос']);
});

/** The share of forms that get the stem most forms of their lemma get. */
export function belarusianHitRate(): { hits: number; forms: number; misses: string[] } {
  const lines = readFileSync(new URL('./belarusian-words.tsv', import.meta.url), 'utf8').split('\n');
  let hits = 0;
  let forms = 0;
  const misses: string[] = [];
  for (const line of lines) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [lemma, list] = line.split('\t');
    const words = list!.trim().split(/\s+/).map((w) => normalizeText(w));
    const stems = words.map(stemBelarusian);
    const counts = new Map<string, number>();
    for (const stem of stems) counts.set(stem, (counts.get(stem) ?? 0) + 1);
    const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    stems.forEach((stem, i) => {
      forms++;
      if (stem === best) hits++;
      else misses.push(`${lemma}: ${words[i]} → ${stem} (most: ${best})`);
    });
  }
  return { hits, forms, misses };
}

test('the Belarusian stemmer groups most real inflections of a word (hit rate on the word list)', () => {
  const { hits, forms, misses } = belarusianHitRate();
  const rate = hits / forms;
  console.log(`Belarusian stemmer: ${hits}/${forms} forms = ${(rate * 100).toFixed(1)}%`);
  for (const miss of misses) console.log(`  miss ${miss}`);
  assert.ok(forms >= 200, `the word list has ${forms} forms`);
  assert.ok(rate >= 0.85, `hit rate ${(rate * 100).toFixed(1)}%`);
});

test('the Belarusian stemmer keeps short words and stems with a vowel', () => {
  assert.equal(stemBelarusian('дні'), 'дні');
  assert.equal(stemBelarusian('урад'), 'урад');
  assert.equal(stemBelarusian('супрацоўніцтву'), 'супрацоўніцтв');
});
