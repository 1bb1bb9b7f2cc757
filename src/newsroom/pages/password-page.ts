// The password change form, forced after a login with a one-time password.

import type { NewsroomLanguage } from '../access/actor.ts';
import { MIN_PASSWORD_LENGTH } from '../passwords.ts';
import { alert, csrfField, escapeHtml, note, renderLayout } from './layout.ts';
import { pageStrings } from './strings.ts';

export function renderPasswordPage(params: { language: NewsroomLanguage; csrfToken: string; login: string; isForced: boolean; error?: string }): string {
  const s = pageStrings(params.language);
  return renderLayout({
    language: params.language,
    title: `${s.passwordTitle} · ${s.newsroom}`,
    body: `<h1>${escapeHtml(s.passwordTitle)}</h1>
${params.isForced ? note(s.passwordForced) : ''}${alert(params.error)}
<form method="post" action="/newsroom/password">
${csrfField(params.csrfToken)}
<input type="text" name="username" autocomplete="username" value="${escapeHtml(params.login)}" hidden>
<label for="current-password">${escapeHtml(s.currentPassword)}</label>
<input id="current-password" name="currentPassword" type="password" autocomplete="current-password" required>
<label for="new-password">${escapeHtml(s.newPassword)}</label>
<input id="new-password" name="newPassword" type="password" autocomplete="new-password" minlength="${MIN_PASSWORD_LENGTH}" required aria-describedby="new-password-hint">
<p class="hint" id="new-password-hint">${escapeHtml(s.passwordHint)}</p>
<label for="repeat-password">${escapeHtml(s.repeatPassword)}</label>
<input id="repeat-password" name="repeatPassword" type="password" autocomplete="new-password" required>
<button type="submit">${escapeHtml(s.changePassword)}</button>
</form>`,
  });
}
