// Static pages (About the agency, Contacts): a heading and the renderer's HTML at reading width.

import { html, trusted } from './html.ts';
import { renderPage } from './layout.ts';
import { renderBreadcrumbs } from './breadcrumbs.ts';
import type { StaticPageView } from './view-models.ts';

export function renderStaticPage(view: StaticPageView): string {
  const main = html`${renderBreadcrumbs(view.breadcrumbs, view.chrome.strings.breadcrumbs)}
<article class="static-page">
<h1 class="page-heading">${view.heading}</h1>
<div class="story-body">
${trusted(view.bodyHtml)}</div>
</article>`;
  return renderPage(view.chrome, main);
}
