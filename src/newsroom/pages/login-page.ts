// The login form: visible labels, the browser's password manager welcome, one message on failure.

import type { NewsroomLanguage } from '../access/actor.ts';
import { alert, csrfField, escapeHtml, note, renderLayout } from './layout.ts';
import { pageStrings } from './strings.ts';

export function renderLoginPage(params: {
  language: NewsroomLanguage;
  csrfToken: string;
  login?: string;
  next?: string;
  error?: string;
  notice?: string;
}): string {
  const s = pageStrings(params.language);
  return renderLayout({
    language: params.language,
    title: `${s.loginTitle} · ${s.newsroom}`,
    body: `<h1>${escapeHtml(s.loginTitle)}</h1>
${note(params.notice)}${alert(params.error)}
<form method="post" action="/newsroom/login">
${csrfField(params.csrfToken)}${params.next ? `<input type="hidden" name="next" value="${escapeHtml(params.next)}">` : ''}
<label for="login">${escapeHtml(s.loginLabel)}</label>
<input id="login" name="login" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(params.login ?? '')}"${params.login ? '' : ' autofocus'}>
<label for="password">${escapeHtml(s.passwordLabel)}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${params.login ? ' autofocus' : ''}>
<button type="submit">${escapeHtml(s.logIn)}</button>
</form>`,
  });
}
