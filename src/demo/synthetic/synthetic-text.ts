// Synthetic news text for benchmarks: headlines, ledes and bodies assembled from phrase lists per
// language with a seeded random generator, so the same seed gives the same archive. The phrases
// use words in several grammatical forms (сотрудничество, сотрудничества, сотрудничеству...), as
// real Russian and Belarusian text does, so search benchmarks meet real morphology.

export type Random = () => number;

/** mulberry32: small, fast and good enough to spread synthetic stories. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Phrasebook {
  subjects: string[];
  verbs: string[];
  objects: string[];
  places: string[];
  times: string[];
  quotes: string[];
  speakers: string[];
  details: string[];
}

const PHRASES: Record<string, Phrasebook> = {
  ru: {
    subjects: ['Правительство', 'Министерство экономики', 'Национальный банк', 'Облисполком', 'Горисполком', 'Парламент', 'Министерство образования', 'Министерство здравоохранения', 'Белорусские предприятия', 'Аграрии', 'Строители', 'Ученые', 'Экспортеры', 'Железная дорога', 'Энергетики', 'Таможенники', 'Музей', 'Сборная', 'Университет', 'Промышленный холдинг'],
    verbs: ['намерено расширить', 'обсудило', 'утвердило', 'увеличило', 'запустило', 'представило', 'завершило', 'начало', 'поддержало', 'модернизировало', 'подписало соглашение о развитии', 'объявило конкурс на', 'подвело итоги', 'продолжает'],
    objects: ['сотрудничество в сфере IT', 'сотрудничества с регионами', 'программу развития малых городов', 'экспорт продовольствия', 'строительство жилья', 'производство молочной продукции', 'ремонт дорог', 'поставки удобрений', 'цифровизацию госуслуг', 'модернизацию больниц', 'подготовку инженеров', 'выпуск электробусов', 'реконструкцию вокзала', 'программу энергосбережения', 'поддержку молодых семей', 'инвестиционный проект', 'уборочную кампанию', 'обновление автопарка', 'научные исследования', 'туристический маршрут'],
    places: ['в Минске', 'в Гомельской области', 'в Бресте', 'в Витебске', 'в Гродно', 'в Могилевской области', 'в Пинске', 'в Бобруйске', 'в Полоцке', 'в Барановичах', 'в Лиде', 'в Жодино', 'в Солигорске', 'в Мозыре', 'в Орше'],
    times: ['в этом году', 'до конца года', 'в первом квартале', 'в ближайшие месяцы', 'к 2030 году', 'на этой неделе', 'в прошлом месяце'],
    quotes: ['Мы рассчитываем на дальнейшее сотрудничество с партнерами', 'Результаты превзошли наши ожидания', 'Работа будет продолжена в следующем году', 'Главное для нас — качество и сроки', 'Такие проекты нужны каждому региону', 'Спрос на продукцию остается высоким'],
    speakers: ['заместитель министра', 'председатель облисполкома', 'директор предприятия', 'руководитель проекта', 'начальник управления', 'ректор университета'],
    details: ['Объем финансирования составит {n} млн рублей.', 'В проекте участвуют {n} организаций.', 'Рост по сравнению с прошлым годом составил {n}%.', 'Работы планируется завершить за {n} месяцев.', 'Новые рабочие места получат {n} человек.', 'К сотрудничеству присоединились еще {n} компаний.', 'Производство выросло на {n}% благодаря сотрудничеству с партнерами.', 'Специалисты проверили {n} объектов.'],
  },
  en: {
    subjects: ['The government', 'The Economy Ministry', 'The National Bank', 'The regional executive committee', 'The city council', 'Parliament', 'The Education Ministry', 'The Health Ministry', 'Belarusian manufacturers', 'Farmers', 'Builders', 'Scientists', 'Exporters', 'The railway', 'Power engineers', 'Customs officers', 'The museum', 'The national team', 'The university', 'The industrial holding'],
    verbs: ['plans to expand', 'discussed', 'approved', 'increased', 'launched', 'presented', 'completed', 'started', 'backed', 'upgraded', 'signed an agreement on', 'announced a tender for', 'reviewed the results of', 'continues'],
    objects: ['cooperation in IT', 'cooperation with the regions', 'a development programme for small towns', 'food exports', 'housing construction', 'dairy production', 'road repairs', 'fertiliser supplies', 'digital public services', 'hospital upgrades', 'engineering training', 'electric bus output', 'the station reconstruction', 'an energy saving programme', 'support for young families', 'an investment project', 'the harvest campaign', 'fleet renewal', 'scientific research', 'a tourist route'],
    places: ['in Minsk', 'in Gomel Region', 'in Brest', 'in Vitebsk', 'in Grodno', 'in Mogilev Region', 'in Pinsk', 'in Bobruisk', 'in Polotsk', 'in Baranovichi', 'in Lida', 'in Zhodino', 'in Soligorsk', 'in Mozyr', 'in Orsha'],
    times: ['this year', 'by the end of the year', 'in the first quarter', 'in the coming months', 'by 2030', 'this week', 'last month'],
    quotes: ['We count on further cooperation with our partners', 'The results exceeded our expectations', 'The work will continue next year', 'Quality and deadlines matter most to us', 'Every region needs projects like this', 'Demand for the products remains high'],
    speakers: ['the deputy minister', 'the head of the regional executive committee', 'the company director', 'the project manager', 'the head of department', 'the university rector'],
    details: ['Funding will amount to {n} million roubles.', '{n} organisations take part in the project.', 'Growth compared with last year reached {n}%.', 'The work is to be completed within {n} months.', '{n} people will get new jobs.', '{n} more companies joined the cooperation.', 'Output grew by {n}% thanks to cooperating partners.', 'Inspectors checked {n} sites.'],
  },
  be: {
    subjects: ['Урад', 'Міністэрства эканомікі', 'Нацыянальны банк', 'Аблвыканкам', 'Гарвыканкам', 'Парламент', 'Міністэрства адукацыі', 'Міністэрства аховы здароўя', 'Беларускія прадпрыемствы', 'Аграрыі', 'Будаўнікі', 'Навукоўцы', 'Экспарцёры', 'Чыгунка', 'Энергетыкі', 'Мытнікі', 'Музей', 'Зборная', 'Універсітэт', 'Прамысловы холдынг'],
    verbs: ['мае намер пашырыць', 'абмеркавала', 'зацвердзіла', 'павялічыла', 'запусціла', 'прадставіла', 'завяршыла', 'пачала', 'падтрымала', 'мадэрнізавала', 'падпісала пагадненне аб развіцці', 'абвясціла конкурс на', 'падвяла вынікі', 'працягвае'],
    objects: ['супрацоўніцтва ў сферы IT', 'супрацоўніцтва з рэгіёнамі', 'праграму развіцця малых гарадоў', 'экспарт харчавання', 'будаўніцтва жылля', 'вытворчасць малочнай прадукцыі', 'рамонт дарог', 'пастаўкі ўгнаенняў', 'лічбавізацыю дзяржпаслуг', 'мадэрнізацыю бальніц', 'падрыхтоўку інжынераў', 'выпуск электробусаў', 'рэканструкцыю вакзала', 'праграму энергазберажэння', 'падтрымку маладых сем\'яў', 'інвестыцыйны праект', 'уборачную кампанію', 'абнаўленне аўтапарка', 'навуковыя даследаванні', 'турыстычны маршрут'],
    places: ['у Мінску', 'у Гомельскай вобласці', 'у Брэсце', 'у Віцебску', 'у Гродне', 'у Магілёўскай вобласці', 'у Пінску', 'у Бабруйску', 'у Полацку', 'у Баранавічах', 'у Лідзе', 'у Жодзіне', 'у Салігорску', 'у Мазыры', 'у Оршы'],
    times: ['сёлета', 'да канца года', 'у першым квартале', 'у бліжэйшыя месяцы', 'да 2030 года', 'на гэтым тыдні', 'у мінулым месяцы'],
    quotes: ['Мы разлічваем на далейшае супрацоўніцтва з партнёрамі', 'Вынікі перасягнулі нашы чаканні', 'Работа будзе працягнута ў наступным годзе', 'Галоўнае для нас — якасць і тэрміны', 'Такія праекты патрэбныя кожнаму рэгіёну', 'Попыт на прадукцыю застаецца высокім'],
    speakers: ['намеснік міністра', 'старшыня аблвыканкама', 'дырэктар прадпрыемства', 'кіраўнік праекта', 'начальнік упраўлення', 'рэктар універсітэта'],
    details: ['Аб\'ём фінансавання складзе {n} млн рублёў.', 'У праекце ўдзельнічаюць {n} арганізацый.', 'Рост у параўнанні з мінулым годам склаў {n}%.', 'Работы плануецца завяршыць за {n} месяцаў.', 'Новыя працоўныя месцы атрымаюць {n} чалавек.', 'Да супрацоўніцтва далучыліся яшчэ {n} кампаній.', 'Вытворчасць вырасла на {n}% дзякуючы супрацоўніцтву з партнёрамі.', 'Спецыялісты праверылі {n} аб\'ектаў.'],
  },
};

/** Synthetic text exists for these languages; other configured languages get English text. */
export function phrasebookFor(language: string): Phrasebook {
  return PHRASES[language] ?? PHRASES.en!;
}

export interface StoryChoices {
  subject: number;
  verb: number;
  object: number;
  place: number;
  time: number;
  quote: number;
  speaker: number;
  details: number[];
  numbers: number[];
}

/** One set of choices per story, shared by its language versions so they are translations. */
export function chooseStory(random: Random): StoryChoices {
  const pick = (n: number) => Math.floor(random() * n);
  const book = PHRASES.ru!;
  const detailCount = 4 + pick(4);
  return {
    subject: pick(book.subjects.length),
    verb: pick(book.verbs.length),
    object: pick(book.objects.length),
    place: pick(book.places.length),
    time: pick(book.times.length),
    quote: pick(book.quotes.length),
    speaker: pick(book.speakers.length),
    details: Array.from({ length: detailCount }, () => pick(book.details.length)),
    numbers: Array.from({ length: detailCount }, () => 2 + pick(480)),
  };
}

export interface SyntheticText {
  headline: string;
  lede: string;
  paragraphs: string[];
  quote: { text: string; by: string };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function writeStory(language: string, c: StoryChoices, serial: number): SyntheticText {
  const book = phrasebookFor(language);
  const subject = book.subjects[c.subject]!;
  const verb = book.verbs[c.verb]!;
  const object = book.objects[c.object]!;
  const place = book.places[c.place]!;
  const time = book.times[c.time]!;
  // The serial number keeps headlines apart, as real headlines differ in their details.
  const headline = `${subject} ${verb} ${object} ${place} (${serial})`;
  const lede = `${subject} ${verb} ${object} ${place} ${time}. ${book.details[c.details[0]!]!.replace('{n}', String(c.numbers[0]))}`;
  const details = c.details.map((d, i) => book.details[d]!.replace('{n}', String(c.numbers[i])));
  const half = Math.ceil(details.length / 2);
  const paragraphs = [
    `${capitalize(time)} ${subject.charAt(0).toLowerCase()}${subject.slice(1)} ${verb} ${object}. ${details.slice(0, half).join(' ')}`,
    `${details.slice(half).join(' ')} ${capitalize(place)} ${object} ${time}.`,
  ];
  return { headline, lede, paragraphs, quote: { text: book.quotes[c.quote]!, by: capitalize(book.speakers[c.speaker]!) } };
}
