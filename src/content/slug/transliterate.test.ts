// Tests for transliterate: word lists per language, the characters that are dropped or turned
// into ASCII look-alikes, mixed scripts, and decomposed input.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { transliterate } from './transliterate.ts';

const RUSSIAN_WORDS: [string, string][] = [
  ['без', 'bez'],
  ['Гомельская', 'gomelskaya'],
  ['объявление', 'obyavlenie'],
  ['Щучин', 'shchuchin'],
  ['Хойники', 'khoyniki'],
  ['Жодино', 'zhodino'],
  ['Москва', 'moskva'],
  ['Беларусь', 'belarus'],
  ['Минск', 'minsk'],
  ['Брест', 'brest'],
  ['Витебск', 'vitebsk'],
  ['Гродно', 'grodno'],
  ['Могилёв', 'mogilev'],
  ['Молодечно', 'molodechno'],
  ['Новополоцк', 'novopolotsk'],
  ['Светлогорск', 'svetlogorsk'],
  ['Чернобыль', 'chernobyl'],
  ['ёлка', 'elka'],
  ['Пётр', 'petr'],
  ['жёлтый', 'zheltyy'],
  ['съезд', 'sezd'],
  ['подъезд', 'podezd'],
  ['экономика', 'ekonomika'],
  ['эфир', 'efir'],
  ['юбилей', 'yubiley'],
  ['яблоко', 'yabloko'],
  ['цена', 'tsena'],
  ['час', 'chas'],
  ['шоссе', 'shosse'],
  ['щит', 'shchit'],
  ['выборы', 'vybory'],
  ['рыба', 'ryba'],
  ['фестиваль', 'festival'],
  ['хоккей', 'khokkey'],
  ['зима', 'zima'],
  ['йогурт', 'yogurt'],
  ['пьеса', 'pesa'],
  ['вьюга', 'vyuga'],
  ['государственный', 'gosudarstvennyy'],
  ['правительство', 'pravitelstvo'],
  ['сотрудничество', 'sotrudnichestvo'],
  ['ЭКСПОРТ', 'eksport'],
  ['Гомельская область без осадков', 'gomelskaya oblast bez osadkov'],
  ['Указ о помощи семьям', 'ukaz o pomoshchi semyam'],
];

const BELARUSIAN_WORDS: [string, string][] = [
  ['Беларусь', 'belarus'],
  ['Гомель', 'homel'],
  ['Магілёў', 'mahilyow'],
  ['ўзровень', 'wzroven'],
  ["надвор'е", 'nadvore'],
  ['надвор\u2019е', 'nadvore'],
  ['надвор\u02BCе', 'nadvore'],
  ['Брэст', 'brest'],
  ['Віцебск', 'vitsebsk'],
  ['Гродна', 'hrodna'],
  ['Мінск', 'minsk'],
  ['Маладзечна', 'maladzechna'],
  ['Наваполацк', 'navapolatsk'],
  ['Бабруйск', 'babruysk'],
  ['Салігорск', 'salihorsk'],
  ['Нясвіж', 'nyasvizh'],
  ['Шклоў', 'shklow'],
  ['Заслаўе', 'zaslawe'],
  ['Еўропа', 'ewropa'],
  ['ґанак', 'ganak'],
  ['дзякуй', 'dzyakuy'],
  ['джаз', 'dzhaz'],
  ["сям'я", 'syamya'],
  ["з'езд", 'zezd'],
  ['ёлка', 'yolka'],
  ['жыццё', 'zhytstsyo'],
  ['чыгунка', 'chyhunka'],
  ['шчасце', 'shchastse'],
  ['эканоміка', 'ekanomika'],
  ['хлеб', 'khleb'],
  ['юбілей', 'yubiley'],
  ['Беларускае тэлеграфнае агенцтва', 'belaruskae telehrafnae ahentstva'],
];

const LATIN_WORDS: [string, string][] = [
  ['Café Zürich', 'cafe zurich'],
  ['Straße', 'strasse'],
  ['Łódź', 'lodz'],
  ['Kraków', 'krakow'],
  ['Gdańsk', 'gdansk'],
  ['Ærø', 'aero'],
  ['København', 'kobenhavn'],
  ['Þórshöfn', 'thorshofn'],
  ['Đakovo', 'dakovo'],
  ['Reykjavík', 'reykjavik'],
  ['Crème brûlée', 'creme brulee'],
  ['São Paulo', 'sao paulo'],
  ['Señor', 'senor'],
  ['Ångström', 'angstrom'],
  ['naïve', 'naive'],
  ['Škoda', 'skoda'],
  ['Šalčininkai', 'salcininkai'],
  ['Dvořák', 'dvorak'],
  ['İstanbul', 'istanbul'],
  ['Œuvre', 'oeuvre'],
  ['Liepāja', 'liepaja'],
  ['GROSSE STRAẞE', 'grosse strasse'],
];

function check(list: [string, string][], language: string): void {
  for (const [word, expected] of list) {
    assert.equal(transliterate(word, language), expected, `${language}: ${word}`);
  }
}

describe('transliterate: Russian', () => {
  it('transliterates the word list', () => check(RUSSIAN_WORDS, 'ru'));

  it('the word list covers all 33 letters', () => {
    const seen = new Set(RUSSIAN_WORDS.map(([word]) => word.toLowerCase()).join(''));
    for (const letter of 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя') assert.ok(seen.has(letter), letter);
    assert.ok(RUSSIAN_WORDS.length >= 40);
  });

  it('maps the whole alphabet, both cases', () => {
    const expected = 'abvgdeezhziyklmnoprstufkhtschshshchyeyuya';
    assert.equal(transliterate('абвгдеёжзийклмнопрстуфхцчшщъыьэюя', 'ru'), expected);
    assert.equal(transliterate('АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ', 'ru'), expected);
  });

  it('handles Latin inside (brands, IT) as the generic rule does', () => {
    assert.equal(transliterate('IT-парк и Apple', 'ru'), 'it-park i apple');
    assert.equal(transliterate('Café «Зүрих»', 'ru'), 'cafe "zrikh"');
  });

  it('writes the Belarusian letters і ў rather than dropping them', () => {
    assert.equal(transliterate('Магілёў і Гомель', 'ru'), 'magilew i gomel');
  });
});

describe('transliterate: Belarusian', () => {
  it('transliterates the word list', () => check(BELARUSIAN_WORDS, 'be'));

  it('the word list covers і ў ё ґ and the apostrophe', () => {
    const text = BELARUSIAN_WORDS.map(([word]) => word.toLowerCase()).join('');
    for (const letter of ['і', 'ў', 'ё', 'ґ', "'", '\u2019', '\u02BC']) assert.ok(text.includes(letter), letter);
    assert.ok(BELARUSIAN_WORDS.length >= 25);
  });

  it('maps the whole alphabet, both cases', () => {
    const expected = 'abvhgdeyozhziyklmnoprstuwfkhtschshyeyuya';
    assert.equal(transliterate('абвгґдеёжзійклмнопрстуўфхцчшыьэюя', 'be'), expected);
    assert.equal(transliterate('АБВГҐДЕЁЖЗІЙКЛМНОПРСТУЎФХЦЧШЫЬЭЮЯ', 'be'), expected);
  });

  it('keeps Russian rules for Russian-only letters', () => {
    assert.equal(transliterate('щи и подъезд', 'be'), 'shchi i podezd');
  });

  it('accepts region subtags and any case', () => {
    assert.equal(transliterate('Гомель', 'be-BY'), 'homel');
    assert.equal(transliterate('Гомель', 'BE'), 'homel');
    assert.equal(transliterate('Гомель', 'ru_RU'), 'gomel');
  });
});

describe('transliterate: other languages', () => {
  it('transliterates the word list', () => {
    check(LATIN_WORDS, 'en');
    check(LATIN_WORDS, 'de');
    assert.ok(LATIN_WORDS.length >= 15);
  });

  it('uses the same rules for Latin in Russian and Belarusian text', () => {
    check(LATIN_WORDS, 'ru');
    check(LATIN_WORDS, 'be');
  });

  it('writes Cyrillic by Russian rules, і ў by Belarusian ones', () => {
    assert.equal(transliterate('Interview: Лукашенко', 'en'), 'interview: lukashenko');
    assert.equal(transliterate('Гомель, Магілёў', 'en'), 'gomel, magilew');
  });

  it('reduces compatibility forms: ligatures, full-width, superscripts, fractions', () => {
    assert.equal(transliterate('ﬁnance', 'en'), 'finance');
    assert.equal(transliterate('ＩＴ　２０２５', 'en'), 'it 2025');
    assert.equal(transliterate('10 km²', 'en'), '10 km2');
    assert.equal(transliterate('½', 'en'), '1/2');
    assert.equal(transliterate('5×5', 'en'), '5x5');
  });
});

describe('transliterate: punctuation, symbols and control characters', () => {
  it('turns typographic quotes, apostrophes and dashes into ASCII look-alikes', () => {
    assert.equal(transliterate('«Белавиа» “Belavia” „x“', 'ru'), '"belavia" "belavia" "x"');
    assert.equal(transliterate('Macy’s ‘x’', 'en'), "macy's 'x'");
    assert.equal(transliterate('a—b – c − d ‑e', 'en'), 'a-b - c - d -e');
    assert.equal(transliterate('Итоги…', 'ru'), 'itogi...');
  });

  it('turns any whitespace into a space', () => {
    assert.equal(transliterate('a\tb\nc\u00A0d\u2003e\u2028f\u3000g', 'en'), 'a b c d e f g');
  });

  it('turns other punctuation into a space', () => {
    assert.equal(transliterate('東京、大阪。', 'en'), '  ');
    assert.equal(transliterate('a·b•c', 'en'), 'a b c');
  });

  it('drops control and format characters, NUL included', () => {
    assert.equal(transliterate('Min\u0000sk\u0007\u001F\u007F\u0080', 'en'), 'minsk');
    assert.equal(transliterate('\uFEFFso\u00ADft\u200Bzw\u200Dj', 'en'), 'softzwj');
  });

  it('drops emoji, symbols and letters of scripts without a rule', () => {
    assert.equal(transliterate('🔥 Hot 👍🏽 news', 'en'), ' hot  news');
    assert.equal(transliterate('🇧🇾©®™€№→♥', 'en'), '');
    assert.equal(transliterate('👨‍👩‍👧 family', 'en'), ' family');
    assert.equal(transliterate('東京 Tokyo Αθήνα', 'en'), ' tokyo ');
  });

  it('drops lone surrogates', () => {
    assert.equal(transliterate('a\uD800b\uDC00c', 'en'), 'abc');
  });

  it('keeps printable ASCII, lower-cased', () => {
    assert.equal(transliterate('AT&T 2,5% (C++) #1!', 'en'), 'at&t 2,5% (c++) #1!');
  });

  it('returns "" for empty input', () => {
    assert.equal(transliterate('', 'ru'), '');
    assert.equal(transliterate('', 'be'), '');
  });
});

describe('transliterate: decomposed input', () => {
  it('treats decomposed й and ё as the composed letters', () => {
    assert.equal(transliterate('И\u0306огурт', 'ru'), 'yogurt');
    assert.equal(transliterate('Магіле\u0308ў', 'be'), 'mahilyow');
    assert.equal(transliterate('Cafe\u0301', 'en'), 'cafe');
  });
});
