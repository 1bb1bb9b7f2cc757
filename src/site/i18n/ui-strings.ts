// The public site's interface strings in each language, with plural forms chosen by
// Intl.PluralRules. A configured language without its own strings uses the English ones.

export interface UiStrings {
  /** The BCP 47 locale these strings are written for. */
  locale: string;
  skipToContent: string;
  mainNavigation: string;
  languageSwitch: string;
  breadcrumbs: string;
  home: string;
  latestNews: string;
  mainStory: string;
  topStories: string;
  moreNews: string;
  backToLatest: string;
  /** «Другие материалы рубрики «Экономика»». */
  otherMaterials(rubric: string): string;
  allOfRubric(rubric: string): string;
  tags: string;
  byline: string;
  share: string;
  shareOn(network: string): string;
  copyLink: string;
  corrected(time: string): string;
  correctionNote: string;
  rss: string;
  rssOf(name: string): string;
  followUs: string;
  tagHeading(tag: string): string;
  authorHeading(author: string): string;
  archive: string;
  archiveOf(date: string): string;
  previousMonth: string;
  nextMonth: string;
  /** "5 stories" with the right plural form. */
  storyCount(n: number): string;
  noStories: string;
  notFoundTitle: string;
  notFoundText: string;
  badRequestTitle: string;
  badRequestText: string;
  goneTitle: string;
  goneText: string;
  unavailableTitle: string;
  unavailableText: string;
  photo: string;
  urgent: string;
  allRightsReserved: string;
  /** The search box's label and the search page's title. */
  search: string;
  searchButton: string;
  searchRubric: string;
  searchAllRubrics: string;
  searchFrom: string;
  searchTo: string;
  /** "Найдено 5 материалов" with the right plural forms. */
  searchFound(n: number): string;
  /** "Найдено более 100 материалов": the count stopped at n. */
  searchFoundMore(n: number): string;
  searchNothingFound: string;
  searchIndexBuilding: string;
  searchEmptyQuery: string;
  searchOnlyExcluded: string;
  searchTruncated: string;
  searchBadFilter: string;
  searchHelp: string;
  searchPrevious: string;
  searchNext: string;
  searchPage(n: number): string;
}

type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** A plural phrase with the number inside it: "Найден {n} материал", "Найдено {n} материалов". */
function pluralPhrase(locale: string, forms: PluralForms): (n: number) => string {
  const rules = new Intl.PluralRules(locale);
  return (n) => (forms[rules.select(n)] ?? forms.other).replace('{n}', n.toLocaleString(locale));
}

function plural(locale: string, forms: PluralForms): (n: number) => string {
  const rules = new Intl.PluralRules(locale);
  return (n) => `${n.toLocaleString(locale)} ${forms[rules.select(n)] ?? forms.other}`;
}

const en: UiStrings = {
  locale: 'en-GB',
  skipToContent: 'Skip to content',
  mainNavigation: 'Rubrics',
  languageSwitch: 'Language',
  breadcrumbs: 'You are here',
  home: 'Home',
  latestNews: 'Latest news',
  mainStory: 'Main story',
  topStories: 'Top stories',
  moreNews: 'More news',
  backToLatest: 'Back to the latest news',
  otherMaterials: (rubric) => `Other materials of «${rubric}»`,
  allOfRubric: (rubric) => `All news of «${rubric}»`,
  tags: 'Tags',
  byline: 'Author',
  share: 'Share',
  shareOn: (network) => `Share on ${network}`,
  copyLink: 'Copy link',
  corrected: (time) => `Corrected ${time}`,
  correctionNote: 'This story has been corrected since it was first published.',
  rss: 'RSS',
  rssOf: (name) => `RSS: ${name}`,
  followUs: 'Follow us',
  tagHeading: (tag) => `Tag: ${tag}`,
  authorHeading: (author) => `Stories by ${author}`,
  archive: 'Archive',
  archiveOf: (date) => `News of ${date}`,
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  storyCount: plural('en-GB', { one: 'story', other: 'stories' }),
  noStories: 'No stories here yet.',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is no such page. The link may be out of date or the address mistyped.',
  badRequestTitle: 'Address not understood',
  badRequestText: 'Part of this address is malformed. Check it, or start again from the home page.',
  goneTitle: 'Story withdrawn',
  goneText: 'This story was withdrawn by the editors and is no longer available.',
  unavailableTitle: 'Temporarily unavailable',
  unavailableText: 'The site cannot show this page right now. Please try again in a minute.',
  photo: 'Photo',
  urgent: 'Urgent',
  allRightsReserved: 'All rights reserved.',
  search: 'Search',
  searchButton: 'Find',
  searchRubric: 'Rubric',
  searchAllRubrics: 'All rubrics',
  searchFrom: 'From',
  searchTo: 'To',
  searchFound: pluralPhrase('en-GB', { one: '{n} story found', other: '{n} stories found' }),
  searchFoundMore: pluralPhrase('en-GB', { one: 'More than {n} story found', other: 'More than {n} stories found' }),
  searchNothingFound: 'Nothing was found. Try another form of the word, fewer words or no filters.',
  searchIndexBuilding: 'The archive index is being built. Search will work again in a few minutes.',
  searchEmptyQuery: 'Type a word to search for.',
  searchOnlyExcluded: 'Add at least one word to find: words with a minus only leave stories out.',
  searchTruncated: 'The query was too long; only its beginning was searched.',
  searchBadFilter: 'A filter is not valid: check the dates (YYYY-MM-DD) and the page number.',
  searchHelp: 'Words find every form of them; "exact phrase" in quotes; -word leaves stories out; begin* finds words that start so.',
  searchPrevious: 'Previous',
  searchNext: 'Next',
  searchPage: (n) => `Page ${n}`,
};

const ru: UiStrings = {
  locale: 'ru-RU',
  skipToContent: 'Перейти к содержанию',
  mainNavigation: 'Рубрики',
  languageSwitch: 'Язык',
  breadcrumbs: 'Вы здесь',
  home: 'Главная',
  latestNews: 'Лента новостей',
  mainStory: 'Главное',
  topStories: 'Важное',
  moreNews: 'Еще новости',
  backToLatest: 'К последним новостям',
  otherMaterials: (rubric) => `Другие материалы рубрики «${rubric}»`,
  allOfRubric: (rubric) => `Все новости рубрики «${rubric}»`,
  tags: 'Теги',
  byline: 'Автор',
  share: 'Поделиться',
  shareOn: (network) => `Поделиться в ${network}`,
  copyLink: 'Скопировать ссылку',
  corrected: (time) => `Исправлено ${time}`,
  correctionNote: 'После публикации в материал внесены исправления.',
  rss: 'RSS',
  rssOf: (name) => `RSS: ${name}`,
  followUs: 'Мы в соцсетях',
  tagHeading: (tag) => `Тег: ${tag}`,
  authorHeading: (author) => `Материалы автора: ${author}`,
  archive: 'Архив',
  archiveOf: (date) => `Новости за ${date}`,
  previousMonth: 'Предыдущий месяц',
  nextMonth: 'Следующий месяц',
  storyCount: plural('ru-RU', { one: 'материал', few: 'материала', many: 'материалов', other: 'материала' }),
  noStories: 'Здесь пока нет материалов.',
  notFoundTitle: 'Страница не найдена',
  notFoundText: 'Такой страницы нет. Возможно, ссылка устарела или в адресе опечатка.',
  badRequestTitle: 'Адрес не распознан',
  badRequestText: 'Часть адреса указана неверно. Проверьте его или начните с главной страницы.',
  goneTitle: 'Материал удален',
  goneText: 'Этот материал отозван редакцией и больше недоступен.',
  unavailableTitle: 'Временно недоступно',
  unavailableText: 'Сайт не может показать эту страницу прямо сейчас. Попробуйте через минуту.',
  photo: 'Фото',
  urgent: 'Срочно',
  allRightsReserved: 'Все права защищены.',
  search: 'Поиск',
  searchButton: 'Найти',
  searchRubric: 'Рубрика',
  searchAllRubrics: 'Все рубрики',
  searchFrom: 'С даты',
  searchTo: 'По дату',
  searchFound: pluralPhrase('ru-RU', { one: 'Найден {n} материал', few: 'Найдено {n} материала', many: 'Найдено {n} материалов', other: 'Найдено {n} материала' }),
  searchFoundMore: pluralPhrase('ru-RU', { one: 'Найдено более {n} материала', other: 'Найдено более {n} материалов' }),
  searchNothingFound: 'Ничего не найдено. Попробуйте другую форму слова, меньше слов или без фильтров.',
  searchIndexBuilding: 'Поисковый указатель архива строится. Поиск снова заработает через несколько минут.',
  searchEmptyQuery: 'Введите слово для поиска.',
  searchOnlyExcluded: 'Добавьте хотя бы одно слово, которое нужно найти: слова с минусом только исключают материалы.',
  searchTruncated: 'Запрос слишком длинный: искали по его началу.',
  searchBadFilter: 'Фильтр указан неверно: проверьте даты (ГГГГ-ММ-ДД) и номер страницы.',
  searchHelp: 'Слово находит все его формы; "точная фраза" — в кавычках; -слово исключает материалы; начало* находит слова с таким началом.',
  searchPrevious: 'Назад',
  searchNext: 'Дальше',
  searchPage: (n) => `Страница ${n}`,
};

const be: UiStrings = {
  locale: 'be-BY',
  skipToContent: 'Перайсці да зместу',
  mainNavigation: 'Рубрыкі',
  languageSwitch: 'Мова',
  breadcrumbs: 'Вы тут',
  home: 'Галоўная',
  latestNews: 'Стужка навін',
  mainStory: 'Галоўнае',
  topStories: 'Важнае',
  moreNews: 'Яшчэ навіны',
  backToLatest: 'Да апошніх навін',
  otherMaterials: (rubric) => `Іншыя матэрыялы рубрыкі «${rubric}»`,
  allOfRubric: (rubric) => `Усе навіны рубрыкі «${rubric}»`,
  tags: 'Тэгі',
  byline: 'Аўтар',
  share: 'Падзяліцца',
  shareOn: (network) => `Падзяліцца ў ${network}`,
  copyLink: 'Скапіраваць спасылку',
  corrected: (time) => `Выпраўлена ${time}`,
  correctionNote: 'Пасля публікацыі ў матэрыял унесены выпраўленні.',
  rss: 'RSS',
  rssOf: (name) => `RSS: ${name}`,
  followUs: 'Мы ў сацсетках',
  tagHeading: (tag) => `Тэг: ${tag}`,
  authorHeading: (author) => `Матэрыялы аўтара: ${author}`,
  archive: 'Архіў',
  archiveOf: (date) => `Навіны за ${date}`,
  previousMonth: 'Папярэдні месяц',
  nextMonth: 'Наступны месяц',
  storyCount: plural('be-BY', { one: 'матэрыял', few: 'матэрыялы', many: 'матэрыялаў', other: 'матэрыялу' }),
  noStories: 'Тут пакуль няма матэрыялаў.',
  notFoundTitle: 'Старонка не знойдзена',
  notFoundText: 'Такой старонкі няма. Магчыма, спасылка састарэла або ў адрасе памылка.',
  badRequestTitle: 'Адрас не распазнаны',
  badRequestText: 'Частка адраса пазначана няправільна. Праверце яго або пачніце з галоўнай старонкі.',
  goneTitle: 'Матэрыял выдалены',
  goneText: 'Гэты матэрыял адкліканы рэдакцыяй і больш недаступны.',
  unavailableTitle: 'Часова недаступна',
  unavailableText: 'Сайт не можа паказаць гэтую старонку зараз. Паспрабуйце праз хвіліну.',
  photo: 'Фота',
  urgent: 'Тэрмінова',
  allRightsReserved: 'Усе правы абаронены.',
  search: 'Пошук',
  searchButton: 'Знайсці',
  searchRubric: 'Рубрыка',
  searchAllRubrics: 'Усе рубрыкі',
  searchFrom: 'З даты',
  searchTo: 'Па дату',
  searchFound: pluralPhrase('be-BY', { one: 'Знойдзены {n} матэрыял', few: 'Знойдзена {n} матэрыялы', many: 'Знойдзена {n} матэрыялаў', other: 'Знойдзена {n} матэрыялу' }),
  searchFoundMore: pluralPhrase('be-BY', { one: 'Знойдзена больш за {n} матэрыял', few: 'Знойдзена больш за {n} матэрыялы', many: 'Знойдзена больш за {n} матэрыялаў', other: 'Знойдзена больш за {n} матэрыялу' }),
  searchNothingFound: 'Нічога не знойдзена. Паспрабуйце іншую форму слова, менш слоў або без фільтраў.',
  searchIndexBuilding: 'Пошукавы паказальнік архіва будуецца. Пошук зноў запрацуе праз некалькі хвілін.',
  searchEmptyQuery: 'Увядзіце слова для пошуку.',
  searchOnlyExcluded: 'Дадайце хоць адно слова, якое трэба знайсці: словы з мінусам толькі выключаюць матэрыялы.',
  searchTruncated: 'Запыт занадта доўгі: шукалі па яго пачатку.',
  searchBadFilter: 'Фільтр пазначаны няправільна: праверце даты (ГГГГ-ММ-ДД) і нумар старонкі.',
  searchHelp: 'Слова знаходзіць усе яго формы; "дакладная фраза" — у двукоссі; -слова выключае матэрыялы; пачатак* знаходзіць словы з такім пачаткам.',
  searchPrevious: 'Назад',
  searchNext: 'Далей',
  searchPage: (n) => `Старонка ${n}`,
};

const STRINGS: Record<string, UiStrings> = { en, ru, be };

export function uiStrings(language: string): UiStrings {
  return STRINGS[language] ?? en;
}
