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

// The administration screens' words (web/admin/), in a block of their own.

const adminEn = {
  admin: 'Administration', rubrics: 'Rubrics', tags: 'Tags', settings: 'Site settings', users: 'Users', subscribers: 'Subscribers', audit: 'Audit log',
  key: 'Key (Latin, for the system)', nameIn: (language: string) => `Name (${language})`, slugIn: (language: string) => `Address (${language})`,
  slugHint: 'Empty: made from the name. Changing it keeps the old address working (redirect).',
  addRubric: 'Add a rubric', addTag: 'Add a tag', saveChanges: 'Save changes', moveUp: 'Move up', moveDown: 'Move down', edit: 'Edit', position: 'Order',
  created: 'Created', savedChanges: 'Changes saved', stories: 'Stories', searchTags: 'Search tags', search: 'Search', noTags: 'No tags match.',
  mergeInto: 'Merge into', merge: 'Merge', mergeTarget: 'Tag to merge into', merged: (n: number) => `Merged; ${n} stories keep the tag.`, nextPage: 'Next page',
  siteNameIn: (language: string) => `Site name (${language})`, socialLinks: 'Social profiles', timeZone: 'Time zone (IANA, e.g. Europe/Minsk)', defaultLanguage: 'Default language',
  networks: { vk: 'VK', telegram: 'Telegram', x: 'X', facebook: 'Facebook', youtube: 'YouTube' } as Record<string, string>,
  login: 'Login', name: 'Name', email: 'E-mail', role: 'Role', state: 'State', active: 'active', deactivated: 'deactivated',
  roles: { reporter: 'reporter', translator: 'translator', editor: 'editor', chief_editor: 'chief editor' } as Record<string, string>,
  addUser: 'Add a user', changeRole: 'Change role', deactivate: 'Deactivate', reactivate: 'Reactivate', resetPassword: 'Reset password',
  oneTimePassword: 'One-time password (shown only now; the user must change it at the first login)',
  apiKey: 'API key (shown only now; store it safely)', webhookSecretOnce: 'Webhook secret (shown only now)',
  addSubscriber: 'Add a subscriber', languagesReceived: 'Languages', rubricsReceived: 'Rubrics (none chosen: all)', webhookUrl: 'Webhook address',
  webhookSecret: 'Webhook secret (16+ characters; empty: generated)', rotateKey: 'New API key', revoke: 'Revoke', revoked: 'revoked', keyHint: 'Key starts with',
  confirmRevoke: 'Revoke this subscriber? Its key stops working for good.', deliveries: 'Webhook deliveries', noDeliveries: 'No deliveries yet.',
  deliveryStatus: 'Status', attempts: 'Attempts', lastAnswer: 'Last answer', lastError: 'Last error', when: 'When', event: 'Event', retry: 'Send again',
  deliveryStatuses: { pending: 'pending', delivered: 'delivered', failed: 'failed', refused: 'refused' } as Record<string, string>,
  storyId: 'Story (id)', user: 'User', action: 'Action', fromDay: 'From', toDay: 'To', anyone: 'Anyone', anything: 'Any', filter: 'Filter', noEntries: 'No entries match.',
  fromTo: 'Status', details: 'Details', older: 'Older entries', newest: 'Newest entries', system: 'system',
  fieldErrors: {
    slug_invalid: 'Only lower-case Latin letters, digits and single hyphens.',
    slug_taken: 'This address is used by another one, or was used before.',
    user_exists: 'This login is taken.',
    key: 'Lower-case Latin letters and digits joined by hyphens, at most 60.',
    names: 'A name of 1 to 120 characters in a configured language.',
    siteName: 'Give a name.',
    timeZone: 'An IANA time zone, such as Europe/Minsk.',
    socialLinks: 'An address starting with https://.',
    defaultLanguage: 'Choose one of the site’s languages.',
    login: '2 to 40 lower-case Latin letters, digits, “.”, “_” or “-”.',
    name: '1 to 120 characters.',
    role: 'Choose a role.',
    email: 'An e-mail address.',
    languages: 'Choose at least one language.',
    rubricIds: 'Choose rubrics that exist.',
    webhookUrl: 'An http:// or https:// address.',
    webhookSecret: '16 to 200 characters.',
    into: 'Choose another tag to merge into.',
    from: 'A day, YYYY-MM-DD.', to: 'A day, YYYY-MM-DD, not before the first.',
    story: 'A positive whole number.', user: 'Choose a user.',
    other: 'Check this field:',
  } as Record<string, string>,
};

type AdminStrings = typeof adminEn;

const adminRu: AdminStrings = {
  admin: 'Администрирование', rubrics: 'Рубрики', tags: 'Теги', settings: 'Настройки сайта', users: 'Пользователи', subscribers: 'Подписчики', audit: 'Журнал действий',
  key: 'Ключ (латиницей, для системы)', nameIn: (language) => `Название (${language})`, slugIn: (language) => `Адрес (${language})`,
  slugHint: 'Пусто — из названия. После смены старый адрес продолжит работать (перенаправление).',
  addRubric: 'Добавить рубрику', addTag: 'Добавить тег', saveChanges: 'Сохранить изменения', moveUp: 'Выше', moveDown: 'Ниже', edit: 'Изменить', position: 'Порядок',
  created: 'Создано', savedChanges: 'Изменения сохранены', stories: 'Материалы', searchTags: 'Поиск тегов', search: 'Найти', noTags: 'Тегов не найдено.',
  mergeInto: 'Объединить с', merge: 'Объединить', mergeTarget: 'Тег, в который объединить', merged: (n) => `Объединено; у ${n} материалов тег сохранён.`, nextPage: 'Следующая страница',
  siteNameIn: (language) => `Название сайта (${language})`, socialLinks: 'Страницы в соцсетях', timeZone: 'Часовой пояс (IANA, например Europe/Minsk)', defaultLanguage: 'Язык по умолчанию',
  networks: { vk: 'ВКонтакте', telegram: 'Telegram', x: 'X', facebook: 'Facebook', youtube: 'YouTube' },
  login: 'Логин', name: 'Имя', email: 'Электронная почта', role: 'Роль', state: 'Состояние', active: 'активен', deactivated: 'отключён',
  roles: { reporter: 'корреспондент', translator: 'переводчик', editor: 'редактор', chief_editor: 'главный редактор' },
  addUser: 'Добавить пользователя', changeRole: 'Сменить роль', deactivate: 'Отключить', reactivate: 'Включить', resetPassword: 'Сбросить пароль',
  oneTimePassword: 'Одноразовый пароль (показан только сейчас; при первом входе его нужно сменить)',
  apiKey: 'API-ключ (показан только сейчас; сохраните его)', webhookSecretOnce: 'Секрет вебхука (показан только сейчас)',
  addSubscriber: 'Добавить подписчика', languagesReceived: 'Языки', rubricsReceived: 'Рубрики (не выбраны — все)', webhookUrl: 'Адрес вебхука',
  webhookSecret: 'Секрет вебхука (от 16 символов; пусто — сгенерировать)', rotateKey: 'Новый API-ключ', revoke: 'Отозвать доступ', revoked: 'доступ отозван', keyHint: 'Ключ начинается с',
  confirmRevoke: 'Отозвать доступ подписчика? Его ключ перестанет работать навсегда.', deliveries: 'Доставка вебхуков', noDeliveries: 'Доставок пока нет.',
  deliveryStatus: 'Статус', attempts: 'Попытки', lastAnswer: 'Последний ответ', lastError: 'Последняя ошибка', when: 'Когда', event: 'Событие', retry: 'Отправить снова',
  deliveryStatuses: { pending: 'в очереди', delivered: 'доставлено', failed: 'не доставлено', refused: 'отклонено' },
  storyId: 'Материал (номер)', user: 'Пользователь', action: 'Действие', fromDay: 'С', toDay: 'По', anyone: 'Любой', anything: 'Любое', filter: 'Показать', noEntries: 'Записей не найдено.',
  fromTo: 'Статус', details: 'Подробности', older: 'Более ранние записи', newest: 'Последние записи', system: 'система',
  fieldErrors: {
    slug_invalid: 'Только строчные латинские буквы, цифры и одиночные дефисы.',
    slug_taken: 'Этот адрес занят другим или уже использовался.',
    user_exists: 'Такой логин уже занят.',
    key: 'Строчные латинские буквы и цифры через дефис, не больше 60.',
    names: 'Название от 1 до 120 символов на одном из языков сайта.',
    siteName: 'Укажите название.',
    timeZone: 'Часовой пояс IANA, например Europe/Minsk.',
    socialLinks: 'Адрес, начинающийся с https://.',
    defaultLanguage: 'Выберите один из языков сайта.',
    login: 'От 2 до 40 строчных латинских букв, цифр, «.», «_» или «-».',
    name: 'От 1 до 120 символов.',
    role: 'Выберите роль.',
    email: 'Адрес электронной почты.',
    languages: 'Выберите хотя бы один язык.',
    rubricIds: 'Выберите существующие рубрики.',
    webhookUrl: 'Адрес, начинающийся с http:// или https://.',
    webhookSecret: 'От 16 до 200 символов.',
    into: 'Выберите другой тег.',
    from: 'День в виде ГГГГ-ММ-ДД.', to: 'День в виде ГГГГ-ММ-ДД, не раньше первого.',
    story: 'Целое положительное число.', user: 'Выберите пользователя.',
    other: 'Проверьте поле:',
  },
};

/** The administration screens' words in the interface language. */
export function ta(): AdminStrings {
  return current === ru ? adminRu : adminEn;
}
