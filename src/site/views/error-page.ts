// The page for an address with nothing to show (400, 404, 410, 5xx): what happened in the
// reader's language, the way home, and the latest news so the visit does not end here.

import { html } from './html.ts';
import { renderPage } from './layout.ts';
import { renderStoryList } from './story-list.ts';
import type { ErrorPageView } from './view-models.ts';

export function renderErrorPage(view: ErrorPageView): string {
  const { strings } = view.chrome;
  const main = html`<div class="error-page">
<h1 class="page-heading">${view.heading}</h1>
<p class="error-text">${view.text}</p>
<p><a class="button" href="${view.homeLink.href}">${view.homeLink.text}</a></p>
</div>
${view.latest.length > 0 && html`<section class="feed" aria-labelledby="latest-heading"><h2 id="latest-heading" class="section-heading">${strings.latestNews}</h2>${renderStoryList(view.latest, strings)}</section>`}`;
  return renderPage(view.chrome, main);
}
