// Tests for parseDocument: what it accepts and how it normalizes, and every rejection with the
// path it reports.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentError, MAX_BLOCKS, MAX_TEXT_LENGTH, parseDocument } from './parse-document.ts';
import type { StoryDocument } from './document.ts';

function doc(...content: unknown[]): unknown {
  return { type: 'doc', content };
}

function para(...content: unknown[]): unknown {
  return content.length === 0 ? { type: 'paragraph' } : { type: 'paragraph', content };
}

function text(value: string, ...marks: unknown[]): unknown {
  return marks.length === 0 ? { type: 'text', text: value } : { type: 'text', text: value, marks };
}

const bold = { type: 'bold' };
const italic = { type: 'italic' };
const link = (href: string): unknown => ({ type: 'link', attrs: { href } });

function rejects(input: unknown, path: string, reason?: RegExp): void {
  assert.throws(
    () => parseDocument(input),
    (error: unknown) => {
      assert.ok(error instanceof DocumentError, `expected a DocumentError, got ${String(error)}`);
      assert.ok(error instanceof Error);
      assert.equal(error.name, 'DocumentError');
      assert.equal(error.path, path);
      if (reason !== undefined) assert.match(error.reason, reason);
      assert.equal(error.message, `${path === '' ? 'document' : path}: ${error.reason}`);
      return true;
    },
  );
}

/** A document with one link, for the many href cases. */
function withHref(href: unknown): unknown {
  return doc(para({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] }));
}
const HREF_PATH = 'content[0].content[0].marks[0].attrs.href';

function withEmbed(attrs: unknown): unknown {
  return doc({ type: 'embed', attrs });
}

describe('parseDocument: accepted documents', () => {
  it('accepts the empty document', () => {
    assert.deepEqual(parseDocument({ type: 'doc', content: [] }), { type: 'doc', content: [] });
  });

  it('accepts every node and mark type and returns an equal document', () => {
    const input: StoryDocument = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Title' }] },
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Sub' }] },
        { type: 'heading', attrs: { level: 4 } },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'a', marks: [{ type: 'bold' }] },
            { type: 'text', text: 'b', marks: [{ type: 'italic' }] },
            { type: 'hardBreak' },
            { type: 'text', text: 'c', marks: [{ type: 'link', attrs: { href: 'https://example.com/' } }] },
            { type: 'text', text: 'd', marks: [{ type: 'link', attrs: { href: 'mailto:desk@example.com' } }] },
            { type: 'text', text: 'e', marks: [{ type: 'link', attrs: { href: '/ru/story/1' } }] },
            { type: 'text', text: 'f', marks: [{ type: 'link', attrs: { href: 'http://example.org' } }] },
          ],
        },
        { type: 'paragraph' },
        {
          type: 'blockquote',
          attrs: { attribution: 'Anna, editor' },
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quote' }] }, { type: 'paragraph' }],
        },
        { type: 'blockquote', content: [{ type: 'paragraph' }] },
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'i' }] }] }],
        },
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [
            { type: 'listItem', content: [{ type: 'paragraph' }, { type: 'paragraph' }] },
            { type: 'listItem', content: [{ type: 'paragraph' }] },
          ],
        },
        { type: 'orderedList', attrs: { start: 0 }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
        { type: 'image', attrs: { imageId: 42, alt: 'Alt', caption: 'Caption', credit: 'Photo: Agency' } },
        { type: 'image', attrs: { imageId: Number.MAX_SAFE_INTEGER } },
        { type: 'embed', attrs: { provider: 'youtube', url: 'https://www.youtube.com/watch?v=abc', caption: 'Video' } },
        { type: 'embed', attrs: { provider: 'telegram', url: 'https://t.me/channel/123' } },
      ],
    };
    assert.deepEqual(parseDocument(input), input);
  });

  it('accepts each host of each embed provider', () => {
    const hosts: Record<string, string[]> = {
      youtube: ['youtube.com', 'www.youtube.com', 'youtu.be', 'm.youtube.com'],
      vk: ['vk.com', 'vk.ru', 'vkvideo.ru'],
      telegram: ['t.me'],
      x: ['x.com', 'twitter.com'],
      facebook: ['facebook.com', 'www.facebook.com', 'fb.watch'],
      instagram: ['instagram.com', 'www.instagram.com'],
    };
    for (const [provider, list] of Object.entries(hosts)) {
      for (const host of list) {
        const url = `https://${host}/post/1`;
        const result = parseDocument(withEmbed({ provider, url }));
        assert.deepEqual(result.content[0], { type: 'embed', attrs: { provider, url } }, url);
      }
    }
  });

  it('accepts line feeds and tabs in text', () => {
    const result = parseDocument(doc(para(text('a\nb\tc'))));
    assert.deepEqual(result, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a\nb\tc' }] }] });
  });

  it('accepts text in any script, emoji included', () => {
    const value = 'Минск — Мінск 👍🏽 ü';
    assert.deepEqual(parseDocument(doc(para(text(value)))), doc(para(text(value))));
  });

  it('accepts objects with a null prototype and frozen input', () => {
    const node = Object.assign(Object.create(null) as object, { type: 'paragraph' });
    assert.deepEqual(parseDocument(Object.freeze({ type: 'doc', content: Object.freeze([node]) })), doc(para()));
  });

  it('accepts exactly the limits', () => {
    const blocks = Array.from({ length: MAX_BLOCKS }, () => para());
    assert.equal(parseDocument(doc(...blocks)).content.length, MAX_BLOCKS);
    const big = parseDocument(doc(para(text('x'.repeat(MAX_TEXT_LENGTH)))));
    assert.equal(big.content.length, 1);
  });

  it('treats a property set to undefined as absent', () => {
    assert.deepEqual(parseDocument(doc({ type: 'paragraph', content: undefined })), doc(para()));
  });
});

describe('parseDocument: normalization', () => {
  it('merges adjacent text nodes with the same marks', () => {
    const result = parseDocument(
      doc(
        para(
          text('a'),
          text('b'),
          text('c', bold),
          text('d', bold),
          text('e', link('https://a.example/'), bold),
          text('f', bold, link('https://a.example/')),
          text('g', bold, link('https://b.example/')),
          { type: 'hardBreak' },
          text('h'),
          text('i', { type: 'bold' }, { type: 'italic' }),
          text('j', { type: 'italic' }, { type: 'bold' }),
        ),
      ),
    );
    assert.deepEqual(result, {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'ab' },
            { type: 'text', text: 'cd', marks: [{ type: 'bold' }] },
            { type: 'text', text: 'ef', marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://a.example/' } }] },
            { type: 'text', text: 'g', marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://b.example/' } }] },
            { type: 'hardBreak' },
            { type: 'text', text: 'h' },
            { type: 'text', text: 'ij', marks: [{ type: 'bold' }, { type: 'italic' }] },
          ],
        },
      ],
    });
  });

  it('sorts marks bold, italic, link', () => {
    const result = parseDocument(doc(para(text('x', link('/a'), italic, bold))));
    assert.deepEqual(result.content[0], {
      type: 'paragraph',
      content: [{ type: 'text', text: 'x', marks: [{ type: 'bold' }, { type: 'italic' }, { type: 'link', attrs: { href: '/a' } }] }],
    });
  });

  it('drops empty marks and empty content arrays', () => {
    const result = parseDocument(
      doc({ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [] }] }, { type: 'paragraph', content: [] }, {
        type: 'heading',
        attrs: { level: 2 },
        content: [],
      }),
    );
    assert.deepEqual(result, {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'x' }] },
        { type: 'paragraph' },
        { type: 'heading', attrs: { level: 2 } },
      ],
    });
  });

  it('drops null and blank optional attributes and trims the others', () => {
    const result = parseDocument(
      doc(
        { type: 'image', attrs: { imageId: 1, alt: null, caption: '   ', credit: '  Photo: A  ' } },
        { type: 'blockquote', attrs: { attribution: null }, content: [{ type: 'paragraph' }] },
        { type: 'blockquote', attrs: { attribution: ' Anna ' }, content: [{ type: 'paragraph' }] },
        { type: 'blockquote', attrs: {}, content: [{ type: 'paragraph' }] },
        { type: 'embed', attrs: { provider: 'x', url: 'https://x.com/a/status/1', caption: '' } },
        { type: 'orderedList', attrs: { start: 1 }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
        { type: 'orderedList', attrs: { start: null }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
        { type: 'orderedList', attrs: {}, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
      ),
    );
    const item = { type: 'listItem', content: [{ type: 'paragraph' }] };
    assert.deepEqual(result.content, [
      { type: 'image', attrs: { imageId: 1, credit: 'Photo: A' } },
      { type: 'blockquote', content: [{ type: 'paragraph' }] },
      { type: 'blockquote', attrs: { attribution: 'Anna' }, content: [{ type: 'paragraph' }] },
      { type: 'blockquote', content: [{ type: 'paragraph' }] },
      { type: 'embed', attrs: { provider: 'x', url: 'https://x.com/a/status/1' } },
      { type: 'orderedList', content: [item] },
      { type: 'orderedList', content: [item] },
      { type: 'orderedList', content: [item] },
    ]);
  });

  it('checks and then drops the marks the editor puts on hard breaks', () => {
    const result = parseDocument(doc(para(text('a', bold), { type: 'hardBreak', marks: [bold] }, text('b', bold))));
    assert.deepEqual(result.content[0], {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'a', marks: [{ type: 'bold' }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'b', marks: [{ type: 'bold' }] },
      ],
    });
    rejects(doc(para({ type: 'hardBreak', marks: [{ type: 'strike' }] })), 'content[0].content[0].marks[0]', /unknown mark type "strike"/);
  });

  it('trims link addresses but keeps them otherwise as written', () => {
    const result = parseDocument(doc(para(text('a', link('  https://президент.бел/ru  ')), text('b', link('\t/ru/x\n')))));
    assert.deepEqual(result.content[0], {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'a', marks: [{ type: 'link', attrs: { href: 'https://президент.бел/ru' } }] },
        { type: 'text', text: 'b', marks: [{ type: 'link', attrs: { href: '/ru/x' } }] },
      ],
    });
  });

  it('stores embed addresses in their canonical form', () => {
    const result = parseDocument(withEmbed({ provider: 'youtube', url: ' https://WWW.YouTube.com/watch?v=a"b ' }));
    assert.deepEqual(result.content[0], {
      type: 'embed',
      attrs: { provider: 'youtube', url: 'https://www.youtube.com/watch?v=a%22b' },
    });
  });

  it('returns a fresh object that shares nothing with the input', () => {
    const marks = [{ type: 'bold' }];
    const node = { type: 'text', text: 'x', marks };
    const attrs = { imageId: 1 };
    const input = { type: 'doc', content: [{ type: 'paragraph', content: [node] }, { type: 'image', attrs }] };
    const result = parseDocument(input);
    assert.notEqual(result, input);
    assert.notEqual(result.content, input.content);
    const paragraph = result.content[0];
    assert.ok(paragraph?.type === 'paragraph');
    assert.notEqual(paragraph.content?.[0], node);
    const first = paragraph.content?.[0];
    assert.ok(first?.type === 'text');
    assert.notEqual(first.marks, marks);
    assert.notEqual(first.marks?.[0], marks[0]);
    const image = result.content[1];
    assert.ok(image?.type === 'image');
    assert.notEqual(image.attrs, attrs);
    marks.push({ type: 'italic' });
    node.text = 'changed';
    assert.deepEqual(first, { type: 'text', text: 'x', marks: [{ type: 'bold' }] });
  });

  it('returns plain objects whatever the input prototype', () => {
    const result = parseDocument(JSON.parse('{"type":"doc","content":[{"type":"paragraph"}]}'));
    assert.equal(Object.getPrototypeOf(result), Object.prototype);
    assert.equal(Object.getPrototypeOf(result.content[0]), Object.prototype);
  });
});

describe('parseDocument: rejected structure', () => {
  it('rejects input that is not a document object', () => {
    rejects(null, '', /expected an object, got null/);
    rejects(undefined, '', /expected an object, got nothing/);
    rejects('{"type":"doc","content":[]}', '', /expected an object, got "/);
    rejects([], '', /expected an object, got an array/);
    rejects(42, '', /expected an object/);
    rejects(new Map(), '', /plain object/);
    rejects(new Date(), '', /plain object/);
  });

  it('rejects a wrong or missing root type', () => {
    rejects({ type: 'paragraph', content: [] }, 'type', /expected "doc", got "paragraph"/);
    rejects({ content: [] }, 'type', /got nothing/);
  });

  it('rejects missing or non-array content', () => {
    rejects({ type: 'doc' }, 'content', /expected an array, got nothing/);
    rejects({ type: 'doc', content: {} }, 'content', /expected an array, got an object/);
    rejects({ type: 'doc', content: 'text' }, 'content', /expected an array/);
  });

  it('rejects extra properties, naming them in the path', () => {
    rejects({ type: 'doc', content: [], version: 2 }, 'version', /unknown property/);
    rejects(doc({ type: 'paragraph', attrs: {} }), 'content[0].attrs', /unknown property/);
    rejects(doc({ type: 'paragraph', id: 'p1' }), 'content[0].id', /unknown property/);
    rejects(doc(para({ type: 'text', text: 'x', style: 'color:red' })), 'content[0].content[0].style', /unknown property/);
    rejects(doc({ type: 'image', attrs: { imageId: 1 }, content: [] }), 'content[0].content', /unknown property/);
    rejects(doc({ type: 'bulletList', attrs: {}, content: [] }), 'content[0].attrs', /unknown property/);
    rejects(
      doc({ type: 'listItem', content: [] }),
      'content[0]',
      /node type "listItem" is not allowed here/,
    );
  });

  it('quotes odd property names in the path', () => {
    rejects(JSON.parse('{"type":"doc","content":[{"type":"paragraph","__proto__":{"x":1}}]}'), 'content[0].__proto__', /unknown property/);
    rejects(doc({ type: 'paragraph', 'on click': 1 }), 'content[0]["on click"]', /unknown property/);
    const long = 'k'.repeat(500);
    assert.throws(
      () => parseDocument(doc({ type: 'paragraph', [long]: 1 })),
      (error: unknown) => error instanceof DocumentError && error.path.length < 100,
    );
  });

  it('rejects unknown and misplaced node types', () => {
    rejects(doc({ type: 'video' }), 'content[0]', /unknown node type "video"/);
    rejects(doc({ type: 'codeBlock', content: [] }), 'content[0]', /unknown node type "codeBlock"/);
    rejects(doc({ content: [] }), 'content[0].type', /expected a node type, got nothing/);
    rejects(doc({ type: 7 }), 'content[0].type', /expected a node type, got 7/);
    rejects(doc('paragraph'), 'content[0]', /expected an object/);
    rejects(doc(null), 'content[0]', /expected an object, got null/);
    rejects(doc(text('loose')), 'content[0]', /node type "text" is not allowed here/);
    rejects(doc({ type: 'hardBreak' }), 'content[0]', /node type "hardBreak" is not allowed here/);
    rejects(doc({ type: 'doc', content: [] }), 'content[0]', /node type "doc" is not allowed here/);
    rejects(doc(para(para())), 'content[0].content[0]', /node type "paragraph" is not allowed here; expected text or hardBreak/);
    rejects(doc(para(text('ok'), { type: 'image', attrs: { imageId: 1 } })), 'content[0].content[1]', /not allowed here/);
  });

  it('rejects headings other than levels 2-4', () => {
    for (const level of [1, 5, 6, 0, '2', 2.5, null]) {
      rejects(doc({ type: 'heading', attrs: { level } }), 'content[0].attrs.level', /heading level must be 2, 3 or 4/);
    }
    rejects(doc({ type: 'heading', attrs: {} }), 'content[0].attrs.level', /got nothing/);
    rejects(doc({ type: 'heading' }), 'content[0].attrs', /expected an object, got nothing/);
    rejects(doc({ type: 'heading', attrs: { level: 2, id: 'x' } }), 'content[0].attrs.id', /unknown attribute/);
  });

  it('rejects blockquotes that are empty, hold anything but paragraphs, or nest', () => {
    rejects(doc({ type: 'blockquote', content: [] }), 'content[0].content', /at least one paragraph/);
    rejects(doc({ type: 'blockquote' }), 'content[0].content', /expected an array/);
    rejects(
      doc({ type: 'blockquote', content: [{ type: 'blockquote', content: [para()] }] }),
      'content[0].content[0]',
      /node type "blockquote" is not allowed here; expected paragraph/,
    );
    rejects(
      doc({ type: 'blockquote', content: [{ type: 'heading', attrs: { level: 2 } }] }),
      'content[0].content[0]',
      /not allowed here/,
    );
    rejects(
      doc({ type: 'blockquote', content: [{ type: 'bulletList', content: [] }] }),
      'content[0].content[0]',
      /not allowed here/,
    );
    rejects(
      doc({ type: 'blockquote', attrs: { attribution: 5 }, content: [para()] }),
      'content[0].attrs.attribution',
      /expected a string, got 5/,
    );
    rejects(
      doc({ type: 'blockquote', attrs: { attribution: 'a\nb' }, content: [para()] }),
      'content[0].attrs.attribution',
      /control characters/,
    );
    rejects(
      doc({ type: 'blockquote', attrs: { author: 'x' }, content: [para()] }),
      'content[0].attrs.author',
      /unknown attribute/,
    );
    rejects(doc({ type: 'blockquote', attrs: 'x', content: [para()] }), 'content[0].attrs', /expected an object/);
  });

  it('rejects empty lists, items that are not list items, and nested lists', () => {
    const item = (...content: unknown[]): unknown => ({ type: 'listItem', content });
    rejects(doc({ type: 'bulletList', content: [] }), 'content[0].content', /at least one item/);
    rejects(doc({ type: 'orderedList', content: [para()] }), 'content[0].content[0]', /node type "paragraph" is not allowed here; expected listItem/);
    rejects(doc({ type: 'bulletList', content: [item()] }), 'content[0].content[0].content', /a list item must contain at least one paragraph/);
    rejects(
      doc({ type: 'bulletList', content: [item(para(), { type: 'bulletList', content: [item(para())] })] }),
      'content[0].content[0].content[1]',
      /lists cannot be nested/,
    );
    rejects(
      doc({ type: 'bulletList', content: [{ type: 'orderedList', content: [item(para())] }] }),
      'content[0].content[0]',
      /lists cannot be nested/,
    );
    rejects(
      doc({ type: 'bulletList', content: [item({ type: 'image', attrs: { imageId: 1 } })] }),
      'content[0].content[0].content[0]',
      /node type "image" is not allowed here; expected paragraph/,
    );
    rejects(doc({ type: 'bulletList', content: [{ type: 'listItem', content: [para()], attrs: {} }] }), 'content[0].content[0].attrs', /unknown property/);
  });

  it('rejects bad ordered list starts', () => {
    const list = (attrs: unknown): unknown => ({ type: 'orderedList', attrs, content: [{ type: 'listItem', content: [para()] }] });
    for (const start of [-1, 1.5, '2', Number.NaN, Infinity, 2 ** 53]) {
      rejects(doc(list({ start })), 'content[0].attrs.start', /whole number/);
    }
    rejects(doc(list({ start: 1, order: 1 })), 'content[0].attrs.order', /unknown attribute/);
    rejects(doc(list({ type: 'a' })), 'content[0].attrs.type', /unknown attribute/);
  });
});

describe('parseDocument: rejected text', () => {
  it('rejects empty and non-string text', () => {
    rejects(doc(para(text(''))), 'content[0].content[0].text', /must not be empty/);
    rejects(doc(para({ type: 'text' })), 'content[0].content[0].text', /expected a string, got nothing/);
    rejects(doc(para({ type: 'text', text: 5 })), 'content[0].content[0].text', /expected a string, got 5/);
    rejects(doc(para({ type: 'text', text: ['a'] })), 'content[0].content[0].text', /expected a string, got an array/);
  });

  it('rejects NUL and other C0 control characters except line feed and tab', () => {
    for (const char of ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\r', '\u001b', '\u001f']) {
      rejects(doc(para(text('ok'), text(`a${char}b`, bold))), 'content[0].content[1].text', /control characters/);
    }
  });

  it('rejects unpaired surrogates anywhere', () => {
    rejects(doc(para(text('a\ud800b'))), 'content[0].content[0].text', /unpaired surrogate/);
    rejects(doc(para(text('\udc00'))), 'content[0].content[0].text', /unpaired surrogate/);
    rejects(doc({ type: 'image', attrs: { imageId: 1, caption: 'x\ud83d' } }), 'content[0].attrs.caption', /unpaired surrogate/);
  });

  it('rejects control characters, line breaks included, in attributes', () => {
    for (const field of ['alt', 'caption', 'credit']) {
      for (const value of ['a\nb', 'a\tb', 'a\u0000b', 'a\u001bb']) {
        rejects(doc({ type: 'image', attrs: { imageId: 1, [field]: value } }), `content[0].attrs.${field}`, /control characters/);
      }
    }
    rejects(withEmbed({ provider: 'vk', url: 'https://vk.com/video1', caption: 'a\rb' }), 'content[0].attrs.caption', /control characters/);
  });
});

describe('parseDocument: rejected marks', () => {
  it('rejects unknown mark types with the path of the mark', () => {
    rejects(doc(para(text('x'), text('y', bold, { type: 'underline' }))), 'content[0].content[1].marks[1]', /unknown mark type "underline"/);
    rejects(doc(para(text('x', { type: 'code' }))), 'content[0].content[0].marks[0]', /unknown mark type "code"/);
    rejects(doc(para(text('x', {}))), 'content[0].content[0].marks[0].type', /expected a mark type/);
    rejects(doc(para(text('x', 'bold'))), 'content[0].content[0].marks[0]', /expected an object/);
    rejects(doc(para({ type: 'text', text: 'x', marks: { type: 'bold' } })), 'content[0].content[0].marks', /expected an array/);
  });

  it('rejects duplicate marks of one type', () => {
    rejects(doc(para(text('x', bold, italic, bold))), 'content[0].content[0].marks[2]', /duplicate "bold" mark/);
    rejects(doc(para(text('x', link('/a'), link('/b')))), 'content[0].content[0].marks[1]', /duplicate "link" mark/);
  });

  it('rejects attributes on bold and italic and unknown link attributes', () => {
    rejects(doc(para(text('x', { type: 'bold', attrs: {} }))), 'content[0].content[0].marks[0].attrs', /unknown property/);
    rejects(doc(para(text('x', { type: 'italic', level: 1 }))), 'content[0].content[0].marks[0].level', /unknown property/);
    rejects(doc(para(text('x', { type: 'link' }))), 'content[0].content[0].marks[0].attrs', /expected an object, got nothing/);
    rejects(doc(para(text('x', { type: 'link', attrs: {} }))), HREF_PATH, /expected a string, got nothing/);
    rejects(
      doc(para(text('x', { type: 'link', attrs: { href: '/a', target: '_blank' } }))),
      'content[0].content[0].marks[0].attrs.target',
      /unknown attribute/,
    );
    rejects(
      doc(para(text('x', { type: 'link', attrs: { href: '/a', title: null } }))),
      'content[0].content[0].marks[0].attrs.title',
      /unknown attribute/,
    );
    rejects(doc(para(text('x', { type: 'link', attrs: { href: '/a' }, rel: 'x' }))), 'content[0].content[0].marks[0].rel', /unknown property/);
  });

  it('rejects dangerous and unsupported link addresses', () => {
    const bad: [string, RegExp][] = [
      ['javascript:alert(1)', /"javascript:" addresses are not allowed/],
      ['JaVaScRiPt:alert(1)', /"javascript:" addresses are not allowed/],
      ['  javascript:alert(1)  ', /"javascript:"/],
      ['java\tscript:alert(1)', /control characters/],
      ['java\nscript:alert(1)', /control characters/],
      ['\u0001javascript:alert(1)', /control characters/],
      ['javascript\u0000:alert(1)', /control characters/],
      ['jav&#x09;ascript:alert(1)', /must start with/],
      ['data:text/html,<script>alert(1)</script>', /"data:" addresses are not allowed/],
      ['vbscript:msgbox(1)', /"vbscript:"/],
      ['file:///etc/passwd', /"file:"/],
      ['ftp://example.com/', /"ftp:"/],
      ['//evil.example/', /protocol-relative/],
      ['///evil.example/', /protocol-relative/],
      ['/\\evil.example/', /backslashes/],
      ['http:evil.example', /must start with "http:\/\/"/],
      ['https:/evil.example', /must start with "https:\/\/"/],
      ['https://', /not a valid URL/],
      ['https://exa mple.com/', /not a valid URL/],
      ['http://example.com\u007f/', /control characters/],
      ['http://example.com/\u0085', /control characters/],
      ['#anchor', /must start with http/],
      ['?q=1', /must start with http/],
      ['story/1', /must start with http/],
      ['\\\\evil.example', /must start with http/],
      ['mailto:', /no address/],
      ['', /empty/],
      ['   ', /empty/],
      [`https://example.com/${'a'.repeat(5000)}`, /longer than 4096/],
    ];
    for (const [href, reason] of bad) rejects(withHref(href), HREF_PATH, reason);
    rejects(withHref(null), HREF_PATH, /expected a string/);
    rejects(withHref({ toString: () => '/a' }), HREF_PATH, /expected a string/);
  });
});

describe('parseDocument: rejected images', () => {
  it('rejects image ids that are not positive safe integers', () => {
    for (const imageId of [0, -1, 1.5, '5', 2 ** 53, Number.NaN, Infinity, null, true]) {
      rejects(doc({ type: 'image', attrs: { imageId } }), 'content[0].attrs.imageId', /positive whole number/);
    }
    rejects(doc({ type: 'image', attrs: {} }), 'content[0].attrs.imageId', /got nothing/);
    rejects(doc({ type: 'image' }), 'content[0].attrs', /expected an object/);
  });

  it('rejects unknown image attributes and wrong types', () => {
    rejects(doc({ type: 'image', attrs: { imageId: 1, src: 'https://evil.example/x.png' } }), 'content[0].attrs.src', /unknown attribute/);
    rejects(doc({ type: 'image', attrs: { imageId: 1, onerror: 'alert(1)' } }), 'content[0].attrs.onerror', /unknown attribute/);
    rejects(doc({ type: 'image', attrs: { imageId: 1, alt: 5 } }), 'content[0].attrs.alt', /expected a string/);
    rejects(doc({ type: 'image', attrs: { imageId: 1, caption: {} } }), 'content[0].attrs.caption', /expected a string/);
  });
});

describe('parseDocument: rejected embeds', () => {
  it('rejects unknown providers', () => {
    rejects(withEmbed({ provider: 'tiktok', url: 'https://tiktok.com/x' }), 'content[0].attrs.provider', /unknown embed provider "tiktok"/);
    rejects(withEmbed({ provider: 'toString', url: 'https://x.com/' }), 'content[0].attrs.provider', /unknown embed provider/);
    rejects(withEmbed({ provider: 'YouTube', url: 'https://youtube.com/' }), 'content[0].attrs.provider', /unknown embed provider/);
    rejects(withEmbed({ url: 'https://youtube.com/' }), 'content[0].attrs.provider', /expected a string, got nothing/);
  });

  it('rejects embed addresses that are not https on a host of the provider', () => {
    const bad: [string, string, RegExp][] = [
      ['youtube', 'http://www.youtube.com/watch?v=a', /must start with "https:\/\/"/],
      ['youtube', 'javascript:alert(1)//youtube.com', /must start with "https:\/\/"/],
      ['youtube', '//www.youtube.com/watch?v=a', /must start with "https:\/\/"/],
      ['youtube', 'data:text/html,youtube.com', /must start with "https:\/\/"/],
      ['youtube', 'https:\\\\youtube.com/x', /must start with "https:\/\/"/],
      ['youtube', 'https://evil.example/watch?v=a', /"evil.example" is not a host of YouTube/],
      ['youtube', 'https://youtube.com.evil.example/', /is not a host of YouTube/],
      ['youtube', 'https://evilyoutube.com/', /is not a host of YouTube/],
      ['youtube', 'https://music.youtube.com/', /is not a host of YouTube/],
      ['youtube', 'https://evil.example/#youtube.com', /is not a host of YouTube/],
      ['youtube', 'https://evil.example\\@youtube.com/', /is not a host of YouTube/],
      ['youtube', 'https://youtube.com@evil.example/', /user name or password/],
      ['youtube', 'https://user:pass@youtube.com/', /user name or password/],
      ['youtube', 'https://youtube.com:8443/', /port/],
      ['youtube', 'https://youtube.com./', /is not a host of YouTube/],
      ['youtube', 'https://vk.com/video1', /is not a host of YouTube/],
      ['vk', 'https://vk.co/x', /is not a host of VK/],
      ['telegram', 'https://telegram.me/x', /is not a host of Telegram/],
      ['x', 'https://mobile.twitter.com/x', /is not a host of X/],
      ['facebook', 'https://m.facebook.com/x', /is not a host of Facebook/],
      ['instagram', 'https://instagr.am/p/x', /is not a host of Instagram/],
      ['youtube', 'https://www.you\ttube.com/', /control characters/],
      ['youtube', '', /empty/],
      ['youtube', 'https://', /not a valid URL/],
    ];
    for (const [provider, url, reason] of bad) {
      rejects(withEmbed({ provider, url }), 'content[0].attrs.url', reason);
    }
    rejects(withEmbed({ provider: 'youtube', url: 5 }), 'content[0].attrs.url', /expected a string/);
    rejects(withEmbed({ provider: 'youtube', url: 'https://youtu.be/a', html: '<iframe>' }), 'content[0].attrs.html', /unknown attribute/);
  });
});

describe('parseDocument: size limits', () => {
  it(`rejects more than ${MAX_BLOCKS} blocks, at the first block over`, () => {
    const blocks = Array.from({ length: MAX_BLOCKS + 5 }, () => para());
    rejects(doc(...blocks), `content[${MAX_BLOCKS}]`, /more than 2000 blocks/);
  });

  it('counts nested blocks: lists, list items and their paragraphs', () => {
    // 1 list + 1000 items × (item + paragraph) = 2001 blocks.
    const items = Array.from({ length: 1000 }, () => ({ type: 'listItem', content: [para()] }));
    rejects(doc({ type: 'bulletList', content: items }), 'content[0].content[999].content[0]', /more than 2000 blocks/);
    const fits = Array.from({ length: 999 }, () => ({ type: 'listItem', content: [para()] }));
    assert.equal(parseDocument(doc({ type: 'bulletList', content: fits })).content.length, 1);
  });

  it(`rejects more than ${MAX_TEXT_LENGTH} characters of text`, () => {
    rejects(doc(para(text('x'.repeat(MAX_TEXT_LENGTH + 1)))), 'content[0].content[0].text', /more than 200000 characters/);
    const half = 'y'.repeat(MAX_TEXT_LENGTH / 2);
    rejects(doc(para(text(half)), para(text(half), text('z', bold))), 'content[1].content[1].text', /characters of text/);
  });

  it('counts hard breaks and visible attributes towards the text limit', () => {
    const filler = para(text('x'.repeat(MAX_TEXT_LENGTH - 1)));
    assert.equal(parseDocument(doc(filler, para({ type: 'hardBreak' }))).content.length, 2);
    rejects(doc(filler, para({ type: 'hardBreak' }, { type: 'hardBreak' })), 'content[1].content[1]', /characters of text/);
    rejects(doc(filler, { type: 'image', attrs: { imageId: 1, caption: 'ab' } }), 'content[1].attrs.caption', /characters of text/);
  });

  it('does not descend into nesting the types do not allow', () => {
    // A deeply nested structure fails at the first level that is not allowed, without recursion.
    let deep: unknown = para(text('x'));
    for (let i = 0; i < 10_000; i++) deep = { type: 'blockquote', content: [deep] };
    rejects(doc(deep), 'content[0].content[0]', /node type "blockquote" is not allowed here/);
  });
});
