// The editor's schema: TipTap extensions configured so that the editor can hold exactly the story
// document of src/content/document/ and nothing more (no code, strike, underline, rules, nested
// lists), plus the two block atoms the agency needs: images from the media library and embeds by
// URL. Pure (no DOM access at import), so the mapping test can build the same schema in Node.

import { Node, mergeAttributes, type AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Blockquote from '@tiptap/extension-blockquote';
import { ListItem } from '@tiptap/extension-list';

/** A quote with the name of who is quoted; the quote holds paragraphs only. */
const AttributedBlockquote = Blockquote.extend({
  content: 'paragraph+',
  addAttributes() {
    return {
      attribution: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute('data-attribution'),
        renderHTML: (attrs: { attribution?: string | null }) => (attrs.attribution ? { 'data-attribution': attrs.attribution } : {}),
      },
    };
  },
});

/** List items hold paragraphs only: the story document has no nested lists. */
const ParagraphListItem = ListItem.extend({ content: 'paragraph+' });

function textAttribute(name: string) {
  return {
    default: null,
    parseHTML: (element: HTMLElement) => element.getAttribute(`data-${name}`),
    renderHTML: (attrs: Record<string, unknown>) => (typeof attrs[name] === 'string' && attrs[name] !== '' ? { [`data-${name}`]: attrs[name] } : {}),
  };
}

/** An image of the media library, referenced by id; its labels are edited in the side form. */
export const StoryImage = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      imageId: {
        default: null,
        parseHTML: (element: HTMLElement) => Number(element.getAttribute('data-image-id')) || null,
        renderHTML: (attrs: { imageId?: number | null }) => ({ 'data-image-id': String(attrs.imageId ?? '') }),
      },
      alt: textAttribute('alt'),
      caption: textAttribute('caption'),
      credit: textAttribute('credit'),
    };
  },
  parseHTML() {
    return [{ tag: 'figure[data-image-id]' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const { imageId, alt, caption, credit } = node.attrs as { imageId: number; alt: string | null; caption: string | null; credit: string | null };
    // Text children of a DOM spec become text nodes, never markup.
    return [
      'figure',
      mergeAttributes(HTMLAttributes, { class: 'editor-image' }),
      ['img', { src: `/media/${imageId}`, alt: alt ?? '' }],
      ['figcaption', {}, [caption ?? '', credit ? ` (${credit})` : ''].join('')],
    ];
  },
});

/** A video or social post embedded by URL. */
export const StoryEmbed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return { provider: textAttribute('provider'), url: textAttribute('url'), caption: textAttribute('caption') };
  },
  parseHTML() {
    return [{ tag: 'figure[data-url]' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const { provider, url, caption } = node.attrs as { provider: string; url: string; caption: string | null };
    return ['figure', mergeAttributes(HTMLAttributes, { class: 'editor-embed' }), ['p', {}, `${provider}: ${url}`], ['figcaption', {}, caption ?? '']];
  },
});

export function storyExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      blockquote: false,
      listItem: false,
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      horizontalRule: false,
      trailingNode: false,
      link: { openOnClick: false, autolink: false, linkOnPaste: true, protocols: ['mailto'], HTMLAttributes: { rel: 'noopener noreferrer', target: null } },
    }),
    AttributedBlockquote,
    ParagraphListItem,
    StoryImage,
    StoryEmbed,
  ];
}
