// Turns a story document into HTML (pages, feeds and the wire all use this one renderer) and
// into plain text (search, feed summaries). It runs on every uncached page view, so it is plain
// string building with no DOM; every text and attribute value is escaped, and it emits only:
// p h2 h3 h4 blockquote ul ol li strong em a br figure figcaption picture source img cite span.

import type {
  BlockNode,
  BlockquoteNode,
  EmbedNode,
  ImageNode,
  InlineNode,
  ListItemNode,
  ParagraphNode,
  StoryDocument,
} from './document.ts';
import {
  EMBED_PROVIDER_NAMES,
  isExternalHref,
  isRenderableEmbedUrl,
  isRenderableHref,
} from './url-policy.ts';

/** An image of the media library as the page should show it. */
export interface RenderedImage {
  src: string;
  width: number;
  height: number;
  srcset?: string;
  sizes?: string;
  /** Renditions in better formats (AVIF, WebP), best first: the image is then a `<picture>`. */
  sources?: ReadonlyArray<{ type: string; srcset: string }>;
  /** The media library's texts, shown when the document's image block has none of its own. */
  alt?: string | undefined;
  caption?: string | undefined;
  credit?: string | undefined;
}

export interface RenderOptions {
  /** Looks an image up in the media library; images it does not know are left out. */
  resolveImage?: (imageId: number) => RenderedImage | undefined;
}

const ESCAPE_TEST = /[&<>"']/;
const ESCAPE_ALL = /[&<>"']/g;
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeChar(char: string): string {
  return ESCAPES[char] ?? char;
}

/** Escapes text and attribute values alike; most strings need nothing, so test before replacing. */
export function escapeHtml(value: string): string {
  return ESCAPE_TEST.test(value) ? value.replace(ESCAPE_ALL, escapeChar) : value;
}

const HEADING_TAGS: Readonly<Record<number, string>> = { 2: 'h2', 3: 'h3', 4: 'h4' };

export function renderDocumentHtml(doc: StoryDocument, options: RenderOptions = {}): string {
  const resolveImage = options.resolveImage;
  let html = '';
  for (const block of doc.content) {
    const rendered = renderBlock(block, resolveImage);
    if (rendered !== '') html += rendered + '\n';
  }
  return html;
}

function renderBlock(block: BlockNode, resolveImage: RenderOptions['resolveImage']): string {
  switch (block.type) {
    case 'paragraph':
      return renderParagraph(block);
    case 'heading': {
      // A level outside 2-4 can only come from a document that skipped parseDocument.
      const tag = HEADING_TAGS[block.attrs.level] ?? 'h2';
      return `<${tag}>${renderInline(block.content)}</${tag}>`;
    }
    case 'blockquote':
      return renderBlockquote(block);
    case 'bulletList':
      return `<ul>${renderListItems(block.content)}</ul>`;
    case 'orderedList': {
      const start = block.attrs?.start;
      const startAttr =
        start !== undefined && start !== 1 && Number.isSafeInteger(start) ? ` start="${start}"` : '';
      return `<ol${startAttr}>${renderListItems(block.content)}</ol>`;
    }
    case 'image':
      return renderImage(block, resolveImage);
    case 'embed':
      return renderEmbed(block);
    default:
      return '';
  }
}

function renderParagraph(paragraph: ParagraphNode): string {
  return `<p>${renderInline(paragraph.content)}</p>`;
}

function renderBlockquote(quote: BlockquoteNode): string {
  let html = '<blockquote>';
  for (const paragraph of quote.content) html += renderParagraph(paragraph);
  const attribution = quote.attrs?.attribution;
  if (attribution) html += `<cite>${escapeHtml(attribution)}</cite>`;
  return html + '</blockquote>';
}

function renderListItems(items: readonly ListItemNode[]): string {
  let html = '';
  for (const item of items) {
    const only = item.content.length === 1 ? item.content[0] : undefined;
    if (only !== undefined) {
      // A one-paragraph item (nearly all of them) needs no <p>, as in a "tight" Markdown list.
      html += `<li>${renderInline(only.content)}</li>`;
    } else {
      html += '<li>';
      for (const paragraph of item.content) html += renderParagraph(paragraph);
      html += '</li>';
    }
  }
  return html;
}

function renderImage(image: ImageNode, resolveImage: RenderOptions['resolveImage']): string {
  const resolved = resolveImage?.(image.attrs.imageId);
  if (resolved === undefined) return '';
  const sources = resolved.sources ?? [];
  let html = '<figure class="story-image">';
  if (sources.length > 0) {
    html += '<picture>';
    for (const source of sources) {
      html += `<source type="${escapeHtml(source.type)}" srcset="${escapeHtml(source.srcset)}"`;
      if (resolved.sizes) html += ` sizes="${escapeHtml(resolved.sizes)}"`;
      html += '>';
    }
  }
  html += `<img src="${escapeHtml(resolved.src)}"`;
  if (isDimension(resolved.width)) html += ` width="${resolved.width}"`;
  if (isDimension(resolved.height)) html += ` height="${resolved.height}"`;
  html += ` alt="${escapeHtml(image.attrs.alt || resolved.alt || '')}" loading="lazy" decoding="async"`;
  if (resolved.srcset) html += ` srcset="${escapeHtml(resolved.srcset)}"`;
  if (resolved.sizes) html += ` sizes="${escapeHtml(resolved.sizes)}"`;
  html += '>';
  if (sources.length > 0) html += '</picture>';

  const caption = image.attrs.caption || resolved.caption;
  const credit = image.attrs.credit || resolved.credit;
  if (caption || credit) {
    html += '<figcaption>';
    if (caption) html += escapeHtml(caption);
    if (caption && credit) html += ' ';
    if (credit) html += `<span class="credit">${escapeHtml(credit)}</span>`;
    html += '</figcaption>';
  }
  return html + '</figure>';
}

function isDimension(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0;
}

function renderEmbed(embed: EmbedNode): string {
  const { provider, url, caption } = embed.attrs;
  // Only a link card: no third-party script or frame ever runs on our pages or in feeds.
  if (!isRenderableEmbedUrl(provider, url)) return '';
  const href = escapeHtml(url);
  let html =
    `<figure class="embed embed-${provider}"><a href="${href}" rel="noopener noreferrer">` +
    `${EMBED_PROVIDER_NAMES[provider]}: ${href}</a>`;
  if (caption) html += `<figcaption>${escapeHtml(caption)}</figcaption>`;
  return html + '</figure>';
}

/**
 * Renders inline nodes, keeping a link, bold or italic run open across consecutive text nodes
 * that share it, so "a **b** c" inside one link is one <a>. Marks always nest a > strong > em
 * whatever their order in the node.
 */
function renderInline(nodes: readonly InlineNode[] | undefined): string {
  if (nodes === undefined) return '';
  let html = '';
  let openHref: string | undefined;
  let openBold = false;
  let openItalic = false;

  for (const node of nodes) {
    if (node.type !== 'text') {
      if (node.type === 'hardBreak') {
        html += closeRuns(openHref, openBold, openItalic) + '<br>';
        openHref = undefined;
        openBold = false;
        openItalic = false;
      }
      continue;
    }

    let href: string | undefined;
    let bold = false;
    let italic = false;
    if (node.marks !== undefined) {
      for (const mark of node.marks) {
        if (mark.type === 'bold') bold = true;
        else if (mark.type === 'italic') italic = true;
        // An address that fails the check is dropped, keeping the words without the link.
        else if (mark.type === 'link' && isRenderableHref(mark.attrs.href)) href = mark.attrs.href;
      }
    }

    if (href !== openHref) {
      html += closeRuns(openHref, openBold, openItalic);
      if (href !== undefined) html += openLink(href);
      if (bold) html += '<strong>';
      if (italic) html += '<em>';
    } else if (bold !== openBold) {
      if (openItalic) html += '</em>';
      html += bold ? '<strong>' : '</strong>';
      if (italic) html += '<em>';
    } else if (italic !== openItalic) {
      html += italic ? '<em>' : '</em>';
    }
    openHref = href;
    openBold = bold;
    openItalic = italic;
    html += escapeHtml(node.text);
  }
  return html + closeRuns(openHref, openBold, openItalic);
}

function closeRuns(href: string | undefined, bold: boolean, italic: boolean): string {
  let html = '';
  if (italic) html += '</em>';
  if (bold) html += '</strong>';
  if (href !== undefined) html += '</a>';
  return html;
}

function openLink(href: string): string {
  return isExternalHref(href)
    ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">`
    : `<a href="${escapeHtml(href)}">`;
}

// --- Plain text ----------------------------------------------------------------------------

/**
 * The words of the story without markup: blocks separated by a blank line, list items one per
 * line, a quote's attribution on the line after it ("— Name"). Images and embeds are left out,
 * so a photo caption never becomes the summary of a feed item.
 */
export function renderDocumentText(doc: StoryDocument): string {
  const blocks: string[] = [];
  for (const block of doc.content) {
    const text = blockText(block);
    if (text !== '') blocks.push(text);
  }
  return blocks.join('\n\n');
}

function blockText(block: BlockNode): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(block.content);
    case 'blockquote': {
      const paragraphs = paragraphsText(block.content, '\n\n');
      const attribution = block.attrs?.attribution;
      if (!attribution) return paragraphs;
      return paragraphs === '' ? `— ${attribution}` : `${paragraphs}\n— ${attribution}`;
    }
    case 'bulletList':
    case 'orderedList': {
      const lines: string[] = [];
      for (const item of block.content) {
        const text = paragraphsText(item.content, '\n');
        if (text !== '') lines.push(text);
      }
      return lines.join('\n');
    }
    default:
      return '';
  }
}

function paragraphsText(paragraphs: readonly ParagraphNode[], separator: string): string {
  const parts: string[] = [];
  for (const paragraph of paragraphs) {
    const text = inlineText(paragraph.content);
    if (text !== '') parts.push(text);
  }
  return parts.join(separator);
}

function inlineText(nodes: readonly InlineNode[] | undefined): string {
  if (nodes === undefined) return '';
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text') text += node.text;
    else if (node.type === 'hardBreak') text += '\n';
  }
  return text;
}
