// Between the editor's JSON and the story document. TipTap writes every attribute a node type
// declares (defaults included: a paragraph's nothing, a list's `start: 1` and `type`, a link's
// `target` and `rel`); the story document keeps only what it defines. `toStoryDocument` drops
// the rest so that what the server's `parseDocument` receives is already the normalized
// document; `toEditorContent` is the way back (the shapes are the same ProseMirror JSON).

export interface EditorJson {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: EditorJson[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

type Json = Record<string, unknown>;

function label(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function withLabels(base: Json, attrs: Record<string, unknown> | undefined, names: readonly string[]): Json {
  for (const name of names) {
    const value = label(attrs?.[name]);
    if (value !== undefined) base[name] = value;
  }
  return base;
}

function mapMarks(marks: EditorJson['marks']): Json[] {
  const out: Json[] = [];
  for (const mark of marks ?? []) {
    if (mark.type === 'bold' || mark.type === 'italic') out.push({ type: mark.type });
    else if (mark.type === 'link' && typeof mark.attrs?.href === 'string') out.push({ type: 'link', attrs: { href: mark.attrs.href.trim() } });
  }
  const order = { bold: 0, italic: 1, link: 2 } as Record<string, number>;
  return out.sort((a, b) => (order[a.type as string] ?? 0) - (order[b.type as string] ?? 0));
}

function mapInline(nodes: EditorJson[] | undefined): Json[] | undefined {
  const out: Json[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'hardBreak') out.push({ type: 'hardBreak' });
    else if (node.type === 'text' && typeof node.text === 'string' && node.text !== '') {
      const marks = mapMarks(node.marks);
      const previous = out.at(-1);
      if (previous && previous.type === 'text' && JSON.stringify(previous.marks ?? []) === JSON.stringify(marks)) {
        previous.text = String(previous.text) + node.text;
      } else {
        out.push(marks.length > 0 ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text });
      }
    }
  }
  return out.length > 0 ? out : undefined;
}

function withContent(base: Json, content: Json[] | undefined): Json {
  if (content !== undefined) base.content = content;
  return base;
}

function mapParagraphs(nodes: EditorJson[] | undefined): Json[] {
  const paragraphs = (nodes ?? []).filter((node) => node.type === 'paragraph').map((node) => withContent({ type: 'paragraph' }, mapInline(node.content)));
  return paragraphs.length > 0 ? paragraphs : [{ type: 'paragraph' }];
}

function mapBlock(node: EditorJson): Json | undefined {
  const attrs = node.attrs;
  switch (node.type) {
    case 'paragraph':
      return withContent({ type: 'paragraph' }, mapInline(node.content));
    case 'heading':
      return withContent({ type: 'heading', attrs: { level: attrs?.level } }, mapInline(node.content));
    case 'blockquote': {
      const attribution = label(attrs?.attribution);
      const base: Json = attribution === undefined ? { type: 'blockquote' } : { type: 'blockquote', attrs: { attribution } };
      return withContent(base, mapParagraphs(node.content));
    }
    case 'bulletList':
    case 'orderedList': {
      const items = (node.content ?? []).filter((item) => item.type === 'listItem').map((item) => ({ type: 'listItem', content: mapParagraphs(item.content) }));
      if (items.length === 0) return undefined;
      const start = attrs?.start;
      if (node.type === 'orderedList' && typeof start === 'number' && start !== 1) return { type: 'orderedList', attrs: { start }, content: items };
      return { type: node.type, content: items };
    }
    case 'image':
      return { type: 'image', attrs: withLabels({ imageId: attrs?.imageId }, attrs, ['alt', 'caption', 'credit']) };
    case 'embed':
      return { type: 'embed', attrs: withLabels({ provider: attrs?.provider, url: typeof attrs?.url === 'string' ? attrs.url.trim() : attrs?.url }, attrs, ['caption']) };
    default:
      return undefined;
  }
}

/** The story document for what the editor holds (`editor.getJSON()`). */
export function toStoryDocument(json: EditorJson): { type: 'doc'; content: Json[] } {
  const blocks = (json.content ?? []).map(mapBlock).filter((block): block is Json => block !== undefined);
  // An editor that holds one empty paragraph holds no text at all.
  const isEmpty = blocks.length === 1 && blocks[0]?.type === 'paragraph' && blocks[0].content === undefined;
  return { type: 'doc', content: isEmpty ? [] : blocks };
}

/** What to load into the editor (`editor.commands.setContent`) for a story document. */
export function toEditorContent(document: { type: 'doc'; content: unknown[] }): EditorJson {
  const copy = structuredClone(document) as EditorJson;
  return copy.content && copy.content.length > 0 ? copy : { type: 'doc', content: [{ type: 'paragraph' }] };
}
