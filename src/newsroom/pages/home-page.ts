// The newsroom's first page after login: who is logged in, and the ways out. The editor app
// (the desk, the story editor) will take this place.

import type { Actor } from '../access/actor.ts';
import { csrfField, escapeHtml, note, renderLayout } from './layout.ts';
import { pageStrings } from './strings.ts';

export function renderHomePage(params: { actor: Actor; csrfToken: string; notice?: string }): string {
  const { actor } = params;
  const s = pageStrings(actor.language);
  return renderLayout({
    language: actor.language,
    title: s.newsroom,
    body: `<h1>${escapeHtml(s.newsroom)}</h1>
${note(params.notice)}
<p>${escapeHtml(s.loggedInAs(actor.name, actor.login, s.roles[actor.role]))}</p>
<form class="inline" method="post" action="/newsroom/logout">${csrfField(params.csrfToken)}<button type="submit">${escapeHtml(s.logOut)}</button></form>
<form class="inline" method="post" action="/newsroom/logout-everywhere">${csrfField(params.csrfToken)}<button type="submit" class="secondary">${escapeHtml(s.logOutEverywhere)}</button></form>
<p><a href="/newsroom/password">${escapeHtml(s.passwordTitle)}</a></p>`,
  });
}
