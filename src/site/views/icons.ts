// Inline SVG icons for the social and share links: drawn in currentColor, hidden from assistive
// technology (the link around an icon carries the name), so the site loads no icon font or image.
// Shapes from Simple Icons (CC0); the RSS icon is drawn here.

import { trusted, type SafeHtml } from './html.ts';

export type IconName = 'vk' | 'telegram' | 'x' | 'facebook' | 'youtube' | 'odnoklassniki' | 'rss';

const PATHS: Record<IconName, { viewBox: string; d: string }> = {
  vk: {
    viewBox: '0 0 24 24',
    d: 'M11.7 18.77h1.44s.43-.05.65-.28c.21-.22.21-.63.21-.63s-.03-1.93.87-2.21c.89-.28 2.01 1.86 3.21 2.68.92.63 1.6.5 1.6.5l3.21-.05s1.69-.1.89-1.42c-.06-.1-.45-.98-2.37-2.76-2.01-1.86-1.74-1.56.68-4.79 1.47-1.96 2.07-3.17 1.87-3.68-.17-.48-1.26-.36-1.26-.36l-3.6.03s-.27-.03-.47.09c-.19.12-.31.39-.31.39s-.57 1.53-1.34 2.82c-1.62 2.73-2.27 2.88-2.52 2.7-.6-.39-.45-1.58-.45-2.43 0-2.64.4-3.75-.78-4.04-.39-.09-.68-.15-1.69-.16-1.29-.01-2.38.01-3 .31-.4.2-.72.65-.54.68.24.03.78.15 1.06.54.38.5.36 1.64.36 1.64s.21 3.11-.49 3.5c-.5.26-1.16-.28-2.6-2.76-.73-1.26-1.29-2.67-1.29-2.67s-.1-.26-.3-.4c-.23-.17-.56-.23-.56-.23l-3.43.03s-.52.02-.7.24c-.16.2-.01.62-.01.62s2.68 6.29 5.73 9.45c2.79 2.9 5.96 2.72 5.96 2.72z',
  },
  telegram: {
    viewBox: '0 0 24 24',
    d: 'M11.94 0A12 12 0 1 0 12 0zm4.97 7.22c.1 0 .32.03.46.14a.5.5 0 0 1 .17.33c.02.09.04.3.02.47-.18 1.9-.96 6.5-1.36 8.63-.17.9-.5 1.2-.82 1.23-.7.06-1.22-.46-1.9-.9-1.06-.7-1.65-1.13-2.68-1.8-1.18-.79-.41-1.22.26-1.92.18-.18 3.25-2.97 3.31-3.23 0-.03.01-.15-.06-.21s-.17-.04-.25-.02c-.1.02-1.79 1.14-5.06 3.35-.48.33-.91.49-1.3.48-.43-.01-1.26-.24-1.87-.44-.75-.25-1.35-.38-1.3-.79.03-.22.33-.44.9-.66 3.5-1.53 5.83-2.53 7-3.02 3.33-1.38 4.02-1.62 4.48-1.63z',
  },
  x: {
    viewBox: '0 0 24 24',
    d: 'M18.9 0h3.7l-8 10.2L24 24h-7.4l-5.8-8.4L4.2 24H.5l8.6-10.9L0 0h7.6l5.2 7.7L18.9 0zm-1.3 21.6h2L6.5 2.3H4.3l13.3 19.3z',
  },
  facebook: {
    viewBox: '0 0 24 24',
    d: 'M24 12a12 12 0 1 0-13.88 11.85v-8.38H7.08V12h3.04V9.36c0-3.01 1.8-4.67 4.53-4.67 1.31 0 2.69.23 2.69.23v2.95h-1.52c-1.49 0-1.95.93-1.95 1.88V12h3.33l-.53 3.47h-2.8v8.38A12 12 0 0 0 24 12z',
  },
  youtube: {
    viewBox: '0 0 24 24',
    d: 'M23 7a2.88 2.88 0 0 0-2-2c-1.79-.48-9-.48-9-.48S4.81 4.51 3 5a2.88 2.88 0 0 0-2 2 29.93 29.93 0 0 0-.5 5.56A29.93 29.93 0 0 0 1 18.1a2.88 2.88 0 0 0 2 2c1.79.48 9 .48 9 .48s7.19 0 9-.48a2.88 2.88 0 0 0 2-2 29.93 29.93 0 0 0 .48-5.54A29.93 29.93 0 0 0 23 7zM9.7 16V9.11l6 3.45z',
  },
  odnoklassniki: {
    viewBox: '0 0 16 16',
    d: 'M9.67 11.63a7.6 7.6 0 0 0 2.4-1c.56-.35.73-1.1.38-1.66a1.2 1.2 0 0 0-1.67-.38 5.2 5.2 0 0 1-5.56 0 1.2 1.2 0 0 0-1.67.38c-.36.57-.19 1.31.38 1.67.75.47 1.56.8 2.4 1L4.02 13.94a1.2 1.2 0 0 0 1.71 1.71L8 13.38l2.27 2.27a1.2 1.2 0 0 0 1.71-1.71zM8 8.26a4.13 4.13 0 1 0 0-8.26 4.13 4.13 0 0 0 0 8.26zm0-5.84a1.71 1.71 0 1 0 0 3.42 1.71 1.71 0 0 0 0-3.42z',
  },
  rss: {
    viewBox: '0 0 24 24',
    d: 'M4.5 17a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zM2 9.5v3a9.5 9.5 0 0 1 9.5 9.5h3A12.5 12.5 0 0 0 2 9.5zm0-6v3A15.5 15.5 0 0 1 17.5 22h3A18.5 18.5 0 0 0 2 3.5z',
  },
};

/**
 * Every icon once, as symbols in a hidden SVG at the top of each page; `icon()` refers to them, so
 * a page with the same icon in the header, the footer and the share bar carries its path once.
 */
export const ICON_SPRITE: SafeHtml = trusted(
  `<svg class="sprite" width="0" height="0" aria-hidden="true">${(Object.keys(PATHS) as IconName[])
    .map((name) => `<symbol id="icon-${name}" viewBox="${PATHS[name].viewBox}"><path d="${PATHS[name].d}"/></symbol>`)
    .join('')}</svg>`,
);

const ICONS = new Map<IconName, SafeHtml>(
  (Object.keys(PATHS) as IconName[]).map((name) => [
    name,
    // width/height keep the icon small even if the stylesheet fails to load.
    trusted(`<svg class="icon" width="20" height="20" aria-hidden="true" focusable="false"><use href="#icon-${name}"/></svg>`),
  ]),
);

export function icon(name: IconName): SafeHtml {
  return ICONS.get(name)!;
}
