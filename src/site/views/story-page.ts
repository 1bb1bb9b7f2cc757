// The story page: rubric, headline, dateline, correction note, lead photo, lede, body, tags,
// byline and share links, with "Other materials" of the rubric beside it (below on phones).
// Sharing is plain links and a copy field that works without JavaScript.

import { attr, html, trusted, type SafeHtml } from './html.ts';
import { icon } from './icons.ts';
import { renderPage } from './layout.ts';
import { renderBreadcrumbs } from './breadcrumbs.ts';
import { renderStoryList } from './story-list.ts';
import type { UiStrings } from '../i18n/ui-strings.ts';
import type { ImageView, ShareLink, StoryPageView } from './view-models.ts';

export function renderStoryPage(view: StoryPageView): string {
  const { strings } = view.chrome;
  const main = html`${renderBreadcrumbs(view.breadcrumbs, strings.breadcrumbs)}
<div class="columns">
<article class="story">
<header class="story-header">
<p class="kicker"><a class="rubric-link" href="${view.rubric.href}">${view.rubric.text}</a></p>
<h1 class="story-headline">${view.headline}</h1>
<p class="dateline"><time datetime="${view.published.iso}">${view.published.text}</time></p>
</header>
${view.correction && html`<div class="correction" role="note"><p class="correction-time"><time datetime="${view.correction.time.iso}">${strings.corrected(view.correction.time.text)}</time></p><p>${view.correction.text}</p></div>\n`}${
    view.leadImage && renderLeadImage(view.leadImage, strings)
  }<p class="lede">${view.lede}</p>
<div class="story-body">
${trusted(view.bodyHtml)}</div>
<footer class="story-footer">
${renderMeta(view, strings)}${renderShare(view.share, view.shareUrl, strings)}
</footer>
</article>
${renderOtherMaterials(view, strings)}
</div>`;
  return renderPage(view.chrome, main);
}

function renderLeadImage(image: ImageView, strings: UiStrings): SafeHtml {
  // The lead photo is above the fold: no lazy loading, and fetched before other images.
  const img = html`<img src="${image.src}" width="${image.width}" height="${image.height}" alt="${image.alt}"${attr('srcset', image.srcset)}${attr('sizes', image.sizes)} fetchpriority="high" decoding="async">`;
  const sources = image.sources ?? [];
  return html`<figure class="lead-image">${
    sources.length > 0
      ? html`<picture>${sources.map((source) => html`<source type="${source.type}" srcset="${source.srcset}"${attr('sizes', image.sizes)}>`)}${img}</picture>`
      : img
  }${
    (image.caption || image.credit) &&
    html`<figcaption>${image.caption}${image.caption && image.credit && ' '}${image.credit && html`<span class="credit">${strings.photo}: ${image.credit}</span>`}</figcaption>`
  }</figure>\n`;
}

function renderMeta(view: StoryPageView, strings: UiStrings): SafeHtml {
  if (view.tags.length === 0 && view.byline.length === 0) return html``;
  return html`<dl class="story-meta-list">${
    view.tags.length > 0 &&
    html`<div><dt>${strings.tags}</dt><dd><ul class="tag-list">${view.tags.map((tag) => html`<li><a href="${tag.href}" rel="tag">${tag.text}</a></li>`)}</ul></dd></div>`
  }${
    view.byline.length > 0 &&
    html`<div><dt>${strings.byline}</dt><dd><ul class="byline">${view.byline.map((author) => html`<li><a href="${author.href}" rel="author">${author.text}</a></li>`)}</ul></dd></div>`
  }</dl>\n`;
}

function renderShare(links: readonly ShareLink[], url: string, strings: UiStrings): SafeHtml {
  return html`<section class="share" aria-labelledby="share-heading">
<h2 id="share-heading" class="share-heading">${strings.share}</h2>
<ul class="share-links">${links.map(
    (link) => html`<li><a class="share-${link.network}" href="${link.href}" rel="noopener noreferrer" title="${link.label}">${icon(link.network)}<span class="vh">${link.label}</span></a></li>`,
  )}</ul>
<details class="copy-link"><summary>${strings.copyLink}</summary><label class="vh" for="share-url">${strings.copyLink}</label><input id="share-url" type="url" value="${url}" readonly></details>
</section>`;
}

function renderOtherMaterials(view: StoryPageView, strings: UiStrings): SafeHtml {
  const other = view.otherMaterials;
  return html`<section class="other-materials side" aria-labelledby="other-materials-heading">
<h2 id="other-materials-heading" class="section-heading">${other.heading}</h2>
${renderStoryList(other.items, strings, { variant: 'compact', keep: true })}
<p class="more-link"><a href="${other.more.href}">${other.more.text}</a></p>
</section>`;
}
