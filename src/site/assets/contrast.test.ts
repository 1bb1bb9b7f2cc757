// Checks the colour pairs of site.css against WCAG 2.2 AA in the light and the dark theme:
// 4.5:1 for text, 3:1 for the boundaries of controls and the focus outline. Reads the custom
// properties from the stylesheet itself, so a changed colour is checked as it ships.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const css = readFileSync(new URL('./site.css', import.meta.url), 'utf8');

type Palette = Record<string, string>;

function customProperties(block: string): Palette {
  const palette: Palette = {};
  for (const match of block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{3,6})\s*;/gi)) palette[match[1]!] = match[2]!;
  return palette;
}

/** The first `:root { ... }` after `from`: the light theme at the top, the dark one in its media query. */
function rootBlock(from: number): string {
  const start = css.indexOf(':root {', from);
  assert.notEqual(start, -1, 'a :root block');
  return css.slice(start, css.indexOf('}', start));
}

const light = customProperties(rootBlock(0));
const darkQuery = css.indexOf('@media (prefers-color-scheme: dark)');
assert.notEqual(darkQuery, -1, 'site.css has a dark theme');
const dark = { ...light, ...customProperties(rootBlock(darkQuery)) };

function channel(hex: string): number {
  const c = parseInt(hex, 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance(color: string): number {
  let hex = color.slice(1);
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join('');
  return 0.2126 * channel(hex.slice(0, 2)) + 0.7152 * channel(hex.slice(2, 4)) + 0.0722 * channel(hex.slice(4, 6));
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const TEXT = 4.5;
const UI = 3;

/** [foreground, background, minimum, where the pair is used] */
const PAIRS: Array<[string, string, number, string]> = [
  ['fg', 'bg', TEXT, 'body text, headlines'],
  ['muted', 'bg', TEXT, 'times, datelines, captions, breadcrumbs'],
  ['accent', 'bg', TEXT, 'rubric links, urgent mark, links in the story'],
  ['fg', 'surface', TEXT, 'correction note, footer, calendar days'],
  ['muted', 'surface', TEXT, 'footer headings and copyright'],
  ['accent', 'surface', TEXT, 'accent text on a tinted box'],
  ['on-accent', 'accent', TEXT, '"More news" button, the current calendar day'],
  ['bg', 'fg', TEXT, 'skip link'],
  ['control', 'bg', UI, 'borders of tags, share buttons, the copy field'],
  ['control', 'surface', UI, 'the correction note border'],
  ['accent', 'bg', UI, 'the button against the page'],
  ['focus', 'bg', UI, 'focus outline'],
  ['focus', 'surface', UI, 'focus outline on a tinted box'],
];

for (const [theme, palette] of [['light', light], ['dark', dark]] as const) {
  describe(`site.css ${theme} theme contrast`, () => {
    for (const [fg, bg, minimum, use] of PAIRS) {
      it(`--${fg} on --${bg} reaches ${minimum}:1 (${use})`, (t) => {
        const a = palette[fg];
        const b = palette[bg];
        assert.ok(a && b, `--${fg} and --${bg} are defined`);
        const ratio = contrast(a, b);
        t.diagnostic(`${a} on ${b}: ${ratio.toFixed(2)}:1`);
        assert.ok(ratio >= minimum, `${a} on ${b} is ${ratio.toFixed(2)}:1`);
      });
    }
  });
}

describe('contrast()', () => {
  it('agrees with the WCAG reference values', () => {
    assert.equal(contrast('#000000', '#ffffff').toFixed(1), '21.0');
    assert.equal(contrast('#777777', '#ffffff').toFixed(2), '4.48');
    assert.equal(contrast('#fff', '#ffffff'), 1);
  });
});
