// The JSON-LD builders against what Google's structured data documentation asks of an article
// (author with name and url, datePublished/dateModified with a time zone, a short headline, images
// as ImageObject) and of a breadcrumb trail (ListItem with position from 1, name and item).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  breadcrumbListJsonLd,
  cutHeadline,
  HEADLINE_MAX_LENGTH,
  newsArticleJsonLd,
  type NewsArticleInput,
  ogLocale,
  organizationJsonLd,
  serializeJsonLd,
  webSiteJsonLd,
} from './structured-data.ts';
import { isoWithOffset } from '../dateline.ts';

const SITE = 'https://news.example.by';

function article(overrides: Partial<NewsArticleInput> = {}): NewsArticleInput {
  return {
    url: `${SITE}/en/economy/1042-potash-exports-rise`,
    headline: 'Potash exports rise by a fifth in the first half',
    description: 'Shipments through the ports of the region grew in every month.',
    language: 'en',
    datePublished: '2026-07-27T14:23:00+03:00',
    images: [
      { url: `${SITE}/media/2026/07/potash-16x9.jpg`, width: 1600, height: 900 },
      { url: `${SITE}/media/2026/07/potash-4x3.jpg`, width: 1200, height: 900 },
    ],
    authors: [
      { name: 'Anna Karpovich', url: `${SITE}/en/authors/anna-karpovich` },
      { name: 'Ivan Lis', url: `${SITE}/en/authors/ivan-lis` },
    ],
    section: 'Economy',
    keywords: ['Potash', 'Exports'],
    publisher: { name: 'Dispatch', url: `${SITE}/en/`, logoUrl: `${SITE}/static/logo-600x60.png` },
    ...overrides,
  };
}

type Json = Record<string, unknown>;

const asList = (value: unknown): Json[] => {
  assert.ok(Array.isArray(value), `expected a list, got ${JSON.stringify(value)}`);
  return value as Json[];
};

/** What survives the trip into the page: the object as a JSON-LD consumer parses it. */
const roundTrip = (value: object): Json => JSON.parse(serializeJsonLd(value)) as Json;

describe('newsArticleJsonLd', () => {
  it('is a schema.org NewsArticle about the page, in the page language, free to read', () => {
    const data = roundTrip(newsArticleJsonLd(article()));
    assert.equal(data['@context'], 'https://schema.org');
    assert.equal(data['@type'], 'NewsArticle');
    assert.deepEqual(data.mainEntityOfPage, { '@type': 'WebPage', '@id': `${SITE}/en/economy/1042-potash-exports-rise` });
    assert.equal(data.url, `${SITE}/en/economy/1042-potash-exports-rise`);
    assert.equal(data.headline, 'Potash exports rise by a fifth in the first half');
    assert.equal(data.description, 'Shipments through the ports of the region grew in every month.');
    assert.equal(data.inLanguage, 'en');
    assert.equal(data.articleSection, 'Economy');
    assert.deepEqual(data.keywords, ['Potash', 'Exports']);
    assert.equal(data.isAccessibleForFree, true);
  });

  it('has every property Google recommends for articles: author, author.name, author.url, datePublished, dateModified, headline, image', () => {
    const data = roundTrip(newsArticleJsonLd(article({ dateModified: '2026-07-27T16:05:00+03:00' })));
    for (const property of ['author', 'datePublished', 'dateModified', 'headline', 'image']) {
      assert.ok(property in data, `${property} is present`);
    }
    for (const author of asList(data.author)) {
      assert.equal(author['@type'], 'Person');
      assert.equal(typeof author.name, 'string');
      assert.match(author.url as string, /^https:\/\//, 'author.url is an absolute URL of the author page');
    }
  });

  it('lists each author as a Person of their own, with the name only and their page', () => {
    const data = roundTrip(newsArticleJsonLd(article()));
    assert.deepEqual(data.author, [
      { '@type': 'Person', name: 'Anna Karpovich', url: `${SITE}/en/authors/anna-karpovich` },
      { '@type': 'Person', name: 'Ivan Lis', url: `${SITE}/en/authors/ivan-lis` },
    ]);
  });

  it('credits the agency as the author of a story without a byline', () => {
    const data = roundTrip(newsArticleJsonLd(article({ authors: [] })));
    assert.deepEqual(data.author, [{ '@type': 'NewsMediaOrganization', name: 'Dispatch', url: `${SITE}/en/` }]);
  });

  it('keeps the times exactly as the page shows them, with the agency offset', () => {
    const published = isoWithOffset('2026-07-27T11:23:00.000Z', 'Europe/Minsk');
    const modified = isoWithOffset('2026-07-28T06:00:00.000Z', 'Europe/Minsk');
    const data = roundTrip(newsArticleJsonLd(article({ datePublished: published, dateModified: modified })));
    assert.equal(data.datePublished, '2026-07-27T14:23:00+03:00');
    assert.equal(data.dateModified, '2026-07-28T09:00:00+03:00');
  });

  it('leaves dateModified out while the story was never corrected', () => {
    const data = roundTrip(newsArticleJsonLd(article()));
    assert.equal('dateModified' in data, false);
  });

  it('refuses times without a time zone, which Google would misread', () => {
    assert.throws(() => newsArticleJsonLd(article({ datePublished: '2026-07-27T14:23:00' })), TypeError);
    assert.throws(() => newsArticleJsonLd(article({ datePublished: '27 July 2026' })), TypeError);
    assert.throws(() => newsArticleJsonLd(article({ dateModified: '2026-07-27' })), TypeError);
    assert.doesNotThrow(() => newsArticleJsonLd(article({ datePublished: '2026-07-27T11:23:00.000Z' })));
  });

  it('gives the images as ImageObjects with their size, in the order given', () => {
    const data = roundTrip(newsArticleJsonLd(article()));
    const images = asList(data.image);
    assert.deepEqual(images, [
      { '@type': 'ImageObject', url: `${SITE}/media/2026/07/potash-16x9.jpg`, width: 1600, height: 900 },
      { '@type': 'ImageObject', url: `${SITE}/media/2026/07/potash-4x3.jpg`, width: 1200, height: 900 },
    ]);
    for (const image of images) {
      assert.ok((image.width as number) * (image.height as number) >= 50_000, 'Google wants at least 50K pixels');
    }
  });

  it('leaves out what a story does not have: image, description, section, keywords', () => {
    const data = roundTrip(newsArticleJsonLd(article({ images: [], description: ' ', section: '', keywords: [' '] })));
    for (const property of ['image', 'description', 'articleSection', 'keywords']) assert.equal(property in data, false, property);
  });

  it('names the publisher as a NewsMediaOrganization, with its logo when there is one', () => {
    assert.deepEqual(roundTrip(newsArticleJsonLd(article())).publisher, {
      '@type': 'NewsMediaOrganization',
      name: 'Dispatch',
      url: `${SITE}/en/`,
      logo: { '@type': 'ImageObject', url: `${SITE}/static/logo-600x60.png` },
    });
    assert.deepEqual(roundTrip(newsArticleJsonLd(article({ publisher: { name: 'Диспетч', url: `${SITE}/ru/` } }))).publisher, {
      '@type': 'NewsMediaOrganization',
      name: 'Диспетч',
      url: `${SITE}/ru/`,
    });
  });

  it('cuts a long headline to 110 characters at a word boundary', () => {
    const long = 'Правительство утвердило программу развития регионов на пятилетку: новые дороги, школы и больницы появятся в каждом районе страны';
    const headline = roundTrip(newsArticleJsonLd(article({ headline: long, language: 'ru' }))).headline as string;
    assert.ok(Array.from(headline).length <= HEADLINE_MAX_LENGTH, `${headline.length} characters`);
    assert.equal(headline, 'Правительство утвердило программу развития регионов на пятилетку: новые дороги, школы и больницы появятся в…');
    assert.ok(long.startsWith(headline.slice(0, -1)));
  });
});

describe('cutHeadline', () => {
  it('keeps a headline that fits, only tidying its spaces', () => {
    assert.equal(cutHeadline('  Minsk  hosts the   forum '), 'Minsk hosts the forum');
    const exactly = 'a'.repeat(50) + ' ' + 'b'.repeat(59);
    assert.equal(exactly.length, 110);
    assert.equal(cutHeadline(exactly), exactly);
  });

  it('never ends inside a word or on punctuation', () => {
    const headline = cutHeadline('One two three, four five', 16);
    assert.equal(headline, 'One two three…');
    assert.equal(cutHeadline('One two three four', 14), 'One two three…');
    assert.equal(cutHeadline('One two three fourteen', 15), 'One two three…');
  });

  it('cuts a single overlong word inside it rather than returning nothing', () => {
    assert.equal(cutHeadline('Supercalifragilistic', 10), 'Supercali…');
  });

  it('counts characters, not UTF-16 units', () => {
    const headline = cutHeadline(`${'😀'.repeat(60)} ${'😀'.repeat(60)}`);
    assert.equal(headline, `${'😀'.repeat(60)}…`);
  });
});

describe('breadcrumbListJsonLd', () => {
  it('is a BreadcrumbList whose ListItems have position from 1, name and item, as Google requires', () => {
    const data = roundTrip(breadcrumbListJsonLd([
      { name: 'Home', url: `${SITE}/en/` },
      { name: 'Economy', url: `${SITE}/en/economy/` },
      { name: 'Potash exports rise', url: `${SITE}/en/economy/1042-potash-exports-rise` },
    ]));
    assert.equal(data['@context'], 'https://schema.org');
    assert.equal(data['@type'], 'BreadcrumbList');
    const items = asList(data.itemListElement);
    assert.deepEqual(items.map((item) => item.position), [1, 2, 3]);
    for (const item of items) {
      assert.equal(item['@type'], 'ListItem');
      assert.equal(typeof item.name, 'string');
      assert.match(item.item as string, /^https:\/\//);
    }
    assert.deepEqual(items[1], { '@type': 'ListItem', position: 2, name: 'Economy', item: `${SITE}/en/economy/` });
  });

  it('is an empty list for no items', () => {
    assert.deepEqual(breadcrumbListJsonLd([]).itemListElement, []);
  });
});

describe('webSiteJsonLd and organizationJsonLd', () => {
  it('describes a language home as a WebSite with its name, address and language', () => {
    assert.deepEqual(roundTrip(webSiteJsonLd({ name: 'Диспетч', url: `${SITE}/ru/`, language: 'ru' })), {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: 'Диспетч',
      url: `${SITE}/ru/`,
      inLanguage: 'ru',
    });
  });

  it('describes the agency as a news organization with its social profiles in sameAs', () => {
    const data = roundTrip(organizationJsonLd({ name: 'Dispatch', url: `${SITE}/en/`, sameAs: ['https://t.me/dispatch', 'https://vk.com/dispatch'] }));
    assert.deepEqual(data, {
      '@context': 'https://schema.org',
      '@type': 'NewsMediaOrganization',
      name: 'Dispatch',
      url: `${SITE}/en/`,
      sameAs: ['https://t.me/dispatch', 'https://vk.com/dispatch'],
    });
  });

  it('leaves sameAs out when the agency has no profiles, and adds the logo when given', () => {
    const data = roundTrip(organizationJsonLd({ name: 'Dispatch', url: `${SITE}/en/`, sameAs: [], logoUrl: `${SITE}/static/logo.png` }));
    assert.equal('sameAs' in data, false);
    assert.deepEqual(data.logo, { '@type': 'ImageObject', url: `${SITE}/static/logo.png` });
  });
});

describe('ogLocale', () => {
  it('writes the agency locales as Open Graph does', () => {
    assert.equal(ogLocale('ru-RU'), 'ru_RU');
    assert.equal(ogLocale('be-BY'), 'be_BY');
    assert.equal(ogLocale('en-GB'), 'en_GB');
  });

  it('normalizes case, keeps a bare language and drops a script subtag', () => {
    assert.equal(ogLocale('en-gb'), 'en_GB');
    assert.equal(ogLocale('ru_RU'), 'ru_RU');
    assert.equal(ogLocale('be'), 'be');
    assert.equal(ogLocale('sr-Latn-RS'), 'sr_RS');
  });
});

describe('serializeJsonLd', () => {
  it('cannot close the script element or open a comment, and parses back to the same object', () => {
    const data = newsArticleJsonLd(article({ headline: 'Why </script><script>alert(1)</script> & <!-- matter' }));
    const text = serializeJsonLd(data);
    assert.equal(/[<>&]/.test(text), false);
    assert.deepEqual(JSON.parse(text), data);
  });

  it('escapes the line and paragraph separators', () => {
    const text = serializeJsonLd({ name: 'a\u2028b\u2029c' });
    assert.equal(text, '{"name":"a\\u2028b\\u2029c"}');
    assert.deepEqual(JSON.parse(text), { name: 'a\u2028b\u2029c' });
  });
});
