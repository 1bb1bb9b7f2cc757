// Checks of the stylesheet as a file: its size budget, that it loads nothing from elsewhere,
// and that the accessibility and media features the site promises are present.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const css = readFileSync(new URL('./site.css', import.meta.url), 'utf8');

describe('site.css', () => {
  it('stays under 20 KB unminified', () => {
    const bytes = Buffer.byteLength(css);
    assert.ok(bytes < 20 * 1024, `site.css is ${bytes} bytes`);
  });

  it('loads no fonts, images or other stylesheets', () => {
    assert.doesNotMatch(css, /@import|@font-face|url\(/);
  });

  it('shows a clear focus outline for keyboard users and the skip link on focus', () => {
    assert.match(css, /:focus-visible \{ outline: 3px solid var\(--focus\)/);
    assert.match(css, /\.skip-link:focus \{ top: /);
  });

  it('has a dark theme, honours reduced motion and prints without the site chrome', () => {
    assert.match(css, /@media \(prefers-color-scheme: dark\)/);
    assert.match(css, /@media \(prefers-reduced-motion: no-preference\)/);
    const print = css.slice(css.indexOf('@media print'));
    assert.match(print, /\.rubric-nav, \.breadcrumbs, \.share, \.side, \.site-footer/);
    assert.match(print, /\.story-body a\[href\]::after \{ content: " \(" attr\(href\) "\)"/);
  });

  it('lets long words and addresses wrap instead of widening the page', () => {
    assert.match(css, /body \{[^}]*overflow-wrap: anywhere;/);
    assert.match(css, /\.story-body table \{ display: block; max-width: 100%; overflow-x: auto;/);
    assert.match(css, /img, svg \{ max-width: 100%; height: auto; \}/);
  });
});
