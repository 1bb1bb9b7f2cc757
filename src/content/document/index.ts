// The story document's public interface: its types, validation of untrusted input, the one
// HTML/text renderer, and the authoring format of the demo content.

export type {
  BlockNode,
  BlockquoteNode,
  BulletListNode,
  EmbedNode,
  EmbedProvider,
  HeadingNode,
  ImageNode,
  InlineNode,
  ListItemNode,
  Mark,
  OrderedListNode,
  ParagraphNode,
  StoryDocument,
} from './document.ts';
export { emptyDocument } from './document.ts';
export { DocumentError, MAX_BLOCKS, MAX_TEXT_LENGTH, parseDocument } from './parse-document.ts';
export { escapeHtml, renderDocumentHtml, renderDocumentText } from './render-html.ts';
export type { RenderedImage, RenderOptions } from './render-html.ts';
export { documentFromText } from './from-text.ts';
export { EMBED_HOSTS, EMBED_PROVIDER_NAMES, MAX_URL_LENGTH } from './url-policy.ts';
