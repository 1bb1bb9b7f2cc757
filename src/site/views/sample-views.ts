// Realistic page views for the templates' tests and size budgets: a Russian story page with a
// ~1,200-word body, 12 other materials and 3 tags, and a home page with its lead and feed. Built
// by functions so each test may change its own copy.

import { uiStrings } from '../i18n/ui-strings.ts';
import type { ListingPageView, PageChrome, StoryItemView, StoryPageView } from './view-models.ts';

const ORIGIN = 'https://dispatch.example';

export function sampleChrome(language = 'ru'): PageChrome {
  const strings = uiStrings(language);
  return {
    language,
    strings,
    siteName: 'Диспатч',
    homeHref: `/${language}/`,
    searchHref: `/${language}/search`,
    title: 'Экспорт белорусских товаров вырос на 12% — Диспатч',
    description: 'Экспорт товаров за десять месяцев вырос на 12% к прошлому году, сообщили в Министерстве экономики.',
    canonicalUrl: `${ORIGIN}/${language}/economics/1042-eksport-vyros`,
    alternates: [
      { hreflang: 'ru', href: `${ORIGIN}/ru/economics/1042-eksport-vyros` },
      { hreflang: 'en', href: `${ORIGIN}/en/economics/1042-exports-grow` },
      { hreflang: 'be', href: `${ORIGIN}/be/economics/1042-ekspart-vyras` },
      { hreflang: 'x-default', href: `${ORIGIN}/ru/economics/1042-eksport-vyros` },
    ],
    languages: [
      { code: 'ru', label: 'Ru', name: 'Русский', href: '/ru/economics/1042-eksport-vyros', isCurrent: language === 'ru' },
      { code: 'en', label: 'Eng', name: 'English', href: '/en/economics/1042-exports-grow', isCurrent: language === 'en' },
      { code: 'be', label: 'Bel', name: 'Беларуская', href: '/be/economics/1042-ekspart-vyras', isCurrent: language === 'be' },
    ],
    rubrics: [
      { text: 'Политика', href: `/${language}/politics/`, isCurrent: false },
      { text: 'Экономика', href: `/${language}/economics/`, isCurrent: true },
      { text: 'Общество', href: `/${language}/society/`, isCurrent: false },
      { text: 'Регионы', href: `/${language}/regions/`, isCurrent: false },
      { text: 'В мире', href: `/${language}/world/`, isCurrent: false },
      { text: 'Происшествия', href: `/${language}/incidents/`, isCurrent: false },
      { text: 'Культура', href: `/${language}/culture/`, isCurrent: false },
      { text: 'Спорт', href: `/${language}/sport/`, isCurrent: false },
    ],
    feed: { text: 'RSS: Диспатч', href: `/${language}/rss.xml` },
    social: [
      { network: 'vk', name: 'VK', href: 'https://vk.com/dispatch' },
      { network: 'telegram', name: 'Telegram', href: 'https://t.me/dispatch' },
      { network: 'x', name: 'X', href: 'https://x.com/dispatch' },
      { network: 'facebook', name: 'Facebook', href: 'https://www.facebook.com/dispatch' },
      { network: 'youtube', name: 'YouTube', href: 'https://www.youtube.com/@dispatch' },
    ],
    footerPages: [
      { text: 'Об агентстве', href: `/${language}/pages/about` },
      { text: 'Контакты', href: `/${language}/pages/contacts` },
      { text: 'Правила использования материалов', href: `/${language}/pages/terms` },
    ],
    openGraph: {
      type: 'article',
      title: 'Экспорт белорусских товаров вырос на 12%',
      description: 'Экспорт товаров за десять месяцев вырос на 12% к прошлому году.',
      url: `${ORIGIN}/${language}/economics/1042-eksport-vyros`,
      siteName: 'Диспатч',
      locale: 'ru_RU',
      alternateLocales: ['en_GB', 'be_BY'],
      image: { url: `${ORIGIN}/media/2026/11/port.jpg`, width: 1600, height: 900, alt: 'Контейнеры в порту' },
      publishedTime: '2026-11-23T14:23:00+03:00',
      modifiedTime: '2026-11-23T16:05:00+03:00',
      section: 'Экономика',
      tags: ['экспорт', 'торговля', 'Минэкономики'],
    },
    structuredData: [
      { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Экспорт белорусских товаров вырос на 12%' },
    ],
    stylesheetHref: '/assets/site.css',
    copyrightYear: 2026,
  };
}

const HEADLINES = [
  'Правительство утвердило программу развития малых городов до 2030 года',
  'Нацбанк сохранил ставку рефинансирования на уровне 9,5% годовых',
  'В Гродненской области завершили уборку сахарной свеклы',
  'Промышленное производство за октябрь выросло на 4,1%',
  'Минский тракторный завод отгрузил первую партию тракторов в Бразилию',
  'Средняя зарплата в стране превысила 2300 рублей',
  'Объем розничного товарооборота увеличился на 7,8%',
  'На биржу вышли первые облигации в цифровых рублях',
  'Строительство второй линии метро в Гомеле начнется весной',
  'Банки снизили ставки по потребительским кредитам',
  'Экспорт молочной продукции в Китай удвоился',
  'Инфляция в октябре составила 0,4%',
  'Мининформ подвел итоги конкурса региональных СМИ',
  'В Витебске открыли новый цех по выпуску льняных тканей',
];

export function sampleItems(count: number, options: { withRubric?: boolean; withLede?: boolean } = {}): StoryItemView[] {
  return Array.from({ length: count }, (_, i) => {
    const minute = 59 - ((i * 7) % 60);
    const hour = 18 - Math.floor(i / 2);
    const clock = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    const isYesterday = i >= 6;
    return {
      headline: HEADLINES[i % HEADLINES.length]!,
      href: `/ru/economics/${1000 + i}-story-${i}`,
      time: {
        iso: `2026-11-${isYesterday ? 22 : 23}T${clock}:00+03:00`,
        text: isYesterday ? `${clock}, 22 ноября` : clock,
      },
      rubric: options.withRubric ? { text: i % 3 === 0 ? 'Общество' : 'Экономика', href: '/ru/economics/' } : undefined,
      lede: options.withLede
        ? 'По данным ведомства, рост обеспечен прежде всего поставками продовольствия и машиностроительной продукции на рынки Азии.'
        : undefined,
      isUrgent: i === 2,
    };
  });
}

const PARAGRAPHS = [
  'Экспорт товаров за январь-октябрь вырос на 12% по сравнению с тем же периодом прошлого года и достиг 38,4 млрд долларов, сообщили корреспонденту агентства в Министерстве экономики. Положительное сальдо внешней торговли товарами составило 1,2 млрд долларов.',
  'Наибольший прирост показали поставки продовольствия и сельскохозяйственного сырья, а также продукции машиностроения. Рост экспорта в страны дальней дуги составил почти 20%, при этом доля новых рынков в общем объеме поставок впервые превысила четверть.',
  'В министерстве отметили, что предприятия активнее используют механизмы экспортного кредитования и страхования, а также выходят на маркетплейсы. Число экспортеров за год увеличилось более чем на 600 компаний, из них около половины относятся к малому и среднему бизнесу.',
  'Импорт товаров за тот же период вырос на 8,3%. Основную часть ввоза по-прежнему составляют промежуточные товары для производства, на втором месте инвестиционные товары: оборудование, станки и транспортные средства для модернизации предприятий.',
  'Аналитики ожидают, что по итогам года рост экспорта сохранится на уровне 10-11%, однако в четвертом квартале темпы могут замедлиться из-за высокой базы прошлого года и сезонного снижения поставок сельхозпродукции.',
];

export function sampleBodyHtml(): string {
  let body = '';
  for (let section = 0; section < 7; section++) {
    for (const paragraph of PARAGRAPHS) body += `<p>${paragraph}</p>\n`;
    if (section === 0) {
      body += '<blockquote><p>Мы видим устойчивый спрос на белорусскую продукцию на новых рынках, и задача следующего года — закрепить этот результат.</p><cite>Министр экономики</cite></blockquote>\n';
      body += '<h2>Новые рынки</h2>\n';
    }
    if (section === 1) {
      body += '<figure class="story-image"><img src="/media/2026/11/factory.jpg" width="1200" height="800" alt="Сборочный цех" loading="lazy" decoding="async"><figcaption>Сборочный цех тракторного завода <span class="credit">Иван Петров</span></figcaption></figure>\n';
      body += '<ul><li>продовольствие — плюс 17%;</li><li>машиностроение — плюс 14%;</li><li>химическая продукция — плюс 6%.</li></ul>\n';
    }
    if (section === 2) {
      body += '<p>Подробные данные опубликованы на сайте статистического ведомства: <a href="https://www.belstat.gov.by/ofitsialnaya-statistika/realny-sektor-ekonomiki/vneshnyaya-torgovlya/operativnye-dannye-za-yanvar-oktyabr" rel="noopener noreferrer">https://www.belstat.gov.by/ofitsialnaya-statistika/realny-sektor-ekonomiki/vneshnyaya-torgovlya/operativnye-dannye-za-yanvar-oktyabr</a>.</p>\n';
      body += '<figure class="embed embed-telegram"><a href="https://t.me/minecon/4521" rel="noopener noreferrer">Telegram: https://t.me/minecon/4521</a><figcaption>Сообщение министерства</figcaption></figure>\n';
    }
  }
  return body;
}

export function sampleStoryView(): StoryPageView {
  const chrome = sampleChrome('ru');
  return {
    chrome,
    breadcrumbs: [
      { text: 'Главная', href: '/ru/' },
      { text: 'Экономика', href: '/ru/economics/' },
    ],
    rubric: { text: 'Экономика', href: '/ru/economics/' },
    headline: 'Экспорт белорусских товаров за десять месяцев вырос на 12%',
    published: { iso: '2026-11-23T14:23:00+03:00', text: '14:23, 23 ноября' },
    correction: { text: chrome.strings.correctionNote, time: { iso: '2026-11-23T16:05:00+03:00', text: '16:05, 23 ноября' } },
    lede: 'Экспорт товаров за январь-октябрь вырос на 12% к прошлому году и достиг 38,4 млрд долларов, сообщили в Министерстве экономики.',
    leadImage: {
      src: '/media/2026/11/port.jpg',
      width: 1600,
      height: 900,
      alt: 'Контейнеры в порту',
      caption: 'Отгрузка контейнеров на экспорт',
      credit: 'Анна Иванова',
    },
    bodyHtml: sampleBodyHtml(),
    tags: [
      { text: 'экспорт', href: '/ru/tags/eksport/' },
      { text: 'торговля', href: '/ru/tags/torgovlya/' },
      { text: 'Минэкономики', href: '/ru/tags/minekonomiki/' },
    ],
    byline: [{ text: 'Мария Ковалева', href: '/ru/authors/m-kovaleva/' }],
    share: [
      { network: 'vk', label: 'Поделиться в VK', href: 'https://vk.com/share.php?url=https%3A%2F%2Fdispatch.example%2Fru%2Feconomics%2F1042-eksport-vyros' },
      { network: 'telegram', label: 'Поделиться в Telegram', href: 'https://t.me/share/url?url=https%3A%2F%2Fdispatch.example%2Fru%2Feconomics%2F1042-eksport-vyros' },
      { network: 'x', label: 'Поделиться в X', href: 'https://x.com/intent/post?url=https%3A%2F%2Fdispatch.example%2Fru%2Feconomics%2F1042-eksport-vyros' },
      { network: 'facebook', label: 'Поделиться в Facebook', href: 'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fdispatch.example%2Fru%2Feconomics%2F1042-eksport-vyros' },
      { network: 'odnoklassniki', label: 'Поделиться в Одноклассники', href: 'https://connect.ok.ru/offer?url=https%3A%2F%2Fdispatch.example%2Fru%2Feconomics%2F1042-eksport-vyros' },
    ],
    shareUrl: `${ORIGIN}/ru/economics/1042-eksport-vyros`,
    otherMaterials: {
      heading: chrome.strings.otherMaterials('Экономика'),
      items: sampleItems(12),
      more: { text: chrome.strings.allOfRubric('Экономика'), href: '/ru/economics/' },
    },
  };
}

export function sampleHomeView(): ListingPageView {
  const chrome: PageChrome = {
    ...sampleChrome('ru'),
    title: 'Диспатч',
    openGraph: { ...sampleChrome('ru').openGraph, type: 'website', image: undefined, tags: undefined },
    rubrics: sampleChrome('ru').rubrics.map((rubric) => ({ ...rubric, isCurrent: false })),
  };
  const top = sampleItems(4, { withRubric: true }).map((item, i) => ({
    ...item,
    href: `/ru/top/${i}`,
    image: { src: `/media/top-${i}.jpg`, width: 600, height: 400, alt: '' },
  }));
  return {
    chrome,
    heading: 'Диспатч',
    breadcrumbs: [],
    lead: {
      main: {
        headline: 'Президент провел совещание по итогам развития экономики за десять месяцев',
        href: '/ru/politics/1100-soveshchanie',
        time: { iso: '2026-11-23T15:10:00+03:00', text: '15:10' },
        rubric: { text: 'Политика', href: '/ru/politics/' },
        lede: 'Участники совещания обсудили выполнение прогнозных показателей, экспорт и инвестиции, а также задачи на следующий год.',
        image: { src: '/media/main.jpg', width: 1600, height: 900, alt: 'Совещание в зале заседаний' },
      },
      top,
    },
    feedHeading: chrome.strings.latestNews,
    items: sampleItems(30, { withRubric: true }),
    pagination: { older: { text: chrome.strings.moreNews, href: '/ru/?older=abc' } },
  };
}
