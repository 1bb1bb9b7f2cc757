// The archive search screen's words in English and Russian, beside the screen so that it stays a
// module of its own; the language is the one the app chose for the user (i18n.ts sets <html lang>).

const en = {
  archiveSearch: 'Archive search', words: 'Words', search: 'Search', dateFrom: 'From', dateTo: 'To',
  help: 'Any form of a word; "exact phrase"; -excluded; prefix*.',
  found: (n: number) => `${n} ${n === 1 ? 'story' : 'stories'} found.`,
  foundMore: (n: number) => `More than ${n} stories found.`,
  nothing: 'Nothing was found. Try another form of the word, fewer words or no filters.',
  emptyQuery: 'Type a word to search for.',
  onlyExcluded: 'Add at least one word to find, not only words to exclude.',
  truncated: 'The query was too long; only its beginning was searched.',
  indexBuilding: 'The archive index is being built. Search will work again in a few minutes.',
  previous: 'Previous page', next: 'Next page', headlineMatch: 'in the headline',
};

type SearchStrings = typeof en;

const ru: SearchStrings = {
  archiveSearch: 'Поиск по архиву', words: 'Слова', search: 'Найти', dateFrom: 'С', dateTo: 'По',
  help: 'Любая форма слова; «точная фраза» в кавычках; -исключить; начало*.',
  found: (n: number) => `Найдено материалов: ${n}.`,
  foundMore: (n: number) => `Найдено больше ${n} материалов.`,
  nothing: 'Ничего не найдено. Попробуйте другую форму слова, меньше слов или без фильтров.',
  emptyQuery: 'Введите слово для поиска.',
  onlyExcluded: 'Добавьте хотя бы одно слово для поиска, а не только исключения.',
  truncated: 'Запрос слишком длинный; искали только по его началу.',
  indexBuilding: 'Поисковый указатель архива строится. Поиск снова заработает через несколько минут.',
  previous: 'Предыдущая страница', next: 'Следующая страница', headlineMatch: 'в заголовке',
};

export function searchStrings(): SearchStrings {
  return document.documentElement.lang === 'ru' ? ru : en;
}
