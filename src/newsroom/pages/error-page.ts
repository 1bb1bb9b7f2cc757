// A newsroom page for a refused request (403 CSRF or role, 404, 409, 429 ...): what happened, in
// the user's language, and the way back.

import type { NewsroomLanguage } from '../access/actor.ts';
import { escapeHtml, renderLayout } from './layout.ts';
import { pageStrings } from './strings.ts';

export function renderErrorPage(params: { language: NewsroomLanguage; status: number; code: string | undefined; message: string | undefined }): string {
  const s = pageStrings(params.language);
  const title = s.errorTitles[params.status] ?? s.errorTitles[400]!;
  const text = params.code === 'csrf_rejected' ? s.csrfRejected : params.code === 'forbidden' ? s.forbidden : params.language === 'en' ? params.message : undefined;
  return renderLayout({
    language: params.language,
    title: `${title} · ${s.newsroom}`,
    body: `<h1>${escapeHtml(title)}</h1>
${text ? `<p role="alert">${escapeHtml(text)}</p>` : ''}
<p><a href="/newsroom">${escapeHtml(s.backToNewsroom)}</a></p>`,
  });
}
