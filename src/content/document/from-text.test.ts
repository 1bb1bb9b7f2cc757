// Tests for the demo content authoring format: block syntax, inline syntax, and that what it
// builds passes parseDocument and renders as expected.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { documentFromText } from './from-text.ts';
import { DocumentError, parseDocument } from './parse-document.ts';
import { renderDocumentHtml, renderDocumentText } from './render-html.ts';
import type { StoryDocument } from './document.ts';

/** The rendered HTML of one paragraph written in the format, without the <p> and newline. */
function inline(source: string): string {
  const output = renderDocumentHtml(documentFromText([source]));
  assert.ok(output.startsWith('<p>') && output.endsWith('</p>\n'), output);
  return output.slice(3, -5);
}

function blocksHtml(...blocks: string[]): string {
  return renderDocumentHtml(documentFromText(blocks));
}

describe('documentFromText: blocks', () => {
  it('makes a paragraph of a plain string', () => {
    assert.deepEqual(documentFromText(['Hello, Minsk.']), {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello, Minsk.' }] }],
    });
  });

  it('makes headings of "## ", "### " and "#### "', () => {
    assert.deepEqual(documentFromText(['## Two', '### Three', '#### Four']).content, [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Two' }] },
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Three' }] },
      { type: 'heading', attrs: { level: 4 }, content: [{ type: 'text', text: 'Four' }] },
    ]);
  });

  it('leaves other hashes as paragraph text', () => {
    assert.equal(blocksHtml('# One', '##Tight', '##### Five', '#hashtag'), '<p># One</p>\n<p>##Tight</p>\n<p>##### Five</p>\n<p>#hashtag</p>\n');
  });

  it('makes a blockquote with the attribution after the last " — "', () => {
    assert.deepEqual(documentFromText(['> We will finish the harvest — Ivan Petrov, farm director']).content, [
      {
        type: 'blockquote',
        attrs: { attribution: 'Ivan Petrov, farm director' },
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'We will finish the harvest' }] }],
      },
    ]);
    assert.equal(
      blocksHtml('> Minsk — the capital — is ready — Olga Marchenko'),
      '<blockquote><p>Minsk — the capital — is ready</p><cite>Olga Marchenko</cite></blockquote>\n',
    );
  });

  it('makes a blockquote without attribution when there is no " — "', () => {
    assert.deepEqual(documentFromText(['> Just words—no spaces around the dash']).content, [
      { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Just words—no spaces around the dash' }] }] },
    ]);
    // The block is trimmed first, so a dash at the very end has no space after it and stays.
    assert.equal(blocksHtml('> Ends with a dash — '), '<blockquote><p>Ends with a dash —</p></blockquote>\n');
  });

  it('parses inline syntax in quotes but not in the attribution', () => {
    assert.equal(
      blocksHtml('> It was **hard** — *Anna*'),
      '<blockquote><p>It was <strong>hard</strong></p><cite>*Anna*</cite></blockquote>\n',
    );
  });

  it('joins consecutive list items of one kind into one list', () => {
    assert.deepEqual(documentFromText(['- one', '- two', '1. first', '2. second', '- three']).content, [
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] },
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two' }] }] },
        ],
      },
      {
        type: 'orderedList',
        content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'first' }] }] },
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'second' }] }] },
        ],
      },
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'three' }] }] }],
      },
    ]);
  });

  it('accepts any number for ordered items and starts the list at the first', () => {
    assert.equal(blocksHtml('1. a', '1. b', '7. c'), '<ol><li>a</li><li>b</li><li>c</li></ol>\n');
    assert.equal(blocksHtml('3. a', '4. b'), '<ol start="3"><li>a</li><li>b</li></ol>\n');
    assert.equal(blocksHtml('0. zero'), '<ol start="0"><li>zero</li></ol>\n');
  });

  it('ends a list at any other block or a blank element', () => {
    assert.equal(blocksHtml('- a', 'Para', '- b'), '<ul><li>a</li></ul>\n<p>Para</p>\n<ul><li>b</li></ul>\n');
    assert.equal(blocksHtml('- a', '', '- b'), '<ul><li>a</li></ul>\n<ul><li>b</li></ul>\n');
  });

  it('needs the space after a list marker, and at most nine digits', () => {
    assert.equal(blocksHtml('-dash', '1.5 million', '1234567890. big'), '<p>-dash</p>\n<p>1.5 million</p>\n<p>1234567890. big</p>\n');
  });

  it('skips blank elements and trims the others', () => {
    assert.deepEqual(documentFromText(['', '   ', '  Text  ', '\n']), {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Text' }] }],
    });
    assert.deepEqual(documentFromText([]), { type: 'doc', content: [] });
  });

  it('turns a line feed inside a block into a hard break', () => {
    assert.equal(blocksHtml('Line one\nLine two'), '<p>Line one<br>Line two</p>\n');
    assert.equal(blocksHtml('**bold\nstill bold**'), '<p><strong>bold</strong><br><strong>still bold</strong></p>\n');
  });
});

describe('documentFromText: inline syntax', () => {
  it('renders bold, italic and links', () => {
    assert.equal(inline('a **b** c'), 'a <strong>b</strong> c');
    assert.equal(inline('a *b* c'), 'a <em>b</em> c');
    assert.equal(inline('see [the site](https://example.com/)'), 'see <a href="https://example.com/" rel="noopener noreferrer">the site</a>');
    assert.equal(inline('[home](/ru)'), '<a href="/ru">home</a>');
    assert.equal(inline('[write](mailto:desk@example.com)'), '<a href="mailto:desk@example.com">write</a>');
  });

  it('nests bold, italic and links', () => {
    assert.equal(inline('***both***'), '<strong><em>both</em></strong>');
    assert.equal(inline('**bold *and italic* bold**'), '<strong>bold <em>and italic</em> bold</strong>');
    assert.equal(inline('*italic **and bold** italic*'), '<em>italic </em><strong><em>and bold</em></strong><em> italic</em>');
    assert.equal(inline('**[bold link](/a)**'), '<a href="/a"><strong>bold link</strong></a>');
    assert.equal(inline('[**bold** in *link*](/a)'), '<a href="/a"><strong>bold</strong> in <em>link</em></a>');
    assert.equal(inline('**see [here](/a) now**'), '<strong>see </strong><a href="/a"><strong>here</strong></a><strong> now</strong>');
  });

  it('keeps unmatched stars as literal text', () => {
    assert.equal(inline('*lonely'), '*lonely');
    assert.equal(inline('**lonely'), '**lonely');
    assert.equal(inline('lonely*'), 'lonely*');
    assert.equal(inline('2 * 3 = 6'), '2 * 3 = 6');
    assert.equal(inline('a ** b'), 'a ** b');
    assert.equal(inline('**'), '**');
    assert.equal(inline('****'), '****');
    assert.equal(inline('* not italic *'), '* not italic *');
    assert.equal(inline('**bold* star'), '*<em>bold</em> star');
    assert.equal(inline('*em** star'), '<em>em</em>* star');
  });

  it('keeps bracket text that is not a link', () => {
    assert.equal(inline('[not a link]'), '[not a link]');
    assert.equal(inline('[text] (https://example.com)'), '[text] (https://example.com)');
    assert.equal(inline('[](https://example.com)'), '[](https://example.com)');
    assert.equal(inline('[text]()'), '[text]()');
    assert.equal(inline('[text](https://exa mple.com)'), '[text](https://exa mple.com)');
    assert.equal(inline('[unclosed(https://example.com)'), '[unclosed(https://example.com)');
  });

  it('allows parentheses in link addresses and brackets in link text', () => {
    assert.equal(
      inline('[Minsk (city)](https://en.wikipedia.org/wiki/Minsk_(city)).'),
      '<a href="https://en.wikipedia.org/wiki/Minsk_(city)" rel="noopener noreferrer">Minsk (city)</a>.',
    );
    assert.equal(inline('[a [b] c](/x)'), '<a href="/x">a [b] c</a>');
  });

  it('does not make links inside link text', () => {
    assert.equal(inline('[a [b](/inner) c](/outer)'), '<a href="/outer">a [b](/inner) c</a>');
  });

  it('escapes what it does not interpret', () => {
    assert.equal(inline('<b>not bold</b> & "quoted"'), '&lt;b&gt;not bold&lt;/b&gt; &amp; &quot;quoted&quot;');
  });
});

describe('documentFromText: validation', () => {
  it('throws a DocumentError for links to dangerous addresses', () => {
    for (const href of ['javascript:alert(1)', 'data:text/html,x', '//evil.example', 'relative/path']) {
      assert.throws(
        () => documentFromText(['fine', `[click](${href})`]),
        (error: unknown) => error instanceof DocumentError && error.path === 'content[1].content[0].marks[0].attrs.href',
        href,
      );
    }
  });

  it('throws a DocumentError for control characters', () => {
    assert.throws(() => documentFromText(['a\u0000b']), DocumentError);
  });

  it('produces documents that parseDocument returns unchanged', () => {
    const samples: string[][] = [
      sampleStory(),
      ['***a*** **b** *c* [d](/d) [**e**](/e) *[f](/f)*'],
      ['- **a**', '- b', '1. *c*', '> q — A', '## h', 'p'],
      ['**', '*', '[x](/x) *', '> ', '## ', '- '],
    ];
    for (const sample of samples) {
      const document = documentFromText(sample);
      assert.deepEqual(parseDocument(structuredClone(document)), document, sample.join(' | '));
    }
  });
});

describe('documentFromText → parseDocument → render', () => {
  it('round-trips a story to the expected HTML and text', () => {
    const document: StoryDocument = parseDocument(JSON.parse(JSON.stringify(documentFromText(sampleStory()))));
    assert.equal(
      renderDocumentHtml(document, {
        resolveImage: () => undefined,
      }),
      [
        '<p>The <strong>harvest</strong> in the <em>Gomel region</em> is <strong><em>ahead of schedule</em></strong>, ' +
          'reports the <a href="https://www.mshp.gov.by/" rel="noopener noreferrer">ministry</a>.</p>',
        '<h2>Figures</h2>',
        '<ul><li>Grain: <strong>1.2 million</strong> tonnes</li><li>Rapeseed: 90 thousand tonnes</li></ul>',
        '<h3>Next steps</h3>',
        '<ol><li>Finish the grain</li><li>Sow winter crops</li></ol>',
        '<blockquote><p>We have never been this early — but we are not done</p><cite>Ivan Petrov, farm director</cite></blockquote>',
        '<p>Read more <a href="/en/society/harvest-2024">in our earlier story</a>. 5 * 3 is still 15.</p>',
        '',
      ].join('\n'),
    );
    assert.equal(
      renderDocumentText(document),
      [
        'The harvest in the Gomel region is ahead of schedule, reports the ministry.',
        'Figures',
        'Grain: 1.2 million tonnes\nRapeseed: 90 thousand tonnes',
        'Next steps',
        'Finish the grain\nSow winter crops',
        'We have never been this early — but we are not done\n— Ivan Petrov, farm director',
        'Read more in our earlier story. 5 * 3 is still 15.',
      ].join('\n\n'),
    );
  });
});

function sampleStory(): string[] {
  return [
    'The **harvest** in the *Gomel region* is ***ahead of schedule***, reports the [ministry](https://www.mshp.gov.by/).',
    '## Figures',
    '- Grain: **1.2 million** tonnes',
    '- Rapeseed: 90 thousand tonnes',
    '### Next steps',
    '1. Finish the grain',
    '2. Sow winter crops',
    '> We have never been this early — but we are not done — Ivan Petrov, farm director',
    'Read more [in our earlier story](/en/society/harvest-2024). 5 * 3 is still 15.',
  ];
}
