// The newsroom app's words in Russian and English; the user's choice (from their account) picks
// the table. Statuses and workflow actions are named here too, one word for one thing.

const en = {
  desk: 'Desk', newStory: 'New story', logout: 'Log out', account: 'Account',
  filters: 'Filters', status: 'Status', rubric: 'Rubric', language: 'Language', author: 'Author (id)', changedFrom: 'Changed from', changedTo: 'Changed to',
  searchHeadline: 'Search by headline', apply: 'Apply', any: 'Any', noStories: 'No stories match.', more: 'More',
  story: 'Story', languages: 'Versions', missing: 'Missing languages', actionsLabel: 'Actions', none: 'none',
  translateInto: 'Translate into', open: 'Open',
  headline: 'Headline', lede: 'Lede', body: 'Body', slug: 'Slug', publicUrl: 'Public address', seoTitle: 'SEO title', seoDescription: 'SEO description',
  embargo: 'Embargo until', setEmbargo: 'Set embargo', liftEmbargo: 'Lift embargo', scheduleAt: 'Publish at', correctionNote: 'Correction note', killReason: 'Reason for the kill',
  save: 'Save', saved: 'Saved', saving: 'Saving…', autosaved: 'Draft kept at', unsaved: 'Unsaved changes',
  restored: 'Your unsaved draft from an earlier session was restored.', discardDraft: 'Discard the draft',
  conflictTitle: 'Someone else saved this text after you opened it', conflictTheirs: 'Their text (saved)', conflictYours: 'Your text (not saved)',
  keepMine: 'Save my text over theirs', takeTheirs: 'Take their text',
  history: 'Revision history', revision: 'Revision', compare: 'Show changes', restore: 'Restore this revision', changesFrom: 'Changes from revision',
  source: 'Source', translation: 'Translation', create: 'Create', cancel: 'Cancel',
  bold: 'Bold', italic: 'Italic', link: 'Link', heading: 'Heading', quote: 'Quote', attribution: 'Quoted person', bulletList: 'Bulleted list', orderedList: 'Numbered list',
  image: 'Image', imageId: 'Image id in the media library', alt: 'Alt text', caption: 'Caption', credit: 'Credit', embed: 'Embed', embedUrl: 'Address of the video or post',
  linkAddress: 'Link address (empty removes the link)', bodyToolbar: 'Body formatting', error: 'Error', loading: 'Loading…', preview: 'Preview',
  statuses: { draft: 'draft', submitted: 'submitted', scheduled: 'scheduled', published: 'published', corrected: 'corrected', killed: 'killed', unpublished: 'unpublished', spiked: 'spiked' } as Record<string, string>,
  actions: { submit: 'Submit', schedule: 'Schedule', publish: 'Publish', correct: 'Correct', unpublish: 'Unpublish', republish: 'Republish', kill: 'Kill', spike: 'Spike', unspike: 'Restore from spike' } as Record<string, string>,
  languageNames: { ru: 'Russian', en: 'English', be: 'Belarusian' } as Record<string, string>,
  done: 'Done:',
  details: 'Story details', urgency: 'Urgency', urgencyLevels: ['flash', 'urgent', 'important', 'normal', 'routine'], mainStory: 'Main story (top of the home page)',
  byline: 'Byline', tags: 'Tags', addTag: 'Add tag', removeTag: 'Remove tag', noSuchTag: 'No tag by that name; choose one of the suggestions.', saveDetails: 'Save details', previewSaved: 'the saved text, as readers will see it',
  // The desk and the editor: presence, corrections and updates, the media library.
  presenceLabel: 'Who else has this open', alsoOpenBy: 'Also open now by', openSince: 'since',
  alsoOpenHint: 'Save often: if you both save the same revision, the second save shows a conflict.', openBy: 'Open by',
  saveCorrection: 'Save as correction', onSiteHint: 'This version is on the site: saving it is a correction with a note for readers.',
  followWithUpdate: 'Write an update (new story)', saveDetailsCorrection: 'Save details as correction',
  mediaLibrary: 'Media library', mediaResults: 'Images', mediaSearch: 'Search images', chooseImage: 'Choose', noImages: 'No images found.',
  noAlt: 'no alt text yet', altRequired: 'Required to publish: what the image shows, for readers who cannot see it.', imageTexts: 'Image texts',
  useImage: 'Use this image', uploadImage: 'Upload an image (JPEG, PNG, WebP, AVIF, GIF)', upload: 'Upload', uploading: 'Uploading…', uploaded: 'Uploaded',
  bodyImage: 'image in the body', leadImage: 'Lead image', chooseLeadImage: 'Choose lead image', removeLeadImage: 'Remove lead image', noLeadImage: 'No lead image.',
  notReadyToPublish: 'Not published yet — fix these first:', problemLeadAlt: 'The lead image has no alt text in this language (edit it in the media library).',
  problemBodyAlt: 'An image in the body has no alt text in this language', problemHeadline: 'The headline is empty.', problemLede: 'The lede is empty.',
};

type Strings = typeof en;

const ru: Strings = {
  desk: 'Лента работы', newStory: 'Новый материал', logout: 'Выйти', account: 'Учётная запись',
  filters: 'Фильтры', status: 'Статус', rubric: 'Рубрика', language: 'Язык', author: 'Автор (номер)', changedFrom: 'Изменён с', changedTo: 'Изменён по',
  searchHeadline: 'Поиск по заголовку', apply: 'Применить', any: 'Любой', noStories: 'Материалов не найдено.', more: 'Ещё',
  story: 'Материал', languages: 'Версии', missing: 'Нет версий', actionsLabel: 'Действия', none: 'нет',
  translateInto: 'Перевести на', open: 'Открыть',
  headline: 'Заголовок', lede: 'Лид', body: 'Текст', slug: 'Адрес (slug)', publicUrl: 'Публичный адрес', seoTitle: 'SEO-заголовок', seoDescription: 'SEO-описание',
  embargo: 'Эмбарго до', setEmbargo: 'Установить эмбарго', liftEmbargo: 'Снять эмбарго', scheduleAt: 'Опубликовать в', correctionNote: 'Примечание об исправлении', killReason: 'Причина снятия',
  save: 'Сохранить', saved: 'Сохранено', saving: 'Сохранение…', autosaved: 'Черновик сохранён в', unsaved: 'Есть несохранённые изменения',
  restored: 'Восстановлен ваш несохранённый черновик из прошлого сеанса.', discardDraft: 'Отбросить черновик',
  conflictTitle: 'Кто-то сохранил этот текст после того, как вы его открыли', conflictTheirs: 'Их текст (сохранён)', conflictYours: 'Ваш текст (не сохранён)',
  keepMine: 'Сохранить мой текст поверх', takeTheirs: 'Взять их текст',
  history: 'История правок', revision: 'Правка', compare: 'Показать изменения', restore: 'Восстановить эту правку', changesFrom: 'Изменения с правки',
  source: 'Оригинал', translation: 'Перевод', create: 'Создать', cancel: 'Отмена',
  bold: 'Жирный', italic: 'Курсив', link: 'Ссылка', heading: 'Подзаголовок', quote: 'Цитата', attribution: 'Кого цитируют', bulletList: 'Маркированный список', orderedList: 'Нумерованный список',
  image: 'Изображение', imageId: 'Номер изображения в медиатеке', alt: 'Альтернативный текст', caption: 'Подпись', credit: 'Автор снимка', embed: 'Встроить', embedUrl: 'Адрес видео или поста',
  linkAddress: 'Адрес ссылки (пусто — убрать ссылку)', bodyToolbar: 'Оформление текста', error: 'Ошибка', loading: 'Загрузка…', preview: 'Предпросмотр',
  statuses: { draft: 'черновик', submitted: 'на проверке', scheduled: 'запланирован', published: 'опубликован', corrected: 'исправлен', killed: 'снят', unpublished: 'снят с публикации', spiked: 'в корзине' },
  actions: { submit: 'Отправить на проверку', schedule: 'Запланировать', publish: 'Опубликовать', correct: 'Исправить', unpublish: 'Снять с публикации', republish: 'Вернуть на сайт', kill: 'Отозвать', spike: 'В корзину', unspike: 'Вернуть из корзины' },
  languageNames: { ru: 'русский', en: 'английский', be: 'белорусский' },
  done: 'Готово:',
  details: 'Свойства материала', urgency: 'Срочность', urgencyLevels: ['молния', 'срочно', 'важно', 'обычно', 'рутинно'], mainStory: 'Главный материал (вверху главной)',
  byline: 'Авторы', tags: 'Теги', addTag: 'Добавить тег', removeTag: 'Убрать тег', noSuchTag: 'Такого тега нет; выберите из подсказок.', saveDetails: 'Сохранить свойства', previewSaved: 'сохранённый текст так, как его увидят читатели',
  // Лента работы и редактор: кто открыл, исправления и продолжения, медиатека.
  presenceLabel: 'Кто ещё открыл материал', alsoOpenBy: 'Сейчас также открыт у', openSince: 'с',
  alsoOpenHint: 'Сохраняйте чаще: если вы оба сохраните одну и ту же правку, второй увидит конфликт.', openBy: 'Открыт у',
  saveCorrection: 'Сохранить как исправление', onSiteHint: 'Эта версия на сайте: сохранение — это исправление с примечанием для читателей.',
  followWithUpdate: 'Написать продолжение (новый материал)', saveDetailsCorrection: 'Сохранить свойства как исправление',
  mediaLibrary: 'Медиатека', mediaResults: 'Изображения', mediaSearch: 'Поиск изображений', chooseImage: 'Выбрать', noImages: 'Изображений не найдено.',
  noAlt: 'нет альтернативного текста', altRequired: 'Нужен для публикации: что на снимке, для читателей, которые его не видят.', imageTexts: 'Тексты изображения',
  useImage: 'Использовать изображение', uploadImage: 'Загрузить изображение (JPEG, PNG, WebP, AVIF, GIF)', upload: 'Загрузить', uploading: 'Загрузка…', uploaded: 'Загружено',
  bodyImage: 'изображение в тексте', leadImage: 'Главное фото', chooseLeadImage: 'Выбрать главное фото', removeLeadImage: 'Убрать главное фото', noLeadImage: 'Главного фото нет.',
  notReadyToPublish: 'Пока не опубликовано — сначала исправьте:', problemLeadAlt: 'У главного фото нет альтернативного текста на этом языке (добавьте его в медиатеке).',
  problemBodyAlt: 'У изображения в тексте нет альтернативного текста на этом языке', problemHeadline: 'Заголовок пуст.', problemLede: 'Лид пуст.',
};

let current: Strings = en;

export function setInterfaceLanguage(language: string): void {
  current = language === 'ru' ? ru : en;
  document.documentElement.lang = language === 'ru' ? 'ru' : 'en';
}

export function t(): Strings {
  return current;
}
