// The frame of every public page: the document head (title, canonical and hreflang links, feed,
// Open Graph and Twitter cards, the one stylesheet), the masthead with the language switch, the
// rubric navigation, the footer, and the page's JSON-LD. No script runs anywhere on the page.

import { attr, html, trusted, type SafeHtml } from './html.ts';
import { icon, ICON_SPRITE } from './icons.ts';
import { feedAlternates } from '../paths.ts';
import { serializeJsonLd } from './structured-data.ts';
import type { LanguageOption, OpenGraphView, PageChrome, SocialLink } from './view-models.ts';

// An inline icon so browsers do not ask for /favicon.ico on every first visit.
const FAVICON = trusted(
  `<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' fill='%23c8102e'/%3E%3C/svg%3E">`,
);

export function renderPage(chrome: PageChrome, main: SafeHtml): string {
  const { strings } = chrome;
  return html`<!doctype html>
<html lang="${chrome.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${chrome.title}</title>
${chrome.description && html`<meta name="description" content="${chrome.description}">\n`}${
    chrome.noindex && html`<meta name="robots" content="noindex">\n`
  }<link rel="canonical" href="${chrome.canonicalUrl}">
${chrome.alternates.map((alt) => html`<link rel="alternate" hreflang="${alt.hreflang}" href="${alt.href}">\n`)}${feedAlternates(chrome.feed.href).map((alt) => html`<link rel="alternate" type="${alt.type}" title="${chrome.feed.text}" href="${alt.href}">\n`)}
<meta name="color-scheme" content="light dark">
<link rel="stylesheet" href="${chrome.stylesheetHref}">
${FAVICON}
${renderSocialMeta(chrome.openGraph)}</head>
<body>
${ICON_SPRITE}
<a class="skip-link" href="#content">${strings.skipToContent}</a>
<header class="site-header">
<div class="masthead wrap">
<a class="wordmark" href="${chrome.homeHref}">${chrome.siteName}</a>
<form class="search-box" role="search" action="${chrome.searchHref}" method="get"><label for="site-search">${strings.search}</label><input id="site-search" type="search" name="q" maxlength="300" required><button type="submit">${strings.searchButton}</button></form>
<nav class="lang-switch" aria-label="${strings.languageSwitch}"><ul>${chrome.languages.map(renderLanguage)}</ul></nav>
<ul class="header-links">
<li><a class="feed-link" href="${chrome.feed.href}" title="${chrome.feed.text}">${icon('rss')}<span>${strings.rss}</span></a></li>
${chrome.social.map((link) => html`<li class="social-icon"><a href="${link.href}">${icon(link.network)}<span class="vh">${link.name}</span></a></li>`)}
</ul>
</div>
${chrome.rubrics.length > 0 && html`<nav class="rubric-nav" aria-label="${strings.mainNavigation}"><ul class="wrap">${chrome.rubrics.map(
    (rubric) => html`<li><a href="${rubric.href}"${attr('aria-current', rubric.isCurrent && 'page')}>${rubric.text}</a></li>`,
  )}</ul></nav>`}
</header>
<main id="content" class="wrap">
${main}
</main>
<footer class="site-footer">
<div class="wrap footer-grid">
${chrome.footerPages.length > 0 && html`<ul class="footer-pages">${chrome.footerPages.map((page) => html`<li><a href="${page.href}">${page.text}</a></li>`)}</ul>`}
<div class="footer-follow">
<p class="footer-heading">${strings.followUs}</p>
<ul>${chrome.social.map(renderFooterSocial)}<li><a href="${chrome.feed.href}">${icon('rss')}${strings.rss}</a></li></ul>
</div>
<p class="copyright">© ${chrome.copyrightYear ?? new Date().getUTCFullYear()} ${chrome.siteName}. ${strings.allRightsReserved}</p>
</div>
</footer>
${chrome.structuredData.map(renderJsonLd)}</body>
</html>
`.value;
}

function renderLanguage(option: LanguageOption): SafeHtml {
  // The reader's own language is marked and not a link: there is nowhere to go.
  return option.isCurrent
    ? html`<li><span aria-current="true" lang="${option.code}" title="${option.name}">${option.label}</span></li>`
    : html`<li><a href="${option.href}" hreflang="${option.code}" lang="${option.code}" title="${option.name}">${option.label}</a></li>`;
}

function renderFooterSocial(link: SocialLink): SafeHtml {
  return html`<li><a href="${link.href}">${icon(link.network)}${link.name}</a></li>`;
}

function meta(property: string, content: string | number | undefined): SafeHtml | undefined {
  return content === undefined || content === '' ? undefined : html`<meta property="${property}" content="${content}">\n`;
}

function twitter(name: string, content: string | undefined): SafeHtml | undefined {
  return content === undefined || content === '' ? undefined : html`<meta name="${name}" content="${content}">\n`;
}

function renderSocialMeta(og: OpenGraphView): SafeHtml {
  const image = og.image;
  const isArticle = og.type === 'article';
  return html`${meta('og:type', og.type)}${meta('og:title', og.title)}${meta('og:description', og.description)}${meta('og:url', og.url)}${meta('og:site_name', og.siteName)}${meta('og:locale', og.locale)}${og.alternateLocales.map((locale) => meta('og:locale:alternate', locale))}${
    image && [meta('og:image', image.url), meta('og:image:width', image.width), meta('og:image:height', image.height), meta('og:image:alt', image.alt)]
  }${
    isArticle && [
      meta('article:published_time', og.publishedTime),
      meta('article:modified_time', og.modifiedTime),
      meta('article:section', og.section),
      (og.tags ?? []).map((tag) => meta('article:tag', tag)),
    ]
  }${twitter('twitter:card', image ? 'summary_large_image' : 'summary')}${twitter('twitter:title', og.title)}${twitter('twitter:description', og.description)}${
    image && [twitter('twitter:image', image.url), twitter('twitter:image:alt', image.alt)]
  }`;
}

/**
 * JSON-LD in its own script element. serializeJsonLd escapes "<" (and ">", "&") as \u003c..., so
 * the JSON reads the same to a parser while "</script>" or "<!--" in a headline cannot end the element.
 */
function renderJsonLd(data: object): SafeHtml {
  return trusted(`<script type="application/ld+json">${serializeJsonLd(data)}</script>\n`);
}
