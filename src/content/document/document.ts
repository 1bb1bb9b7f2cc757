// The story document: the structured body of a language version, stored as JSON.
// The shape follows ProseMirror's JSON (type / attrs / content / marks) so the newsroom's
// rich-text editor can load and save it as it is, but only the nodes and marks named here
// exist: anything else is rejected by `parseDocument` and never reaches a page.

export type Mark =
  | { type: 'bold' }
  | { type: 'italic' }
  | { type: 'link'; attrs: { href: string } };

export type InlineNode =
  | { type: 'text'; text: string; marks?: Mark[] }
  | { type: 'hardBreak' };

export interface ParagraphNode {
  type: 'paragraph';
  content?: InlineNode[];
}

export interface HeadingNode {
  type: 'heading';
  attrs: { level: 2 | 3 | 4 };
  content?: InlineNode[];
}

export interface BlockquoteNode {
  type: 'blockquote';
  /** Who is quoted, shown under the quote. */
  attrs?: { attribution?: string };
  content: ParagraphNode[];
}

export interface ListItemNode {
  type: 'listItem';
  content: ParagraphNode[];
}

export interface BulletListNode {
  type: 'bulletList';
  content: ListItemNode[];
}

export interface OrderedListNode {
  type: 'orderedList';
  attrs?: { start?: number };
  content: ListItemNode[];
}

export interface ImageNode {
  type: 'image';
  /** An image of the media library; its file and sizes are looked up when rendering. */
  attrs: { imageId: number; alt?: string; caption?: string; credit?: string };
}

export type EmbedProvider = 'youtube' | 'vk' | 'telegram' | 'x' | 'facebook' | 'instagram';

export interface EmbedNode {
  type: 'embed';
  attrs: { provider: EmbedProvider; url: string; caption?: string };
}

export type BlockNode =
  | ParagraphNode
  | HeadingNode
  | BlockquoteNode
  | BulletListNode
  | OrderedListNode
  | ImageNode
  | EmbedNode;

export interface StoryDocument {
  type: 'doc';
  content: BlockNode[];
}

export function emptyDocument(): StoryDocument {
  return { type: 'doc', content: [] };
}
