// The search page: the form (query, rubric, dates), a message (how many were found, or why
// nothing could be searched), the results with highlighted headlines and snippets, rubric and
// time, and links to the previous and next page. Highlighted text comes escaped from the search
// domain with only <mark> added.

import { attr, html, trusted, type SafeHtml } from './html.ts';
import { renderPage } from './layout.ts';
import { renderTime } from './story-list.ts';
import type { PageChrome, SearchPageView } from './view-models.ts';

export function renderSearchPage(view: SearchPageView): string {
  const { strings } = view.chrome;
  const form = view.form;
  const main = html`<h1 class="page-heading">${strings.search}</h1>
<form class="search-form" role="search" action="${view.chrome.searchHref}" method="get">
<div class="field field-query"><label for="search-query">${strings.search}</label><input id="search-query" type="search" name="q" value="${form.query}" maxlength="300"></div>
<div class="field"><label for="search-rubric">${strings.searchRubric}</label><select id="search-rubric" name="rubric"><option value="">${strings.searchAllRubrics}</option>${form.rubrics.map(
    (rubric) => html`<option value="${rubric.value}"${attr('selected', rubric.isSelected)}>${rubric.text}</option>`,
  )}</select></div>
<div class="field"><label for="search-from">${strings.searchFrom}</label><input id="search-from" type="date" name="from" value="${form.from}"></div>
<div class="field"><label for="search-to">${strings.searchTo}</label><input id="search-to" type="date" name="to" value="${form.to}"></div>
${form.tag && html`<input type="hidden" name="tag" value="${form.tag}">`}<button type="submit">${strings.searchButton}</button>
</form>
<p class="search-help">${strings.searchHelp}</p>
${view.messages.map((message) => html`<p class="search-message" role="status">${message}</p>`)}
${view.results.length > 0 && html`<ol class="search-results">${view.results.map(
    (result) => html`<li><h2><a href="${result.href}">${trusted(result.headlineHtml)}</a></h2><p class="search-snippet">${trusted(result.snippetHtml)}</p><p class="story-meta">${renderTime(result.time)}${
      result.rubric && html` <a class="rubric-link" href="${result.rubric.href}">${result.rubric.text}</a>`
    }</p></li>`,
  )}</ol>`}
${renderPager(view, view.chrome)}`;
  return renderPage(view.chrome, main);
}

function renderPager(view: SearchPageView, chrome: PageChrome): SafeHtml {
  const { previous, next } = view.pages;
  if (!previous && !next) return html``;
  return html`<nav class="search-pages" aria-label="${chrome.strings.searchPage(view.pages.current)}">${
    previous && html`<a class="back-link" href="${previous}" rel="prev">${chrome.strings.searchPrevious}</a>`
  }<span>${chrome.strings.searchPage(view.pages.current)}</span>${next && html`<a class="button" href="${next}" rel="next">${chrome.strings.searchNext}</a>`}</nav>`;
}
