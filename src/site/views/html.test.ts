// Tests for the safe templating helper: every interpolated value is escaped unless it is
// SafeHtml, arrays are joined, empty values write nothing, and attr() writes optional attributes.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { attr, html, trusted, SafeHtml } from './html.ts';

describe('html', () => {
  it('escapes text interpolated into content and attributes', () => {
    const hostile = `<script>alert("x")</script> & 'quotes'`;
    const out = html`<p title="${hostile}">${hostile}</p>`.value;
    assert.equal(
      out,
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</p>',
    );
    assert.doesNotMatch(out, /<script>/);
  });

  it('writes SafeHtml from html itself and from trusted() as it is', () => {
    const inner = html`<em>${'a<b'}</em>`;
    assert.equal(html`<p>${inner}${trusted('<strong>x</strong>')}</p>`.value, '<p><em>a&lt;b</em><strong>x</strong></p>');
  });

  it('joins arrays, escaping each item, and nests them', () => {
    const items = ['<a>', 'b'];
    assert.equal(html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`.value, '<ul><li>&lt;a&gt;</li><li>b</li></ul>');
    assert.equal(html`${['x', ['<y>', trusted('<z>')]]}`.value, 'x&lt;y&gt;<z>');
  });

  it('writes nothing for false, true, null and undefined, and numbers as digits', () => {
    const isUrgent = false;
    assert.equal(html`[${isUrgent && html`<b>!</b>`}${null}${undefined}${true}${0}${42}]`.value, '[042]');
  });

  it('returns SafeHtml whose string form is the markup', () => {
    const out = html`<i>${'x'}</i>`;
    assert.ok(out instanceof SafeHtml);
    assert.equal(`${out}`, '<i>x</i>');
  });
});

describe('attr', () => {
  it('writes an escaped value with its leading space', () => {
    assert.equal(attr('title', 'a "b" <c>').value, ' title="a &quot;b&quot; &lt;c&gt;"');
    assert.equal(attr('width', 640).value, ' width="640"');
  });

  it('writes a bare attribute for true and nothing for false, null or undefined', () => {
    assert.equal(attr('open', true).value, ' open');
    assert.equal(attr('open', false).value, '');
    assert.equal(attr('srcset', undefined).value, '');
    assert.equal(attr('srcset', null).value, '');
  });

  it('is written unescaped when interpolated, since it is SafeHtml', () => {
    assert.equal(html`<a${attr('aria-current', 'page')}>x</a>`.value, '<a aria-current="page">x</a>');
  });
});
