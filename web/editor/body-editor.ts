// The rich-text body: a TipTap editor on the story schema with a labelled toolbar (marks,
// headings, quotes with attribution, lists, images from the media library, embeds by URL).

import { Editor } from '@tiptap/core';
import { h } from '../dom.ts';
import { t } from '../i18n.ts';
import { askFields } from '../ask-fields.ts';
import { storyExtensions } from './story-schema.ts';
import { toEditorContent, toStoryDocument } from './document-mapping.ts';
import { pickImage } from '../media/media-library.ts';

const EMBED_HOSTS: [RegExp, string][] = [
  [/(^|\.)(youtube\.com|youtu\.be)$/, 'youtube'],
  [/(^|\.)vk\.com$/, 'vk'],
  [/(^|\.)t\.me$/, 'telegram'],
  [/(^|\.)(x\.com|twitter\.com)$/, 'x'],
  [/(^|\.)facebook\.com$/, 'facebook'],
  [/(^|\.)instagram\.com$/, 'instagram'],
];

function providerOf(url: string): string {
  try {
    const host = new URL(url).hostname;
    return EMBED_HOSTS.find(([pattern]) => pattern.test(host))?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export interface BodyEditor {
  element: HTMLElement;
  getDocument(): ReturnType<typeof toStoryDocument>;
  setDocument(document: { type: 'doc'; content: unknown[] }): void;
  setEditable(editable: boolean): void;
}

export function createBodyEditor(labelId: string, document: { type: 'doc'; content: unknown[] }, onChange: () => void, language: string): BodyEditor {
  const s = t();
  const host = h('div', { class: 'body-editor' });
  const editor = new Editor({
    element: host,
    extensions: storyExtensions(),
    content: toEditorContent(document),
    injectCSS: false,
    editorProps: { attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': labelId, class: 'prose' } },
    onUpdate: onChange,
  });
  const chain = () => editor.chain().focus();
  const button = (label: string, run: () => void, isActive?: () => boolean) => {
    const element = h('button', { type: 'button', class: 'tool', 'aria-pressed': 'false', onclick: run }, label);
    if (isActive) editor.on('transaction', () => element.setAttribute('aria-pressed', String(isActive())));
    return element;
  };
  const toolbar = h('div', { role: 'toolbar', 'aria-label': s.bodyToolbar, class: 'toolbar' },
    button(s.bold, () => chain().toggleBold().run(), () => editor.isActive('bold')),
    button(s.italic, () => chain().toggleItalic().run(), () => editor.isActive('italic')),
    button(s.link, () => void (async () => {
      const values = await askFields(s.link, [{ name: 'href', label: s.linkAddress, type: 'text', value: String(editor.getAttributes('link').href ?? '') }], s.link);
      if (!values) return;
      if (values.href) chain().extendMarkRange('link').setLink({ href: values.href }).run();
      else chain().extendMarkRange('link').unsetLink().run();
    })(), () => editor.isActive('link')),
    ...([2, 3, 4] as const).map((level) => button(`${s.heading} ${level}`, () => chain().toggleHeading({ level }).run(), () => editor.isActive('heading', { level }))),
    button(s.quote, () => void (async () => {
      if (editor.isActive('blockquote')) return void chain().lift('blockquote').run();
      const values = await askFields(s.quote, [{ name: 'attribution', label: s.attribution }], s.quote);
      if (!values) return;
      chain().wrapIn('blockquote', { attribution: values.attribution || null }).run();
    })(), () => editor.isActive('blockquote')),
    button(s.bulletList, () => chain().toggleBulletList().run(), () => editor.isActive('bulletList')),
    button(s.orderedList, () => chain().toggleOrderedList().run(), () => editor.isActive('orderedList')),
    button(s.image, () => void (async () => {
      const image = await pickImage({ language, purpose: s.bodyImage });
      if (!image) return;
      chain().insertContent({ type: 'image', attrs: { imageId: image.imageId, alt: image.alt, caption: image.caption, credit: image.credit } }).run();
    })()),
    button(s.embed, () => void (async () => {
      const values = await askFields(s.embed, [{ name: 'url', label: s.embedUrl, type: 'url', required: true }, { name: 'caption', label: s.caption }], s.embed);
      if (!values?.url) return;
      chain().insertContent({ type: 'embed', attrs: { provider: providerOf(values.url), url: values.url, caption: values.caption || null } }).run();
    })()),
  );
  const element = h('div', { class: 'body-field' }, toolbar, host);
  return {
    element,
    getDocument: () => toStoryDocument(editor.getJSON()),
    setDocument: (next) => void editor.commands.setContent(toEditorContent(next), { emitUpdate: false }),
    setEditable: (editable) => {
      editor.setEditable(editable);
      for (const tool of toolbar.querySelectorAll('button')) tool.disabled = !editable;
    },
  };
}
