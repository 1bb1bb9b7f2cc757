// The frame of every newsroom page: language, title, a small readable stylesheet, one <main>.
// Everything a user typed goes through `escapeHtml`; nothing becomes markup by itself.

import type { NewsroomLanguage } from '../access/actor.ts';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f6f4;color:#1a1a1a}
main{max-width:28rem;margin:3rem auto;padding:2rem;background:#fff;border:1px solid #ddd;border-radius:6px}
h1{font-size:1.5rem;margin-top:0}label{display:block;font-weight:600;margin:1rem 0 .25rem}
input{width:100%;box-sizing:border-box;font:inherit;padding:.5rem;border:1px solid #888;border-radius:4px}
button{font:inherit;margin-top:1.25rem;padding:.55rem 1.2rem;min-height:44px;border:0;border-radius:4px;background:#1f4e8c;color:#fff;cursor:pointer}
button.secondary{background:#555}form.inline{display:inline-block;margin-right:.5rem}
.alert{background:#fdecea;border-left:4px solid #b3261e;padding:.6rem .8rem}.note{background:#eef4fb;border-left:4px solid #1f4e8c;padding:.6rem .8rem}
.hint{color:#555;font-size:.9rem;margin:.25rem 0 0}`;

export function renderLayout(params: { language: NewsroomLanguage; title: string; body: string }): string {
  return `<!doctype html>
<html lang="${params.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><title>${escapeHtml(params.title)}</title><style>${STYLE}</style></head>
<body><main>
${params.body}
</main></body>
</html>`;
}

export function alert(message: string | undefined): string {
  return message ? `<p class="alert" role="alert">${escapeHtml(message)}</p>` : '';
}

export function note(message: string | undefined): string {
  return message ? `<p class="note" role="status">${escapeHtml(message)}</p>` : '';
}

export function csrfField(token: string): string {
  return `<input type="hidden" name="_csrf" value="${escapeHtml(token)}">`;
}
