// Tests for the address policy: the full checks used when saving and the cheap ones used when
// rendering, which must never let through what the full checks reject.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  EMBED_HOSTS,
  checkEmbedUrl,
  checkLinkHref,
  isExternalHref,
  isRenderableEmbedUrl,
  isRenderableHref,
} from './url-policy.ts';
import type { EmbedProvider } from './document.ts';

const GOOD_HREFS = [
  'https://example.com',
  'http://example.com/a?b=c#d',
  'HTTPS://EXAMPLE.COM/',
  'https://президент.бел/ru',
  'mailto:desk@example.com',
  'mailto:desk@example.com?subject=Hello%20there',
  '/',
  '/ru/society/harvest',
  '/search?q=a+b',
];

const BAD_HREFS = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'java\tscript:alert(1)',
  'java\rscript:alert(1)',
  '\u0000javascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD4=',
  'vbscript:x',
  '//evil.example',
  '/\\evil.example',
  '\\/evil.example',
  'http:evil.example',
  'https:evil.example',
  'ftp://example.com',
  'blob:https://example.com/uuid',
  '#top',
  'relative',
  './relative',
  '',
  'mailto:',
];

describe('checkLinkHref', () => {
  it('accepts http, https, mailto and site-relative addresses as written', () => {
    for (const href of GOOD_HREFS) assert.deepEqual(checkLinkHref(href), { ok: true, url: href }, href);
  });

  it('trims surrounding whitespace of any kind', () => {
    assert.deepEqual(checkLinkHref(' \t\n\u00a0\ufeffhttps://example.com/ \u2028'), { ok: true, url: 'https://example.com/' });
  });

  it('rejects everything else with a reason', () => {
    for (const href of BAD_HREFS) {
      const result = checkLinkHref(href);
      assert.equal(result.ok, false, href);
      assert.ok(!result.ok && result.reason.length > 0);
    }
  });
});

describe('checkEmbedUrl', () => {
  it('accepts every host of every provider over https', () => {
    for (const [provider, hosts] of Object.entries(EMBED_HOSTS) as [EmbedProvider, readonly string[]][]) {
      for (const host of hosts) {
        assert.deepEqual(checkEmbedUrl(provider, `https://${host}/a`), { ok: true, url: `https://${host}/a` });
      }
    }
  });

  it('returns the canonical form of the address', () => {
    assert.deepEqual(checkEmbedUrl('youtube', 'https://YOUTU.BE:443/a b'), { ok: true, url: 'https://youtu.be/a%20b' });
    assert.deepEqual(checkEmbedUrl('x', 'https://x.com'), { ok: true, url: 'https://x.com/' });
  });

  it('rejects hosts of other providers and look-alikes', () => {
    for (const url of ['https://vk.com/a', 'https://youtube.co/a', 'https://www.youtube.com.evil.example/', 'https://xn--youtube-.com/']) {
      assert.equal(checkEmbedUrl('youtube', url).ok, false, url);
    }
  });
});

describe('render-time checks', () => {
  it('agree with the full link check on good and bad addresses', () => {
    for (const href of GOOD_HREFS) assert.equal(isRenderableHref(href), true, href);
    for (const href of BAD_HREFS) assert.equal(isRenderableHref(href), false, href);
    // Untrimmed addresses never come out of parseDocument, so the renderer need not accept them.
    assert.equal(isRenderableHref(' https://example.com'), false);
  });

  it('tell external links from the others', () => {
    assert.equal(isExternalHref('https://example.com'), true);
    assert.equal(isExternalHref('HTTP://example.com'), true);
    assert.equal(isExternalHref('mailto:a@b.c'), false);
    assert.equal(isExternalHref('/ru'), false);
  });

  it('accept the embed addresses checkEmbedUrl returns', () => {
    for (const [provider, hosts] of Object.entries(EMBED_HOSTS) as [EmbedProvider, readonly string[]][]) {
      for (const host of hosts) {
        const checked = checkEmbedUrl(provider, `https://${host.toUpperCase()}/watch?v=1#t=2`);
        assert.ok(checked.ok);
        assert.equal(isRenderableEmbedUrl(provider, checked.url), true, checked.url);
      }
    }
  });

  it('reject embed addresses off the provider or not plain https', () => {
    const bad: [string, string][] = [
      ['youtube', 'http://youtube.com/'],
      ['youtube', 'https://evil.example/youtube.com'],
      ['youtube', 'https://youtube.com@evil.example/'],
      ['youtube', 'https://youtube.com:8080/'],
      ['youtube', 'https://youtube.com\\evil'],
      ['youtube', 'https://youtube.com/\u0000'],
      ['youtube', 'https://youtu.be.evil.example/'],
      ['telegram', 'https://youtube.com/'],
      ['constructor', 'https://youtube.com/'],
      ['__proto__', 'https://youtube.com/'],
    ];
    for (const [provider, url] of bad) assert.equal(isRenderableEmbedUrl(provider, url), false, `${provider} ${url}`);
  });
});
