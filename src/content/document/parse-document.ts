// Strict validation of story documents arriving from outside (the newsroom editor over HTTP,
// content files). Everything that reaches storage or a page goes through here: the result is a
// freshly built, normalized object, so nothing the sender added survives by accident.

import type {
  BlockNode,
  BlockquoteNode,
  BulletListNode,
  EmbedNode,
  HeadingNode,
  ImageNode,
  InlineNode,
  ListItemNode,
  Mark,
  OrderedListNode,
  ParagraphNode,
  StoryDocument,
} from './document.ts';
import { checkEmbedUrl, checkLinkHref, isEmbedProvider } from './url-policy.ts';

/** Block nodes at any depth (paragraphs in quotes and list items, list items, lists) count. */
export const MAX_BLOCKS = 2000;
/**
 * Characters (UTF-16 code units) of text in the whole document: text nodes, one per hard break,
 * and the text attributes readers see (alt, caption, credit, attribution).
 */
export const MAX_TEXT_LENGTH = 200_000;

export class DocumentError extends Error {
  /** Where the problem is, e.g. `content[3].content[0].marks[1]`; '' for the document itself. */
  readonly path: string;
  /** What is wrong, in plain English, fit to show to an editor. */
  readonly reason: string;

  constructor(path: string, reason: string) {
    super(`${path === '' ? 'document' : path}: ${reason}`);
    this.name = 'DocumentError';
    this.path = path;
    this.reason = reason;
  }
}

const NODE_TYPES: ReadonlySet<string> = new Set([
  'doc',
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'image',
  'embed',
  'text',
  'hardBreak',
]);

const MARK_ORDER = { bold: 0, italic: 1, link: 2 } as const;
type MarkType = keyof typeof MARK_ORDER;

// Text may hold line feeds and tabs; attributes are single-line labels and may hold neither.
const TEXT_CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f]/;
const ATTR_CONTROL_CHARS = /[\u0000-\u001f]/;
// A lone surrogate cannot be encoded as UTF-8 (nor stored by PostgreSQL's jsonb).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

interface Budget {
  blocks: number;
  text: number;
}

type Fields = Record<string, unknown>;

export function parseDocument(input: unknown): StoryDocument {
  const budget: Budget = { blocks: 0, text: 0 };
  const fields = readFields(input, '', ['type', 'content'], 'property');
  if (fields.type !== 'doc') {
    throw new DocumentError(join('', 'type'), `expected "doc", got ${describe(fields.type)}`);
  }
  const items = expectArray(fields.content, join('', 'content'));
  const content: BlockNode[] = [];
  for (let i = 0; i < items.length; i++) {
    content.push(parseBlock(items[i], `content[${i}]`, budget));
  }
  return { type: 'doc', content };
}

// --- Blocks --------------------------------------------------------------------------------

function parseBlock(value: unknown, path: string, budget: Budget): BlockNode {
  const type = nodeType(value, path);
  switch (type) {
    case 'paragraph':
      return parseParagraph(value, path, budget);
    case 'heading':
      return parseHeading(value, path, budget);
    case 'blockquote':
      return parseBlockquote(value, path, budget);
    case 'bulletList':
    case 'orderedList':
      return parseList(value, path, budget, type);
    case 'image':
      return parseImage(value, path, budget);
    case 'embed':
      return parseEmbed(value, path, budget);
    default:
      throw notAllowedHere(path, type, 'a block (paragraph, heading, blockquote, list, image or embed)');
  }
}

function countBlock(path: string, budget: Budget): void {
  budget.blocks++;
  if (budget.blocks > MAX_BLOCKS) {
    throw new DocumentError(path, `the document has more than ${MAX_BLOCKS} blocks`);
  }
}

function parseParagraph(value: unknown, path: string, budget: Budget): ParagraphNode {
  countBlock(path, budget);
  const fields = readFields(value, path, ['type', 'content'], 'property');
  const content = parseInlineContent(fields.content, join(path, 'content'), budget);
  return content === undefined ? { type: 'paragraph' } : { type: 'paragraph', content };
}

function parseHeading(value: unknown, path: string, budget: Budget): HeadingNode {
  countBlock(path, budget);
  const fields = readFields(value, path, ['type', 'attrs', 'content'], 'property');
  const attrsPath = join(path, 'attrs');
  const attrs = readFields(fields.attrs, attrsPath, ['level'], 'attribute');
  const level = attrs.level;
  if (level !== 2 && level !== 3 && level !== 4) {
    throw new DocumentError(
      join(attrsPath, 'level'),
      `heading level must be 2, 3 or 4, got ${describe(level)}`,
    );
  }
  const content = parseInlineContent(fields.content, join(path, 'content'), budget);
  return content === undefined
    ? { type: 'heading', attrs: { level } }
    : { type: 'heading', attrs: { level }, content };
}

function parseBlockquote(value: unknown, path: string, budget: Budget): BlockquoteNode {
  countBlock(path, budget);
  const fields = readFields(value, path, ['type', 'attrs', 'content'], 'property');
  let attribution: string | undefined;
  if (fields.attrs !== undefined) {
    const attrsPath = join(path, 'attrs');
    const attrs = readFields(fields.attrs, attrsPath, ['attribution'], 'attribute');
    attribution = optionalLabel(attrs.attribution, join(attrsPath, 'attribution'), budget);
  }
  const content = parseParagraphs(fields.content, join(path, 'content'), budget, 'blockquote');
  return attribution === undefined
    ? { type: 'blockquote', content }
    : { type: 'blockquote', attrs: { attribution }, content };
}

function parseList(
  value: unknown,
  path: string,
  budget: Budget,
  type: 'bulletList' | 'orderedList',
): BulletListNode | OrderedListNode {
  countBlock(path, budget);
  const allowed = type === 'orderedList' ? ['type', 'attrs', 'content'] : ['type', 'content'];
  const fields = readFields(value, path, allowed, 'property');

  let start: number | undefined;
  if (fields.attrs !== undefined) {
    const attrsPath = join(path, 'attrs');
    const attrs = readFields(fields.attrs, attrsPath, ['start'], 'attribute');
    if (attrs.start !== undefined && attrs.start !== null) {
      if (typeof attrs.start !== 'number' || !Number.isSafeInteger(attrs.start) || attrs.start < 0) {
        throw new DocumentError(
          join(attrsPath, 'start'),
          `a list must start at a whole number of 0 or more, got ${describe(attrs.start)}`,
        );
      }
      // 1 is where every ordered list starts anyway; dropping it keeps equal lists equal.
      if (attrs.start !== 1) start = attrs.start;
    }
  }

  const contentPath = join(path, 'content');
  const items = expectArray(fields.content, contentPath);
  if (items.length === 0) {
    throw new DocumentError(contentPath, 'a list must contain at least one item');
  }
  const content: ListItemNode[] = [];
  for (let i = 0; i < items.length; i++) {
    content.push(parseListItem(items[i], `${contentPath}[${i}]`, budget));
  }
  if (type === 'bulletList') return { type, content };
  return start === undefined ? { type, content } : { type, attrs: { start }, content };
}

function parseListItem(value: unknown, path: string, budget: Budget): ListItemNode {
  const type = nodeType(value, path);
  if (type !== 'listItem') {
    throw type === 'bulletList' || type === 'orderedList'
      ? new DocumentError(path, `node type "${type}" is not allowed here: lists cannot be nested`)
      : notAllowedHere(path, type, 'listItem');
  }
  countBlock(path, budget);
  const fields = readFields(value, path, ['type', 'content'], 'property');
  return {
    type: 'listItem',
    content: parseParagraphs(fields.content, join(path, 'content'), budget, 'list item'),
  };
}

function parseParagraphs(
  value: unknown,
  path: string,
  budget: Budget,
  container: string,
): ParagraphNode[] {
  const items = expectArray(value, path);
  if (items.length === 0) {
    throw new DocumentError(path, `a ${container} must contain at least one paragraph`);
  }
  const paragraphs: ParagraphNode[] = [];
  for (let i = 0; i < items.length; i++) {
    const itemPath = `${path}[${i}]`;
    const type = nodeType(items[i], itemPath);
    if (type !== 'paragraph') {
      throw type === 'bulletList' || type === 'orderedList'
        ? new DocumentError(itemPath, `node type "${type}" is not allowed here: lists cannot be nested`)
        : notAllowedHere(itemPath, type, 'paragraph');
    }
    paragraphs.push(parseParagraph(items[i], itemPath, budget));
  }
  return paragraphs;
}

function parseImage(value: unknown, path: string, budget: Budget): ImageNode {
  countBlock(path, budget);
  const fields = readFields(value, path, ['type', 'attrs'], 'property');
  const attrsPath = join(path, 'attrs');
  const attrs = readFields(fields.attrs, attrsPath, ['imageId', 'alt', 'caption', 'credit'], 'attribute');
  const imageId = attrs.imageId;
  if (typeof imageId !== 'number' || !Number.isSafeInteger(imageId) || imageId <= 0) {
    throw new DocumentError(
      join(attrsPath, 'imageId'),
      `imageId must be a positive whole number, got ${describe(imageId)}`,
    );
  }
  const result: ImageNode['attrs'] = { imageId };
  const alt = optionalLabel(attrs.alt, join(attrsPath, 'alt'), budget);
  if (alt !== undefined) result.alt = alt;
  const caption = optionalLabel(attrs.caption, join(attrsPath, 'caption'), budget);
  if (caption !== undefined) result.caption = caption;
  const credit = optionalLabel(attrs.credit, join(attrsPath, 'credit'), budget);
  if (credit !== undefined) result.credit = credit;
  return { type: 'image', attrs: result };
}

function parseEmbed(value: unknown, path: string, budget: Budget): EmbedNode {
  countBlock(path, budget);
  const fields = readFields(value, path, ['type', 'attrs'], 'property');
  const attrsPath = join(path, 'attrs');
  const attrs = readFields(fields.attrs, attrsPath, ['provider', 'url', 'caption'], 'attribute');

  const provider = attrs.provider;
  const providerPath = join(attrsPath, 'provider');
  if (typeof provider !== 'string') {
    throw new DocumentError(providerPath, `expected a string, got ${describe(provider)}`);
  }
  if (!isEmbedProvider(provider)) {
    throw new DocumentError(providerPath, `unknown embed provider ${describe(provider)}`);
  }

  const urlPath = join(attrsPath, 'url');
  const rawUrl = expectString(attrs.url, urlPath);
  const url = checkEmbedUrl(provider, rawUrl);
  if (!url.ok) throw new DocumentError(urlPath, url.reason);

  const caption = optionalLabel(attrs.caption, join(attrsPath, 'caption'), budget);
  return caption === undefined
    ? { type: 'embed', attrs: { provider, url: url.url } }
    : { type: 'embed', attrs: { provider, url: url.url, caption } };
}

// --- Inline content --------------------------------------------------------------------------

/** Returns undefined for missing or empty content: ProseMirror omits `content` when empty. */
function parseInlineContent(value: unknown, path: string, budget: Budget): InlineNode[] | undefined {
  if (value === undefined) return undefined;
  const items = expectArray(value, path);
  const nodes: InlineNode[] = [];
  for (let i = 0; i < items.length; i++) {
    const itemPath = `${path}[${i}]`;
    const item = items[i];
    const type = nodeType(item, itemPath);
    if (type === 'hardBreak') {
      // The editor gives a hard break the marks of the text around it; they mean nothing for a
      // line break, so they are checked like any marks and then dropped.
      const fields = readFields(item, itemPath, ['type', 'marks'], 'property');
      if (fields.marks !== undefined) parseMarks(fields.marks, join(itemPath, 'marks'));
      spendText(1, itemPath, budget);
      nodes.push({ type: 'hardBreak' });
      continue;
    }
    if (type !== 'text') throw notAllowedHere(itemPath, type, 'text or hardBreak');

    const fields = readFields(item, itemPath, ['type', 'text', 'marks'], 'property');
    const textPath = join(itemPath, 'text');
    const text = expectString(fields.text, textPath);
    if (text === '') throw new DocumentError(textPath, 'text must not be empty');
    checkCharacters(text, textPath, TEXT_CONTROL_CHARS, 'control characters other than line feed and tab');
    spendText(text.length, textPath, budget);
    const marks = fields.marks === undefined ? [] : parseMarks(fields.marks, join(itemPath, 'marks'));

    const previous = nodes[nodes.length - 1];
    if (previous !== undefined && previous.type === 'text' && sameMarks(previous.marks ?? [], marks)) {
      previous.text += text;
    } else {
      nodes.push(marks.length === 0 ? { type: 'text', text } : { type: 'text', text, marks });
    }
  }
  return nodes.length === 0 ? undefined : nodes;
}

function parseMarks(value: unknown, path: string): Mark[] {
  const items = expectArray(value, path);
  const marks: Mark[] = [];
  const seen = new Set<MarkType>();
  for (let i = 0; i < items.length; i++) {
    const markPath = `${path}[${i}]`;
    const mark = parseMark(items[i], markPath);
    if (seen.has(mark.type)) {
      throw new DocumentError(markPath, `duplicate "${mark.type}" mark`);
    }
    seen.add(mark.type);
    marks.push(mark);
  }
  return marks.sort((a, b) => MARK_ORDER[a.type] - MARK_ORDER[b.type]);
}

function parseMark(value: unknown, path: string): Mark {
  const object = expectObject(value, path);
  const type = Object.hasOwn(object, 'type') ? (object as Fields).type : undefined;
  if (typeof type !== 'string') {
    throw new DocumentError(join(path, 'type'), `expected a mark type, got ${describe(type)}`);
  }
  if (type === 'bold' || type === 'italic') {
    readFields(object, path, ['type'], 'property');
    return { type };
  }
  if (type !== 'link') throw new DocumentError(path, `unknown mark type ${describe(type)}`);

  const fields = readFields(object, path, ['type', 'attrs'], 'property');
  const attrsPath = join(path, 'attrs');
  const attrs = readFields(fields.attrs, attrsPath, ['href'], 'attribute');
  const hrefPath = join(attrsPath, 'href');
  const href = checkLinkHref(expectString(attrs.href, hrefPath));
  if (!href.ok) throw new DocumentError(hrefPath, href.reason);
  return { type: 'link', attrs: { href: href.url } };
}

function sameMarks(a: readonly Mark[], b: readonly Mark[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined || x.type !== y.type) return false;
    if (x.type === 'link' && y.type === 'link' && x.attrs.href !== y.attrs.href) return false;
  }
  return true;
}

// --- Shared helpers --------------------------------------------------------------------------

/**
 * Copies the own properties of a plain object into a fresh record, rejecting any not in
 * `allowed`. Each is read once, so what is checked is what ends up in the result. A property
 * whose value is `undefined` counts as absent, as it would after a JSON round trip.
 */
function readFields(value: unknown, path: string, allowed: readonly string[], noun: string): Fields {
  const object = expectObject(value, path);
  const fields: Fields = Object.create(null) as Fields;
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) throw new DocumentError(join(path, key), `unknown ${noun}`);
    fields[key] = (object as Fields)[key];
  }
  return fields;
}

function nodeType(value: unknown, path: string): string {
  const object = expectObject(value, path);
  const type = Object.hasOwn(object, 'type') ? (object as Fields).type : undefined;
  if (typeof type !== 'string') {
    throw new DocumentError(join(path, 'type'), `expected a node type, got ${describe(type)}`);
  }
  if (!NODE_TYPES.has(type)) throw new DocumentError(path, `unknown node type ${describe(type)}`);
  return type;
}

function notAllowedHere(path: string, type: string, expected: string): DocumentError {
  return new DocumentError(path, `node type "${type}" is not allowed here; expected ${expected}`);
}

function expectObject(value: unknown, path: string): object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DocumentError(path, `expected an object, got ${describe(value)}`);
  }
  // Anything but a plain object (a Map, a class instance) did not come from JSON.
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new DocumentError(path, 'expected a plain object');
  }
  return value;
}

function expectArray(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new DocumentError(path, `expected an array, got ${describe(value)}`);
  return value;
}

function expectString(value: unknown, path: string): string {
  if (typeof value !== 'string') {
    throw new DocumentError(path, `expected a string, got ${describe(value)}`);
  }
  if (LONE_SURROGATE.test(value)) {
    throw new DocumentError(path, 'the text contains an invalid (unpaired surrogate) character');
  }
  return value;
}

/**
 * An optional one-line label (alt, caption, credit, attribution): surrounding whitespace is
 * trimmed, and null or a blank string mean "none", as editors send both for an empty field.
 */
function optionalLabel(value: unknown, path: string, budget: Budget): string | undefined {
  if (value === undefined || value === null) return undefined;
  const label = expectString(value, path).trim();
  if (label === '') return undefined;
  checkCharacters(label, path, ATTR_CONTROL_CHARS, 'control characters (line breaks included)');
  spendText(label.length, path, budget);
  return label;
}

function checkCharacters(value: string, path: string, pattern: RegExp, what: string): void {
  if (pattern.test(value)) throw new DocumentError(path, `the text contains ${what}`);
}

function spendText(length: number, path: string, budget: Budget): void {
  budget.text += length;
  if (budget.text > MAX_TEXT_LENGTH) {
    throw new DocumentError(path, `the document has more than ${MAX_TEXT_LENGTH} characters of text`);
  }
}

function join(path: string, key: string): string {
  if (IDENTIFIER.test(key) && key.length <= 64) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key.length > 64 ? `${key.slice(0, 64)}…` : key)}]`;
}

/** A short, printable description of an untrusted value for an error reason. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'nothing';
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}
