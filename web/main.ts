// The newsroom browser app: who is logged in (and their interface language), then the screen
// for the address: the desk, a new story, or a language version in the editor. Links inside the
// app move without reloading; the server answers every /newsroom/app address with this app.

import './styles.css';
import { api, ApiError, setCsrfToken, type Me } from './api.ts';
import { h } from './dom.ts';
import { setInterfaceLanguage, t, ta } from './i18n.ts';
import { clearNotice, showError } from './notice.ts';
import { renderDesk } from './desk/desk-view.ts';
import { renderEditor } from './editor/editor-view.ts';
import { renderNewStory } from './editor/new-story-view.ts';
import { ADMIN_PATH, isAdminPath, renderAdmin, screensFor } from './admin/admin-screens.ts';
import { renderSearch } from './search/search-view.ts';
import { searchStrings } from './search/search-strings.ts';

const root = document.getElementById('app')!;
let me: Me;

function navigate(url: string): void {
  history.pushState(null, '', url);
  void show();
}

async function show(): Promise<void> {
  const path = location.pathname;
  // Each screen renders into a container of its own: when the user moves on before a slow screen
  // has finished, that screen finishes into its detached container and never covers the new one.
  const screen = h('div', { class: 'screen' });
  root.replaceChildren(screen);
  screen.replaceChildren(h('p', {}, t().loading));
  try {
    const story = /^\/newsroom\/app\/stories\/(\d+)\/([a-z]{2,3})$/.exec(path);
    if (isAdminPath(path)) await renderAdmin(screen, navigate, path, me);
    else if (story) await renderEditor(screen, navigate, Number(story[1]), story[2]!, me.user.language);
    else if (path === '/newsroom/app/stories/new') await renderNewStory(screen, navigate, me.user.language);
    else if (path === '/newsroom/app/search') await renderSearch(screen, navigate, me.user.language);
    else await renderDesk(screen, navigate, me.user.language);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return location.assign(`/newsroom/login?next=${encodeURIComponent(path)}`);
    screen.replaceChildren(h('h1', {}, t().error));
    showError(error);
  }
}

document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest?.('a');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith('/newsroom/app') || url.pathname.startsWith('/newsroom/app/preview/')) return;
  event.preventDefault();
  clearNotice();
  navigate(url.pathname + url.search);
});
window.addEventListener('popstate', () => void show());

async function start(): Promise<void> {
  try {
    me = await api<Me>('GET', '/api/newsroom/me');
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.code === 'password_change_required')) {
      return location.assign(error.status === 401 ? '/newsroom/login?next=%2Fnewsroom%2Fapp' : '/newsroom/password');
    }
    return showError(error);
  }
  setCsrfToken(me.session.csrfToken);
  setInterfaceLanguage(me.user.language);
  const s = t();
  const header = h('header', { class: 'top' }, h('a', { href: '/newsroom/app', class: 'brand' }, 'Dispatch'),
    h('nav', { 'aria-label': s.desk }, h('a', { href: '/newsroom/app' }, s.desk), ' ', h('a', { href: '/newsroom/app/stories/new' }, s.newStory), ' ',
      h('a', { href: '/newsroom/app/search' }, searchStrings().archiveSearch), ' ',
      screensFor(me.user.role).length > 0 ? h('a', { href: ADMIN_PATH }, ta().admin) : null, ' ',
      h('a', { href: '/newsroom' }, `${s.account}: ${me.user.name}`)));
  document.body.prepend(header);
  await show();
}

void start();
