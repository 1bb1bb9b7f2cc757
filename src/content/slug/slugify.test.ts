// Tests for slugify and isValidSlug: headlines per language, & and %, punctuation, emoji,
// control characters, empty input, truncation, and the invariants every slug keeps.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SLUG_LENGTH, MAX_SLUG_LENGTH, isValidSlug, slugify } from './index.ts';

describe('slugify: headlines', () => {
  it('builds the slugs of the story URLs', () => {
    assert.equal(slugify('Belarus to step up cooperation in IT', 'en'), 'belarus-to-step-up-cooperation-in-it');
    assert.equal(slugify('Гомельская область без осадков', 'ru'), 'gomelskaya-oblast-bez-osadkov');
    assert.equal(slugify('Магілёў і Гомель: надвор’е на выхадныя', 'be'), 'mahilyow-i-homel-nadvore-na-vykhadnyya');
    assert.equal(slugify('Ærø & København: Straße', 'de'), 'aero-kobenhavn-strasse');
  });

  it('collapses runs of punctuation and spaces into one hyphen and trims the ends', () => {
    assert.equal(slugify('  --Minsk ,, Brest!! ', 'en'), 'minsk-brest');
    assert.equal(slugify('Раз, два, три...', 'ru'), 'raz-dva-tri');
  });

  it('treats quotes, dashes and the ellipsis as word breaks', () => {
    assert.equal(slugify('«Белавиа» открывает рейсы', 'ru'), 'belavia-otkryvaet-reysy');
    assert.equal(slugify('“Quoted” headline', 'en'), 'quoted-headline');
    assert.equal(slugify('Минск — Брест: итоги…', 'ru'), 'minsk-brest-itogi');
    assert.equal(slugify('2024–2025 season', 'en'), '2024-2025-season');
    assert.equal(slugify('Минск—Брест', 'ru'), 'minsk-brest');
  });

  it('removes apostrophes inside words instead of splitting them', () => {
    assert.equal(slugify("Don't panic: O'Brien’s view", 'en'), 'dont-panic-obriens-view');
    assert.equal(slugify('Сям’я і надвор\'е', 'be'), 'syamya-i-nadvore');
  });

  it('writes & as a word', () => {
    assert.equal(slugify('Research & Development', 'en'), 'research-and-development');
    assert.equal(slugify('AT&T', 'en'), 'at-and-t');
    assert.equal(slugify('Хлеб & соль', 'ru'), 'khleb-i-sol');
    assert.equal(slugify('Хлеб & соль', 'be'), 'khleb-i-sol');
    assert.equal(slugify('&', 'en'), 'and');
  });

  it('writes % as a word, numbers split at their punctuation', () => {
    assert.equal(slugify('Inflation slows to 2.5%', 'en'), 'inflation-slows-to-2-5-percent');
    assert.equal(slugify('Инфляция 2,5%', 'ru'), 'inflyatsiya-2-5-protsent');
    assert.equal(slugify('Інфляцыя 2,5 %', 'be'), 'inflyatsyya-2-5-pratsent');
    assert.equal(slugify('100% renewable', 'en'), '100-percent-renewable');
    assert.equal(slugify('1 000 000 rubles', 'en'), '1-000-000-rubles');
  });

  it('treats & and % as word breaks in languages without words for them', () => {
    assert.equal(slugify('Forschung & Entwicklung: 5%', 'de'), 'forschung-entwicklung-5');
  });

  it('handles mixed scripts', () => {
    assert.equal(slugify('Apple представила iPhone 16', 'ru'), 'apple-predstavila-iphone-16');
    assert.equal(slugify('IT-парк «Гомель» & Café', 'ru'), 'it-park-gomel-i-cafe');
    assert.equal(slugify('Interview: Лукашенко', 'en'), 'interview-lukashenko');
    assert.equal(slugify('Tokyo 東京 2025', 'en'), 'tokyo-2025');
  });

  it('accepts language tags with regions', () => {
    assert.equal(slugify('Гомель & Брэст', 'be-BY'), 'homel-i-brest');
    assert.equal(slugify('Salt & pepper', 'en-GB'), 'salt-and-pepper');
  });
});

describe('slugify: what is left out', () => {
  it('drops emoji', () => {
    assert.equal(slugify('🔥 Hot news 🔥', 'en'), 'hot-news');
    assert.equal(slugify('Беларусь 🇧🇾 побеждает 🏆!', 'ru'), 'belarus-pobezhdaet');
    assert.equal(slugify('👨‍👩‍👧‍👦 Family day', 'en'), 'family-day');
  });

  it('drops NUL and control characters, but whitespace ones break words', () => {
    assert.equal(slugify('Min\u0000sk\u0007', 'en'), 'minsk');
    assert.equal(slugify('Minsk\nBrest\tGrodno\r\n', 'en'), 'minsk-brest-grodno');
    assert.equal(slugify('\u0000\u0001\u001F', 'en'), '');
  });

  it('returns "" when nothing is left', () => {
    for (const text of ['', ' ', '   \t\n  ', '\u00A0\u3000', '!!!', '— … —', '«»', '🔥🔥', '東京', '©™', "'''"]) {
      for (const language of ['en', 'ru', 'be', 'de']) {
        assert.equal(slugify(text, language), '', `${language}: ${JSON.stringify(text)}`);
      }
    }
  });
});

describe('slugify: length', () => {
  const headline =
    'Belarus and China agree to step up cooperation in information technology, ' +
    'education, healthcare and industrial production over the next five years';

  it('cuts long headlines at a hyphen, within the default 80 characters', () => {
    const slug = slugify(headline, 'en');
    assert.equal(DEFAULT_SLUG_LENGTH, 80);
    assert.equal(slug, 'belarus-and-china-agree-to-step-up-cooperation-in-information-technology');
    assert.ok(slug.length <= 80);
  });

  it('cuts a long Russian headline at a hyphen', () => {
    const slug = slugify(
      'Правительство Республики Беларусь утвердило государственную программу «Цифровое развитие Беларуси» на 2026–2030 годы',
      'ru',
    );
    assert.equal(slug, 'pravitelstvo-respubliki-belarus-utverdilo-gosudarstvennuyu-programmu-tsifrovoe');
    assert.ok(slug.length <= 80);
  });

  it('respects maxLength', () => {
    assert.equal(slugify('Belarus to step up', 'en', { maxLength: 10 }), 'belarus-to');
    assert.equal(slugify('Belarus to step up', 'en', { maxLength: 11 }), 'belarus-to');
    assert.equal(slugify('Belarus to step up', 'en', { maxLength: 7 }), 'belarus');
    assert.equal(slugify('Belarus to step up', 'en', { maxLength: 8 }), 'belarus');
    assert.equal(slugify('Belarus to step up', 'en', { maxLength: 18 }), 'belarus-to-step-up');
    assert.equal(slugify('Belarus to step up', 'en', { maxLength: 1 }), 'b');
  });

  it('cuts a word longer than maxLength mid-word', () => {
    const long = 'a'.repeat(200);
    assert.equal(slugify(long, 'en'), 'a'.repeat(80));
    assert.equal(slugify(`${long} b`, 'en', { maxLength: 120 }), 'a'.repeat(120));
    assert.equal(slugify('Щ'.repeat(50), 'ru', { maxLength: 30 }), 'shch'.repeat(7) + 'sh');
  });

  it('never leaves a trailing hyphen', () => {
    const text = 'ab cd ef gh ij kl mn op qr st uv wx yz';
    for (let max = 1; max <= 40; max++) {
      const slug = slugify(text, 'en', { maxLength: max });
      assert.ok(isValidSlug(slug), `${max}: ${slug}`);
      assert.ok(slug.length <= max, `${max}: ${slug}`);
    }
  });

  it('rejects a maxLength outside 1..120', () => {
    for (const maxLength of [0, -1, 1.5, 121, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => slugify('x', 'en', { maxLength }), RangeError, String(maxLength));
    }
    assert.equal(slugify('x', 'en', { maxLength: MAX_SLUG_LENGTH }), 'x');
  });
});

describe('slugify: invariants', () => {
  // A deterministic pseudo-random generator, so a failure can be replayed.
  let seed = 12345;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const alphabet = [
    ...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАЯЁіўІЎґ',
    ...'abcxyzABCXYZ0123456789éüßłæøþđÅ',
    ...' \t\n-—–…«»“”‘’\'"&%.,;:!?()[]/\\_+#@',
    '\u0000', '\u0007', '\u00A0', '\u200B', '\u00AD', '🔥', '🇧🇾', '東', '©', '\uD800',
  ];

  it('every non-empty slug is valid, within maxLength, and a fixed point', () => {
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const length = Math.floor(random() * 60);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const language = ['en', 'ru', 'be', 'de'][n % 4] ?? 'en';
      const maxLength = 1 + Math.floor(random() * MAX_SLUG_LENGTH);
      const slug = slugify(text, language, { maxLength });
      const where = `${language} ${maxLength} ${JSON.stringify(text)} → ${slug}`;
      assert.ok(slug.length <= maxLength, where);
      if (slug === '') continue;
      assert.ok(isValidSlug(slug), where);
      assert.equal(slugify(slug, language, { maxLength }), slug, where);
    }
  });
});

describe('isValidSlug', () => {
  it('accepts well-formed slugs', () => {
    for (const slug of ['a', '1', 'abc-123', 'belarus-to-step-up-cooperation-in-it', 'a'.repeat(120)]) {
      assert.equal(isValidSlug(slug), true, slug);
    }
  });

  it('rejects anything else', () => {
    const bad = ['', '-a', 'a-', 'a--b', 'A', 'a_b', 'a b', 'a.b', 'мінск', 'café', 'a'.repeat(121), 'a\n', '\u0000'];
    for (const slug of bad) assert.equal(isValidSlug(slug), false, JSON.stringify(slug));
    assert.equal(isValidSlug(42 as unknown as string), false);
  });
});
