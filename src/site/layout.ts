// The frame of every public page: language, title, header with the site name and the language
// switch (the current language marked and not a link), and the content.

import { escapeHtml } from '../content/index.ts';
import type { LanguageConfig } from '../lib/config.ts';

export interface SwitchTarget {
  language: LanguageConfig;
  /** Where the switch leads in that language. */
  href: string;
}

export interface PageFrame {
  language: string;
  title: string;
  siteName: string;
  switchTargets: readonly SwitchTarget[];
  canonical?: string;
  content: string;
}

export function renderPage(frame: PageFrame): string {
  const switcher = frame.switchTargets
    .map(({ language, href }) =>
      language.code === frame.language
        ? `<li><span aria-current="true" lang="${language.code}">${escapeHtml(language.label)}</span></li>`
        : `<li><a href="${escapeHtml(href)}" hreflang="${language.code}" lang="${language.code}" title="${escapeHtml(language.name)}">${escapeHtml(language.label)}</a></li>`,
    )
    .join('');
  const alternates = frame.switchTargets
    .map(({ language, href }) => `<link rel="alternate" hreflang="${language.code}" href="${escapeHtml(href)}">`)
    .join('');
  return `<!doctype html>
<html lang="${frame.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(frame.title)}</title>
${frame.canonical ? `<link rel="canonical" href="${escapeHtml(frame.canonical)}">` : ''}${alternates}
</head>
<body>
<header><a href="/${frame.language}/">${escapeHtml(frame.siteName)}</a><nav aria-label="Language"><ul>${switcher}</ul></nav></header>
<main>
${frame.content}
</main>
</body>
</html>
`;
}
