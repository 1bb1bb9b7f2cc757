// Lists of stories as a wire service shows them: time first, then the headline. The compact
// variant is the agency's feed ("lenta") and the "Other materials" column; the rich variant adds
// the lede and a picture, for rubric pages with ledes and the top stories of the home page.

import { attr, html, EMPTY_HTML, type SafeHtml } from './html.ts';
import type { UiStrings } from '../i18n/ui-strings.ts';
import type { ImageView, StoryItemView, TimeView } from './view-models.ts';

export type StoryListVariant = 'compact' | 'rich';

export interface StoryListOptions {
  variant?: StoryListVariant | undefined;
  /** Rich items' headlines are headings: 2 under the page's h1, 3 under a section's h2. */
  headingLevel?: 2 | 3 | undefined;
  /** Extra class for the list, e.g. for the home page's top stories. */
  className?: string | undefined;
  /**
   * The items are objects kept across page views (keptStoryItem): keep each compact item's markup
   * with it instead of writing it again on every page.
   */
  keep?: boolean | undefined;
}

export interface StoryCardOptions {
  headingLevel: 2 | 3;
  /** The home page's main story: big picture, loaded eagerly as it is above the fold. */
  isLead?: boolean | undefined;
}

/** "14:23, 27 июля" split so the feed can show the clock big and the day under it. */
const CLOCK_THEN_DAY = /^(\d{1,2}:\d{2}), (.+)$/;

/** A story's time: clock and day in separate spans, the whole in one machine-readable <time>. */
export function renderTime(time: TimeView): SafeHtml {
  const parts = CLOCK_THEN_DAY.exec(time.text);
  if (parts === null) return html`<time datetime="${time.iso}"><span class="clock">${time.text}</span></time>`;
  return html`<time datetime="${time.iso}"><span class="clock">${parts[1]}</span><span class="day-sep">, </span><span class="day">${parts[2]}</span></time>`;
}

export function renderStoryList(
  items: readonly StoryItemView[],
  strings: UiStrings,
  options: StoryListOptions = {},
): SafeHtml {
  if (items.length === 0) return EMPTY_HTML;
  const variant = options.variant ?? 'compact';
  const className = `story-list story-list-${variant}${options.className ? ' ' + options.className : ''}`;
  if (variant === 'compact') {
    const render = options.keep ? keptCompactItem : renderCompactItem;
    return html`<ul class="${className}">${items.map((item) => render(item, strings))}</ul>`;
  }
  const cardOptions: StoryCardOptions = { headingLevel: options.headingLevel ?? 2 };
  return html`<ul class="${className}">${items.map((item) => html`<li>${renderStoryCard(item, strings, cardOptions)}</li>`)}</ul>`;
}

const keptMarkup = new WeakMap<StoryItemView, { strings: UiStrings; markup: SafeHtml }>();

function keptCompactItem(item: StoryItemView, strings: UiStrings): SafeHtml {
  const kept = keptMarkup.get(item);
  if (kept !== undefined && kept.strings === strings) return kept.markup;
  const markup = renderCompactItem(item, strings);
  keptMarkup.set(item, { strings, markup });
  return markup;
}

function renderCompactItem(item: StoryItemView, strings: UiStrings): SafeHtml {
  return html`<li class="story-item${item.isUrgent ? ' is-urgent' : ''}">${renderTime(item.time)}<div class="story-item-text">${urgentMark(item, strings)}<a class="headline" href="${item.href}">${item.headline}</a>${
    item.rubric && html` <a class="rubric-link" href="${item.rubric.href}">${item.rubric.text}</a>`
  }</div></li>`;
}

/** One story with its picture and lede: a list item's content, or the home page's main story. */
export function renderStoryCard(item: StoryItemView, strings: UiStrings, options: StoryCardOptions): SafeHtml {
  const tag = options.headingLevel === 3 ? 'h3' : 'h2';
  const headline = html`${urgentMark(item, strings)}<a href="${item.href}">${item.headline}</a>`;
  return html`<article class="story-card${options.isLead ? ' story-card-lead' : ''}${item.isUrgent ? ' is-urgent' : ''}">${
    item.image && renderCardImage(item.image, options.isLead === true)
  }<div class="story-card-text"><p class="story-meta">${renderTime(item.time)}${
    item.rubric && html` <a class="rubric-link" href="${item.rubric.href}">${item.rubric.text}</a>`
  }</p>${tag === 'h3' ? html`<h3 class="headline">${headline}</h3>` : html`<h2 class="headline">${headline}</h2>`}${
    item.lede && html`<p class="story-card-lede">${item.lede}</p>`
  }</div></article>`;
}

function urgentMark(item: StoryItemView, strings: UiStrings): SafeHtml {
  return item.isUrgent ? html`<strong class="urgent-mark">${strings.urgent}</strong> ` : EMPTY_HTML;
}

function renderCardImage(image: ImageView, isLead: boolean): SafeHtml {
  // The lead picture is the largest thing above the fold: fetch it first instead of lazily.
  const img = html`<img src="${image.src}" width="${image.width}" height="${image.height}" alt="${image.alt}"${attr('srcset', image.srcset)}${attr('sizes', image.sizes)}${
    isLead ? html` fetchpriority="high"` : html` loading="lazy"`
  } decoding="async">`;
  const sources = image.sources ?? [];
  return html`<div class="story-card-image">${
    sources.length > 0
      ? html`<picture>${sources.map((source) => html`<source type="${source.type}" srcset="${source.srcset}"${attr('sizes', image.sizes)}>`)}${img}</picture>`
      : img
  }</div>`;
}
