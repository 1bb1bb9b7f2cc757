// Language homes, rubric, tag and author pages and the date archive: heading, the home page's
// main and top stories, the feed, "More news" paging, and the archive calendar beside the feed.

import { html, type SafeHtml } from './html.ts';
import { renderPage } from './layout.ts';
import { renderBreadcrumbs } from './breadcrumbs.ts';
import { renderCalendar } from './calendar.ts';
import { renderStoryCard, renderStoryList } from './story-list.ts';
import type { UiStrings } from '../i18n/ui-strings.ts';
import type { ListingPageView, StoryItemView } from './view-models.ts';

export function renderListingPage(view: ListingPageView): string {
  const { strings } = view.chrome;
  // The home page's heading is the site name, which the masthead already shows as the logo:
  // keep it for screen readers and search engines without printing the name twice.
  const isHome = view.heading === view.chrome.siteName;
  const feed = renderFeed(view, strings);
  const main = html`${renderBreadcrumbs(view.breadcrumbs, strings.breadcrumbs)}
<h1 class="${isHome ? 'vh' : 'page-heading'}">${view.heading}</h1>
${view.lead && renderLead(view.lead, strings)}${
    view.calendar
      ? html`<div class="columns">
<div class="column-main">${feed}</div>
<aside class="side" aria-label="${strings.archive}">${renderCalendar(view.calendar)}</aside>
</div>`
      : feed
  }`;
  return renderPage(view.chrome, main);
}

function renderLead(lead: NonNullable<ListingPageView['lead']>, strings: UiStrings): SafeHtml {
  if (lead.main === undefined && lead.top.length === 0) return html``;
  return html`<section class="lead" aria-label="${strings.mainStory}">
${lead.main && html`<div class="lead-main">${renderStoryCard(lead.main, strings, { headingLevel: 2, isLead: true })}</div>\n`}${
    lead.top.length > 0 &&
    html`<section class="top-stories" aria-labelledby="top-stories-heading"><h2 id="top-stories-heading" class="section-heading">${strings.topStories}</h2>${renderStoryList(lead.top, strings, { variant: 'rich', headingLevel: 3 })}</section>\n`
  }</section>
`;
}

/** Lists with ledes or pictures get the rich layout; a plain feed stays the dense lenta. */
function hasRichItems(items: readonly StoryItemView[]): boolean {
  return items.some((item) => item.lede !== undefined || item.image !== undefined);
}

function renderFeed(view: ListingPageView, strings: UiStrings): SafeHtml {
  const headingLevel = view.feedHeading === undefined ? 2 : 3;
  const list =
    view.items.length === 0
      ? html`<p class="empty">${view.emptyText ?? strings.noStories}</p>`
      : renderStoryList(view.items, strings, { variant: hasRichItems(view.items) ? 'rich' : 'compact', headingLevel });
  const { older, newest } = view.pagination;
  const body = html`${view.countText && html`<p class="count">${view.countText}</p>\n`}${list}
${(older || newest) && html`<p class="pagination">${older && html`<a class="button" href="${older.href}" rel="next">${older.text}</a>`}${
    newest && html`<a class="back-link" href="${newest.href}">${newest.text}</a>`
  }</p>`}`;
  return view.feedHeading === undefined
    ? html`<div class="feed">${body}</div>`
    : html`<section class="feed" aria-labelledby="feed-heading"><h2 id="feed-heading" class="section-heading">${view.feedHeading}</h2>${body}</section>`;
}
