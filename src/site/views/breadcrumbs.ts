// The breadcrumb trail above story, listing and static pages: a labelled navigation list whose
// separators are drawn by the stylesheet, so screen readers hear only the page names.

import { html, EMPTY_HTML, type SafeHtml } from './html.ts';
import type { Link } from './view-models.ts';

export function renderBreadcrumbs(links: readonly Link[], label: string): SafeHtml {
  if (links.length === 0) return EMPTY_HTML;
  return html`<nav class="breadcrumbs" aria-label="${label}"><ol>${links.map(
    (link) => html`<li><a href="${link.href}">${link.text}</a></li>`,
  )}</ol></nav>`;
}
