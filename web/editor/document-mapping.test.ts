// The editor's schema and the mapping to the story document agree with parseDocument: every node
// and mark of the story document goes through the real TipTap schema and comes back unchanged.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getSchema } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { parseDocument, documentFromText } from '../../src/content/index.ts';
import { storyExtensions } from './story-schema.ts';
import { toEditorContent, toStoryDocument } from './document-mapping.ts';

const schema = getSchema(storyExtensions());

/** What the editor would hand back after loading `document`: ProseMirror's own JSON, defaults filled in. */
function throughEditor(document: unknown): ReturnType<typeof toStoryDocument> {
  const node = ProseMirrorNode.fromJSON(schema, toEditorContent(document as { type: 'doc'; content: unknown[] }));
  node.check();
  return toStoryDocument(node.toJSON());
}

const everything = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [
      { type: 'text', text: 'Plain, ' },
      { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' and ' },
      { type: 'text', text: 'all three', marks: [{ type: 'bold' }, { type: 'italic' }, { type: 'link', attrs: { href: 'https://example.org/a?b=1' } }] },
      { type: 'hardBreak' },
      { type: 'text', text: 'after a break, ' },
      { type: 'text', text: 'mail', marks: [{ type: 'link', attrs: { href: 'mailto:desk@example.org' } }] },
    ] },
    { type: 'paragraph' },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Level two' }] },
    { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Level three', marks: [{ type: 'italic' }] }] },
    { type: 'heading', attrs: { level: 4 } },
    { type: 'blockquote', attrs: { attribution: 'A. Minister' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'We will.' }] }, { type: 'paragraph' }] },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nobody said it.' }] }] },
    { type: 'bulletList', content: [
      { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] },
      { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two' }] }, { type: 'paragraph', content: [{ type: 'text', text: 'more' }] }] },
    ] },
    { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'first' }] }] }] },
    { type: 'orderedList', attrs: { start: 4 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'fourth' }] }] }] },
    { type: 'image', attrs: { imageId: 12, alt: 'The square', caption: 'Minsk, <b>today</b>', credit: 'Photo: A. B.' } },
    { type: 'image', attrs: { imageId: 7 } },
    { type: 'embed', attrs: { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', caption: 'The speech' } },
    { type: 'embed', attrs: { provider: 'telegram', url: 'https://t.me/agency/123' } },
  ],
};

test('every node and mark of the story document survives the editor unchanged', () => {
  const stored = parseDocument(everything);
  assert.deepEqual(throughEditor(stored), stored);
});

test('what the mapping produces is already what parseDocument would store', () => {
  const produced = throughEditor(everything);
  assert.deepEqual(parseDocument(produced), produced);
});

test('an editor holding one empty paragraph is an empty document, and an empty document loads', () => {
  assert.deepEqual(throughEditor({ type: 'doc', content: [] }), { type: 'doc', content: [] });
});

test('documents written in the demo format round-trip through the editor', () => {
  const document = documentFromText([
    '## A heading', 'Text with **bold**, *italic* and a [link](https://example.org).', '> To be quoted — Someone',
    '- item one', '- item two', '1. first', '2. second', 'Line one\nline two',
  ]);
  assert.deepEqual(throughEditor(document), document);
});

test('what TipTap adds on its own is dropped: default attributes, link target, unknown marks', () => {
  const fromEditor = {
    type: 'doc',
    content: [
      { type: 'orderedList', attrs: { start: 1, type: null }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: ' https://example.org ', target: '_blank', rel: 'noopener', class: null } }, { type: 'strike' }] }] },
      { type: 'blockquote', attrs: { attribution: '  ' }, content: [{ type: 'paragraph' }] },
      { type: 'image', attrs: { imageId: 3, alt: null, caption: '', credit: null } },
    ],
  };
  const expected = {
    type: 'doc',
    content: [
      { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] }] },
      { type: 'blockquote', content: [{ type: 'paragraph' }] },
      { type: 'image', attrs: { imageId: 3 } },
    ],
  };
  assert.deepEqual(toStoryDocument(fromEditor), expected);
  assert.deepEqual(parseDocument(expected), expected);
});

test('the schema refuses what the story document cannot hold: a list inside a list item', () => {
  const nested = {
    type: 'doc',
    content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }] }] }],
  };
  assert.throws(() => ProseMirrorNode.fromJSON(schema, nested).check());
  assert.equal(schema.nodes.codeBlock, undefined);
  assert.equal(schema.marks.strike, undefined);
  assert.deepEqual(Object.keys(schema.marks).sort(), ['bold', 'italic', 'link']);
});
