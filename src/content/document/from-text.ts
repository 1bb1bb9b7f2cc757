// The small Markdown-like format the demo content files are written in, turned into a story
// document. One array element is one block:
//   "## text" / "### text" / "#### text"   heading level 2 / 3 / 4
//   "> quote — Person, title"              blockquote; attribution after the last " — "
//   "- item"  /  "1. item"                 bullet / ordered list item; neighbours of a kind join
//   anything else                          paragraph
// Inline: **bold**, *italic*, [text](url), nestable; an unmatched * or ** stays as written; a
// line feed inside a block is a hard break. Blank elements are skipped but still end a list.

import type { BlockNode, InlineNode, ListItemNode, Mark, ParagraphNode, StoryDocument } from './document.ts';
import { parseDocument } from './parse-document.ts';

const HEADING = /^(#{2,4}) (.*)$/s;
const QUOTE = /^> (.*)$/s;
const BULLET = /^- (.*)$/s;
// Nine digits at most, as in CommonMark: "2024. " at the start of a paragraph is still a list
// item, but a long number is not.
const ORDERED = /^(\d{1,9})\. (.*)$/s;
const ATTRIBUTION_SEPARATOR = ' — ';

/**
 * Builds a document from text blocks. The result has been through `parseDocument`, so it is
 * normalized, and a bad link address or an oversized text throws a `DocumentError`.
 */
export function documentFromText(blocks: readonly string[]): StoryDocument {
  const content: BlockNode[] = [];
  // The list the previous block added to, which the next item of the same kind continues.
  let openList: { kind: 'bullet' | 'ordered'; items: ListItemNode[] } | undefined;

  for (const raw of blocks) {
    const block = raw.trim();
    if (block === '') {
      openList = undefined;
      continue;
    }

    const bullet = BULLET.exec(block);
    const ordered = bullet === null ? ORDERED.exec(block) : null;
    if (bullet !== null || ordered !== null) {
      const kind = bullet !== null ? 'bullet' : 'ordered';
      const text = (bullet !== null ? bullet[1] : ordered?.[2]) ?? '';
      const item: ListItemNode = { type: 'listItem', content: [paragraph(text)] };
      if (openList?.kind === kind) {
        openList.items.push(item);
        continue;
      }
      const items = [item];
      openList = { kind, items };
      if (kind === 'bullet') {
        content.push({ type: 'bulletList', content: items });
      } else {
        const start = Number(ordered?.[1] ?? '1');
        content.push(
          start === 1
            ? { type: 'orderedList', content: items }
            : { type: 'orderedList', attrs: { start }, content: items },
        );
      }
      continue;
    }
    openList = undefined;

    const heading = HEADING.exec(block);
    if (heading !== null) {
      const level = (heading[1] ?? '##').length as 2 | 3 | 4;
      const inline = parseInline((heading[2] ?? '').trim());
      content.push(
        inline.length === 0
          ? { type: 'heading', attrs: { level } }
          : { type: 'heading', attrs: { level }, content: inline },
      );
      continue;
    }

    const quote = QUOTE.exec(block);
    if (quote !== null) {
      const body = quote[1] ?? '';
      const cut = body.lastIndexOf(ATTRIBUTION_SEPARATOR);
      const text = cut === -1 ? body : body.slice(0, cut);
      const attribution = cut === -1 ? '' : body.slice(cut + ATTRIBUTION_SEPARATOR.length).trim();
      content.push(
        attribution === ''
          ? { type: 'blockquote', content: [paragraph(text)] }
          : { type: 'blockquote', attrs: { attribution }, content: [paragraph(text)] },
      );
      continue;
    }

    content.push(paragraph(block));
  }

  return parseDocument({ type: 'doc', content });
}

function paragraph(text: string): ParagraphNode {
  const inline = parseInline(text.trim());
  return inline.length === 0 ? { type: 'paragraph' } : { type: 'paragraph', content: inline };
}

// --- Inline parsing ------------------------------------------------------------------------
// A reduced CommonMark: links are found first and their text parsed on its own, then runs of
// "*" are paired innermost-first, a pair of runs both at least two long making bold and any
// other pair italic. So "***both***" is bold and italic, and "**a *b* c**" nests.

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'break' }
  | { kind: 'stars'; count: number; canOpen: boolean; canClose: boolean }
  | { kind: 'mark'; mark: 'bold' | 'italic'; children: Token[] }
  | { kind: 'link'; href: string; children: Token[] };

function parseInline(text: string): InlineNode[] {
  const nodes: InlineNode[] = [];
  flatten(pairStars(tokenize(text, true)), { bold: false, italic: false, href: undefined }, nodes);
  return nodes;
}

function tokenize(text: string, allowLinks: boolean): Token[] {
  const tokens: Token[] = [];
  let plain = '';
  const flush = (): void => {
    if (plain !== '') tokens.push({ kind: 'text', text: plain });
    plain = '';
  };

  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '*') {
      let end = i;
      while (text[end] === '*') end++;
      const before = text[i - 1];
      const after = text[end];
      flush();
      tokens.push({
        kind: 'stars',
        count: end - i,
        canOpen: after !== undefined && !isSpace(after),
        canClose: before !== undefined && !isSpace(before),
      });
      i = end;
      continue;
    }
    if (char === '\n') {
      flush();
      tokens.push({ kind: 'break' });
      i++;
      continue;
    }
    if (char === '[' && allowLinks) {
      const link = matchLink(text, i);
      if (link !== undefined) {
        flush();
        tokens.push({ kind: 'link', href: link.href, children: pairStars(tokenize(link.text, false)) });
        i = link.end;
        continue;
      }
    }
    plain += char;
    i++;
  }
  flush();
  return tokens;
}

function isSpace(char: string): boolean {
  return /\s/.test(char);
}

/** Matches `[text](url)` at `start`: brackets and parentheses may nest, the url has no spaces. */
function matchLink(text: string, start: number): { text: string; href: string; end: number } | undefined {
  let depth = 0;
  let close = -1;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '[') depth++;
    else if (text[i] === ']' && --depth === 0) {
      close = i;
      break;
    }
  }
  if (close === -1 || close === start + 1 || text[close + 1] !== '(') return undefined;

  depth = 0;
  for (let i = close + 1; i < text.length; i++) {
    const char = text[i];
    if (char === undefined || isSpace(char)) return undefined;
    if (char === '(') depth++;
    else if (char === ')' && --depth === 0) {
      const href = text.slice(close + 2, i);
      if (href === '') return undefined;
      return { text: text.slice(start + 1, close), href, end: i + 1 };
    }
  }
  return undefined;
}

function pairStars(tokens: Token[]): Token[] {
  let i = 0;
  while (i < tokens.length) {
    const closer = tokens[i];
    if (closer?.kind !== 'stars' || !closer.canClose || closer.count === 0) {
      i++;
      continue;
    }
    let o = i - 1;
    while (o >= 0) {
      const candidate = tokens[o];
      if (candidate?.kind === 'stars' && candidate.canOpen && candidate.count > 0) break;
      o--;
    }
    const opener = tokens[o];
    if (opener?.kind !== 'stars') {
      i++;
      continue;
    }
    const used = opener.count >= 2 && closer.count >= 2 ? 2 : 1;
    opener.count -= used;
    closer.count -= used;
    const children = tokens.slice(o + 1, i);
    tokens.splice(o + 1, i - o - 1, { kind: 'mark', mark: used === 2 ? 'bold' : 'italic', children });
    // The closer is now right after the new mark; it may still close an earlier opener.
    i = o + 2;
  }
  return tokens;
}

interface ActiveMarks {
  bold: boolean;
  italic: boolean;
  href: string | undefined;
}

function flatten(tokens: readonly Token[], active: ActiveMarks, out: InlineNode[]): void {
  for (const token of tokens) {
    switch (token.kind) {
      case 'text':
        pushText(token.text, active, out);
        break;
      case 'stars':
        // Stars left over after pairing were never emphasis.
        if (token.count > 0) pushText('*'.repeat(token.count), active, out);
        break;
      case 'break':
        out.push({ type: 'hardBreak' });
        break;
      case 'mark':
        flatten(token.children, { ...active, [token.mark]: true }, out);
        break;
      case 'link':
        flatten(token.children, { ...active, href: token.href }, out);
        break;
    }
  }
}

function pushText(text: string, active: ActiveMarks, out: InlineNode[]): void {
  const marks: Mark[] = [];
  if (active.bold) marks.push({ type: 'bold' });
  if (active.italic) marks.push({ type: 'italic' });
  if (active.href !== undefined) marks.push({ type: 'link', attrs: { href: active.href } });
  out.push(marks.length === 0 ? { type: 'text', text } : { type: 'text', text, marks });
}
