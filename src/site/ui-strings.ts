// Interface strings of the public site per language. A language without its own strings uses
// English ones.

export interface UiStrings {
  latestNews: string;
  notFoundTitle: string;
  notFoundText: string;
  goneTitle: string;
  goneText: string;
  home: string;
  languageSwitch: string;
}

const STRINGS: Record<string, UiStrings> = {
  ru: {
    latestNews: 'Лента новостей',
    notFoundTitle: 'Страница не найдена',
    notFoundText: 'Такой страницы нет. Возможно, ссылка устарела или в адресе опечатка.',
    goneTitle: 'Материал удален',
    goneText: 'Этот материал отозван редакцией и больше недоступен.',
    home: 'Главная',
    languageSwitch: 'Язык',
  },
  en: {
    latestNews: 'Latest news',
    notFoundTitle: 'Page not found',
    notFoundText: 'There is no such page. The link may be out of date or the address mistyped.',
    goneTitle: 'Story withdrawn',
    goneText: 'This story was withdrawn by the editors and is no longer available.',
    home: 'Home',
    languageSwitch: 'Language',
  },
  be: {
    latestNews: 'Стужка навін',
    notFoundTitle: 'Старонка не знойдзена',
    notFoundText: 'Такой старонкі няма. Магчыма, спасылка састарэла або ў адрасе памылка.',
    goneTitle: 'Матэрыял выдалены',
    goneText: 'Гэты матэрыял адкліканы рэдакцыяй і больш недаступны.',
    home: 'Галоўная',
    languageSwitch: 'Мова',
  },
};

export function uiStrings(language: string): UiStrings {
  return STRINGS[language] ?? STRINGS.en!;
}
