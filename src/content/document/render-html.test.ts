// Tests for the story renderer: the exact HTML of every node type, escaping of hostile content,
// the defensive checks on unvalidated documents, and the plain-text rendering.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, renderDocumentHtml, renderDocumentText } from './render-html.ts';
import type { RenderedImage } from './render-html.ts';
import { parseDocument } from './parse-document.ts';
import type { BlockNode, InlineNode, Mark, ParagraphNode, StoryDocument } from './document.ts';

function doc(...content: BlockNode[]): StoryDocument {
  return { type: 'doc', content };
}

function p(...content: InlineNode[]): ParagraphNode {
  return { type: 'paragraph', content };
}

function t(text: string, ...marks: Mark[]): InlineNode {
  return marks.length === 0 ? { type: 'text', text } : { type: 'text', text, marks };
}

const B: Mark = { type: 'bold' };
const I: Mark = { type: 'italic' };
const L = (href: string): Mark => ({ type: 'link', attrs: { href } });
const BR: InlineNode = { type: 'hardBreak' };

const images: Record<number, RenderedImage> = {
  1: { src: '/media/1/800.jpg', width: 800, height: 533 },
  2: {
    src: '/media/2/800.jpg',
    width: 800,
    height: 600,
    srcset: '/media/2/400.jpg 400w, /media/2/800.jpg 800w',
    sizes: '(max-width: 600px) 100vw, 800px',
  },
  3: { src: '/x.jpg?a=1&b="2"', width: 10, height: 10, srcset: '"><script>', sizes: "'" },
  5: { src: '/media/5/640.jpg', width: 640, height: 480, srcset: '/media/5/640.jpg 640w', sources: [{ type: 'image/avif', srcset: '/media/5/640.avif 640w' }] },
};
const resolveImage = (id: number): RenderedImage | undefined => images[id];

function html(document: StoryDocument): string {
  return renderDocumentHtml(document, { resolveImage });
}

const ALLOWED_TAGS = new Set([
  'p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'br',
  'figure', 'figcaption', 'picture', 'source', 'img', 'cite', 'span',
]);

function tagsOf(output: string): string[] {
  return [...output.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((match) => match[1] ?? '');
}

describe('escapeHtml', () => {
  it('escapes the five significant characters and leaves everything else', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    assert.equal(escapeHtml('Минск — plain text'), 'Минск — plain text');
    assert.equal(escapeHtml(''), '');
  });

  it('is stable across calls (no regex state carried over)', () => {
    for (let i = 0; i < 3; i++) assert.equal(escapeHtml('a<b'), 'a&lt;b');
  });
});

describe('renderDocumentHtml: blocks', () => {
  it('renders nothing for an empty document', () => {
    assert.equal(renderDocumentHtml({ type: 'doc', content: [] }), '');
  });

  it('renders paragraphs, one per line, with a newline after each top-level block only', () => {
    assert.equal(html(doc(p(t('One')), p(t('Two')))), '<p>One</p>\n<p>Two</p>\n');
    assert.equal(html(doc({ type: 'paragraph' })), '<p></p>\n');
  });

  it('renders headings 2-4', () => {
    assert.equal(
      html(
        doc(
          { type: 'heading', attrs: { level: 2 }, content: [t('A')] },
          { type: 'heading', attrs: { level: 3 }, content: [t('B')] },
          { type: 'heading', attrs: { level: 4 }, content: [t('C', I)] },
          { type: 'heading', attrs: { level: 2 } },
        ),
      ),
      '<h2>A</h2>\n<h3>B</h3>\n<h4><em>C</em></h4>\n<h2></h2>\n',
    );
  });

  it('renders a blockquote as paragraphs then the attribution', () => {
    assert.equal(
      html(doc({ type: 'blockquote', attrs: { attribution: 'Anna Kovalenko, editor' }, content: [p(t('We will.')), p(t('Soon.'))] })),
      '<blockquote><p>We will.</p><p>Soon.</p><cite>Anna Kovalenko, editor</cite></blockquote>\n',
    );
    assert.equal(html(doc({ type: 'blockquote', content: [p(t('Unsigned'))] })), '<blockquote><p>Unsigned</p></blockquote>\n');
    assert.equal(
      html(doc({ type: 'blockquote', attrs: { attribution: '' }, content: [p(t('Q'))] })),
      '<blockquote><p>Q</p></blockquote>\n',
    );
  });

  it('renders lists, with <p> only in items of several paragraphs', () => {
    assert.equal(
      html(
        doc({
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [p(t('one'))] },
            { type: 'listItem', content: [p(t('two', B))] },
          ],
        }),
      ),
      '<ul><li>one</li><li><strong>two</strong></li></ul>\n',
    );
    assert.equal(
      html(
        doc({
          type: 'orderedList',
          content: [
            { type: 'listItem', content: [p(t('a')), p(t('b'))] },
            { type: 'listItem', content: [{ type: 'paragraph' }] },
          ],
        }),
      ),
      '<ol><li><p>a</p><p>b</p></li><li></li></ol>\n',
    );
  });

  it('gives an ordered list a start only when it is not 1', () => {
    const items = [{ type: 'listItem' as const, content: [p(t('x'))] }];
    assert.equal(html(doc({ type: 'orderedList', attrs: { start: 4 }, content: items })), '<ol start="4"><li>x</li></ol>\n');
    assert.equal(html(doc({ type: 'orderedList', attrs: { start: 0 }, content: items })), '<ol start="0"><li>x</li></ol>\n');
    assert.equal(html(doc({ type: 'orderedList', attrs: { start: 1 }, content: items })), '<ol><li>x</li></ol>\n');
    assert.equal(html(doc({ type: 'orderedList', attrs: {}, content: items })), '<ol><li>x</li></ol>\n');
  });

  it('renders an image with caption and credit', () => {
    assert.equal(
      html(doc({ type: 'image', attrs: { imageId: 1, alt: 'Harvest', caption: 'Fields near Minsk.', credit: 'Photo: BelTA' } })),
      '<figure class="story-image"><img src="/media/1/800.jpg" width="800" height="533" alt="Harvest" loading="lazy" decoding="async">' +
        '<figcaption>Fields near Minsk. <span class="credit">Photo: BelTA</span></figcaption></figure>\n',
    );
  });

  it('renders srcset and sizes when the resolver gives them', () => {
    assert.equal(
      html(doc({ type: 'image', attrs: { imageId: 2, alt: 'A' } })),
      '<figure class="story-image"><img src="/media/2/800.jpg" width="800" height="600" alt="A" loading="lazy" decoding="async"' +
        ' srcset="/media/2/400.jpg 400w, /media/2/800.jpg 800w" sizes="(max-width: 600px) 100vw, 800px"></figure>\n',
    );
  });

  it('renders a <picture> with one <source> per better format when the resolver gives sources', () => {
    const withSources = (id: number): RenderedImage | undefined => id === 4 ? {
      src: '/media/4-960w.jpg', width: 960, height: 640, srcset: '/media/4-320w.jpg 320w, /media/4-960w.jpg 960w', sizes: '100vw',
      sources: [{ type: 'image/avif', srcset: '/media/4-320w.avif 320w, /media/4-960w.avif 960w' }, { type: 'image/webp', srcset: '/media/4-320w.webp 320w' }],
      alt: 'Library alt', caption: 'Library caption', credit: 'Library credit',
    } : undefined;
    assert.equal(
      renderDocumentHtml(doc({ type: 'image', attrs: { imageId: 4 } }), { resolveImage: withSources }),
      '<figure class="story-image"><picture>' +
        '<source type="image/avif" srcset="/media/4-320w.avif 320w, /media/4-960w.avif 960w" sizes="100vw">' +
        '<source type="image/webp" srcset="/media/4-320w.webp 320w" sizes="100vw">' +
        '<img src="/media/4-960w.jpg" width="960" height="640" alt="Library alt" loading="lazy" decoding="async" srcset="/media/4-320w.jpg 320w, /media/4-960w.jpg 960w" sizes="100vw">' +
        '</picture><figcaption>Library caption <span class="credit">Library credit</span></figcaption></figure>\n',
    );
    // The document's own texts win over the library's.
    const own = renderDocumentHtml(doc({ type: 'image', attrs: { imageId: 4, alt: 'Own alt', caption: 'Own caption', credit: 'Own credit' } }), { resolveImage: withSources });
    assert.match(own, /alt="Own alt"/);
    assert.match(own, /<figcaption>Own caption <span class="credit">Own credit<\/span><\/figcaption>/);
  });

  it('renders figcaption for caption only or credit only, and none without either', () => {
    const img = '<img src="/media/1/800.jpg" width="800" height="533" alt="" loading="lazy" decoding="async">';
    assert.equal(
      html(doc({ type: 'image', attrs: { imageId: 1, caption: 'C' } })),
      `<figure class="story-image">${img}<figcaption>C</figcaption></figure>\n`,
    );
    assert.equal(
      html(doc({ type: 'image', attrs: { imageId: 1, credit: 'K' } })),
      `<figure class="story-image">${img}<figcaption><span class="credit">K</span></figcaption></figure>\n`,
    );
    assert.equal(html(doc({ type: 'image', attrs: { imageId: 1 } })), `<figure class="story-image">${img}</figure>\n`);
  });

  it('leaves out images the resolver does not know, and all images without a resolver', () => {
    const document = doc(p(t('a')), { type: 'image', attrs: { imageId: 99, caption: 'gone' } }, p(t('b')));
    assert.equal(html(document), '<p>a</p>\n<p>b</p>\n');
    assert.equal(renderDocumentHtml(doc({ type: 'image', attrs: { imageId: 1 } })), '');
  });

  it('passes the image id to the resolver', () => {
    const asked: number[] = [];
    renderDocumentHtml(doc({ type: 'image', attrs: { imageId: 7 } }, { type: 'image', attrs: { imageId: 8 } }), {
      resolveImage: (id) => {
        asked.push(id);
        return undefined;
      },
    });
    assert.deepEqual(asked, [7, 8]);
  });

  it('leaves out width and height that are not positive whole numbers', () => {
    const output = renderDocumentHtml(doc({ type: 'image', attrs: { imageId: 1 } }), {
      resolveImage: () => ({ src: '/a.jpg', width: Number.NaN, height: -5 }),
    });
    assert.equal(output, '<figure class="story-image"><img src="/a.jpg" alt="" loading="lazy" decoding="async"></figure>\n');
  });

  it('renders embeds as a link card with the provider name, never a frame or script', () => {
    const cases: [BlockNode, string][] = [
      [
        { type: 'embed', attrs: { provider: 'youtube', url: 'https://www.youtube.com/watch?v=abc', caption: 'The match' } },
        '<figure class="embed embed-youtube"><a href="https://www.youtube.com/watch?v=abc" rel="noopener noreferrer">' +
          'YouTube: https://www.youtube.com/watch?v=abc</a><figcaption>The match</figcaption></figure>\n',
      ],
      [
        { type: 'embed', attrs: { provider: 'vk', url: 'https://vk.com/video-1_2' } },
        '<figure class="embed embed-vk"><a href="https://vk.com/video-1_2" rel="noopener noreferrer">VK: https://vk.com/video-1_2</a></figure>\n',
      ],
      [
        { type: 'embed', attrs: { provider: 'telegram', url: 'https://t.me/news/1' } },
        '<figure class="embed embed-telegram"><a href="https://t.me/news/1" rel="noopener noreferrer">Telegram: https://t.me/news/1</a></figure>\n',
      ],
      [
        { type: 'embed', attrs: { provider: 'x', url: 'https://x.com/a/status/1' } },
        '<figure class="embed embed-x"><a href="https://x.com/a/status/1" rel="noopener noreferrer">X: https://x.com/a/status/1</a></figure>\n',
      ],
      [
        { type: 'embed', attrs: { provider: 'facebook', url: 'https://fb.watch/x' } },
        '<figure class="embed embed-facebook"><a href="https://fb.watch/x" rel="noopener noreferrer">Facebook: https://fb.watch/x</a></figure>\n',
      ],
      [
        { type: 'embed', attrs: { provider: 'instagram', url: 'https://www.instagram.com/p/x/' } },
        '<figure class="embed embed-instagram"><a href="https://www.instagram.com/p/x/" rel="noopener noreferrer">' +
          'Instagram: https://www.instagram.com/p/x/</a></figure>\n',
      ],
    ];
    for (const [block, expected] of cases) assert.equal(html(doc(block)), expected);
  });
});

describe('renderDocumentHtml: inline content', () => {
  it('renders bold, italic and hard breaks', () => {
    assert.equal(html(doc(p(t('a'), t('b', B), t('c', I), BR, t('d')))), '<p>a<strong>b</strong><em>c</em><br>d</p>\n');
  });

  it('nests marks a > strong > em whatever their order', () => {
    const output = html(doc(p(t('x', I, L('https://example.com/'), B))));
    assert.equal(output, '<p><a href="https://example.com/" rel="noopener noreferrer"><strong><em>x</em></strong></a></p>\n');
  });

  it('keeps one element open across text nodes that share a mark', () => {
    const href = 'https://example.com/';
    assert.equal(
      html(doc(p(t('a ', L(href)), t('b', B, L(href)), t(' c', L(href)), t(' d')))),
      `<p><a href="${href}" rel="noopener noreferrer">a <strong>b</strong> c</a> d</p>\n`,
    );
    assert.equal(
      html(doc(p(t('a', B), t('b', B, I), t('c', B), t('d', I), t('e')))),
      '<p><strong>a<em>b</em>c</strong><em>d</em>e</p>\n',
    );
    assert.equal(html(doc(p(t('a', B, I), t('b', I)))), '<p><strong><em>a</em></strong><em>b</em></p>\n');
  });

  it('starts a new link when the address changes', () => {
    assert.equal(
      html(doc(p(t('a', L('/one')), t('b', L('/two'))))),
      '<p><a href="/one">a</a><a href="/two">b</a></p>\n',
    );
  });

  it('closes open marks around a hard break', () => {
    assert.equal(html(doc(p(t('a', B), BR, t('b', B)))), '<p><strong>a</strong><br><strong>b</strong></p>\n');
  });

  it('adds rel="noopener noreferrer" to external links only, and never a target', () => {
    const output = html(
      doc(p(t('a', L('http://example.com')), t('b', L('HTTPS://example.com')), t('c', L('mailto:desk@example.com')), t('d', L('/ru/x')))),
    );
    assert.equal(
      output,
      '<p><a href="http://example.com" rel="noopener noreferrer">a</a><a href="HTTPS://example.com" rel="noopener noreferrer">b</a>' +
        '<a href="mailto:desk@example.com">c</a><a href="/ru/x">d</a></p>\n',
    );
    assert.doesNotMatch(output, /target/);
  });
});

describe('renderDocumentHtml: hostile content', () => {
  it('escapes text', () => {
    assert.equal(
      html(doc(p(t(`<script>alert("x")</script> & 'q'`, B)))),
      '<p><strong>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</strong></p>\n',
    );
    assert.equal(
      html(doc({ type: 'heading', attrs: { level: 2 }, content: [t('<img src=x onerror=alert(1)>')] })),
      '<h2>&lt;img src=x onerror=alert(1)&gt;</h2>\n',
    );
  });

  it('escapes attributes: alt, caption, credit, attribution and resolver values', () => {
    const attack = `"><script>alert('x')</script>`;
    const escaped = '&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;';
    assert.equal(
      html(doc({ type: 'image', attrs: { imageId: 3, alt: attack, caption: attack, credit: attack } })),
      `<figure class="story-image"><img src="/x.jpg?a=1&amp;b=&quot;2&quot;" width="10" height="10" alt="${escaped}"` +
        ` loading="lazy" decoding="async" srcset="&quot;&gt;&lt;script&gt;" sizes="&#39;">` +
        `<figcaption>${escaped} <span class="credit">${escaped}</span></figcaption></figure>\n`,
    );
    assert.equal(
      html(doc({ type: 'blockquote', attrs: { attribution: attack }, content: [p(t('q'))] })),
      `<blockquote><p>q</p><cite>${escaped}</cite></blockquote>\n`,
    );
    assert.equal(
      html(doc({ type: 'embed', attrs: { provider: 'x', url: 'https://x.com/a', caption: attack } })),
      `<figure class="embed embed-x"><a href="https://x.com/a" rel="noopener noreferrer">X: https://x.com/a</a><figcaption>${escaped}</figcaption></figure>\n`,
    );
  });

  it('escapes link addresses that break out of the attribute', () => {
    const href = `https://example.com/?q="><script>alert(1)</script>&x='y'`;
    const document = parseDocument(doc(p(t('x', L(href)))));
    assert.equal(
      html(document),
      '<p><a href="https://example.com/?q=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;x=&#39;y&#39;" rel="noopener noreferrer">x</a></p>\n',
    );
  });

  it('escapes embed addresses, even unvalidated ones', () => {
    assert.equal(
      html(doc({ type: 'embed', attrs: { provider: 'youtube', url: 'https://youtube.com/"><script>alert(1)</script>' } })),
      '<figure class="embed embed-youtube"><a href="https://youtube.com/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" rel="noopener noreferrer">' +
        'YouTube: https://youtube.com/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a></figure>\n',
    );
  });

  it('drops links with dangerous addresses from documents that skipped validation, keeping the words', () => {
    for (const href of ['javascript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', '//evil.example', '/\\evil.example', 'vbscript:x']) {
      assert.equal(html(doc(p(t('click', B, L(href))))), '<p><strong>click</strong></p>\n', href);
    }
  });

  it('leaves out embeds whose address is not https on a host of the provider', () => {
    const bad: [string, string][] = [
      ['youtube', 'javascript:alert(1)'],
      ['youtube', 'http://www.youtube.com/watch?v=a'],
      ['youtube', 'https://evil.example/'],
      ['youtube', 'https://youtube.com@evil.example/'],
      ['youtube', 'https://youtube.com.evil.example/'],
      ['youtube', 'https://youtube.com:444/'],
      ['youtube', '//youtube.com/'],
      ['youtube', 'https://youtube.com\\@evil.example'],
      ['vk', 'https://youtube.com/'],
      ['myspace', 'https://youtube.com/'],
    ];
    for (const [provider, url] of bad) {
      const block = { type: 'embed', attrs: { provider, url } } as unknown as BlockNode;
      assert.equal(html(doc(block, p(t('after')))), '<p>after</p>\n', `${provider} ${url}`);
    }
  });

  it('renders nothing for node types it does not know', () => {
    const block = { type: 'iframe', attrs: { src: 'https://evil.example' } } as unknown as BlockNode;
    assert.equal(html(doc(block, p(t('ok')))), '<p>ok</p>\n');
  });

  it('emits only the allowed elements, for a document with every node type', () => {
    const output = html(everything());
    const tags = new Set(tagsOf(output));
    for (const tag of tags) assert.ok(ALLOWED_TAGS.has(tag), `unexpected <${tag}>`);
    for (const tag of ALLOWED_TAGS) assert.ok(tags.has(tag), `<${tag}> not exercised`);
    assert.doesNotMatch(output, /<(iframe|script|style|object|embed)|on\w+=|style=|target=/i);
  });
});

describe('renderDocumentHtml: determinism', () => {
  it('renders the same document to the same string every time', () => {
    const document = everything();
    const first = html(document);
    assert.equal(html(structuredClone(document)), first);
    assert.equal(html(document), first);
    // The only whitespace between elements is the newline ending each top-level block.
    assert.ok(first.endsWith('</h4>\n'));
    const lines = first.slice(0, -1).split('\n');
    assert.equal(lines.length, everything().content.length);
    for (const line of lines) assert.doesNotMatch(line, />\s+</);
  });
});

describe('renderDocumentText', () => {
  it('separates blocks with blank lines and puts list items on their own lines', () => {
    assert.equal(
      renderDocumentText(everything()),
      [
        'Heading',
        'Bold and italic and a link.\nSecond line.',
        'Quoted words.\n\nMore.\n— Anna Kovalenko',
        'First\nSecond',
        'One\nTwo, para one\nTwo, para two',
        'Small <heading> & "quotes"',
      ].join('\n\n'),
    );
  });

  it('leaves out empty blocks, images and embeds', () => {
    assert.equal(
      renderDocumentText(
        doc(
          { type: 'paragraph' },
          p(t('a')),
          { type: 'image', attrs: { imageId: 1, caption: 'cap' } },
          { type: 'embed', attrs: { provider: 'x', url: 'https://x.com/', caption: 'cap' } },
          { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
          p(t('b')),
        ),
      ),
      'a\n\nb',
    );
    assert.equal(renderDocumentText(doc()), '');
  });

  it('keeps an attribution even when the quote is empty', () => {
    assert.equal(renderDocumentText(doc({ type: 'blockquote', attrs: { attribution: 'A' }, content: [{ type: 'paragraph' }] })), '— A');
  });
});

/** A document using every node type and mark, rendered with every allowed element. */
function everything(): StoryDocument {
  return doc(
    { type: 'heading', attrs: { level: 2 }, content: [t('Heading')] },
    p(t('Bold', B), t(' and '), t('italic', I), t(' and '), t('a link', L('https://example.com/')), t('.'), BR, t('Second line.')),
    { type: 'blockquote', attrs: { attribution: 'Anna Kovalenko' }, content: [p(t('Quoted words.')), p(t('More.'))] },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [p(t('First'))] },
        { type: 'listItem', content: [p(t('Second'))] },
      ],
    },
    {
      type: 'orderedList',
      attrs: { start: 2 },
      content: [
        { type: 'listItem', content: [p(t('One'))] },
        { type: 'listItem', content: [p(t('Two, para one')), p(t('Two, para two'))] },
      ],
    },
    { type: 'image', attrs: { imageId: 2, alt: 'Alt', caption: 'Caption', credit: 'Credit' } },
    { type: 'image', attrs: { imageId: 5, alt: 'Alt of a picture' } },
    { type: 'embed', attrs: { provider: 'youtube', url: 'https://youtu.be/abc', caption: 'Video' } },
    { type: 'heading', attrs: { level: 3 }, content: [t('Small <heading> & "quotes"')] },
    { type: 'heading', attrs: { level: 4 } },
  );
}
