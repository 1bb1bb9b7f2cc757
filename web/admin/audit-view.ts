// The audit log (chief editor): filters by story, user, action and days (kept in the address, so
// a filtered view can be shared and the browser's back button works), newest first, in pages that
// continue from the last entry shown.

import { api, type Me } from '../api.ts';
import { h, labelled } from '../dom.ts';
import { t, ta } from '../i18n.ts';
import type { Navigate } from '../router.ts';
import { adminHeader, ADMIN_PATH } from './admin-page.ts';
import { FormErrors } from './form-errors.ts';

interface Entry {
  id: number; at: string; actorUserId: number | null; actorName: string | null; actorRole: string; action: string;
  storyId: number | null; language: string | null; fromStatus: string | null; toStatus: string | null; details: Record<string, unknown>;
}
interface AuditPage { entries: Entry[]; next: number | null; actions: string[] }

const FILTERS = ['story', 'user', 'action', 'from', 'to'] as const;

export async function renderAudit(root: HTMLElement, navigate: Navigate, me: Me): Promise<void> {
  const a = ta();
  const s = t();
  const params = new URLSearchParams(location.search);
  const errors = new FormErrors();
  const story = labelled(a.storyId, h('input', { type: 'text', inputmode: 'numeric', value: params.get('story') ?? '' }));
  const user = labelled(a.user, h('select', {}, h('option', { value: '' }, a.anyone)));
  const action = labelled(a.action, h('select', {}, h('option', { value: '' }, a.anything)));
  const from = labelled(a.fromDay, h('input', { type: 'date', value: params.get('from') ?? '' }));
  const to = labelled(a.toDay, h('input', { type: 'date', value: params.get('to') ?? '' }));
  const controls = { story: story.control, user: user.control, action: action.control, from: from.control, to: to.control };
  for (const [field, control] of Object.entries(controls)) errors.register(field, control);
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': a.audit, novalidate: true },
    story.row, user.row, action.row, from.row, to.row, h('button', { type: 'submit' }, a.filter));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of FILTERS) if (controls[name].value.trim()) next.set(name, controls[name].value.trim());
    navigate(`${ADMIN_PATH}/audit${next.size > 0 ? `?${next.toString()}` : ''}`);
  });
  root.replaceChildren(...adminHeader(me, 'audit', a.audit), form);

  const query = new URLSearchParams();
  for (const name of [...FILTERS, 'before']) if (params.get(name)) query.set(name, params.get(name)!);
  let page: AuditPage | undefined;
  let problem: unknown;
  try {
    page = await api<AuditPage>('GET', `/api/newsroom/audit?${query.toString()}`);
  } catch (error) {
    problem = error;
  }
  // The filters' choices come with every page; after a refused filter, from the unfiltered one.
  const [{ users }, { actions }] = await Promise.all([
    api<{ users: Array<{ id: number; name: string; login: string }> }>('GET', '/api/newsroom/users'),
    page ?? api<AuditPage>('GET', '/api/newsroom/audit'),
  ]);
  for (const u of users) user.control.append(h('option', { value: u.id, selected: String(u.id) === params.get('user') }, `${u.name} (${u.login})`));
  for (const name of actions) action.control.append(h('option', { value: name, selected: name === params.get('action') }, s.actions[name] ?? name));
  if (!page) return errors.show(problem);

  const when = (iso: string) => new Date(iso).toLocaleString(me.user.language === 'ru' ? 'ru-RU' : 'en-GB');
  const status = (entry: Entry) => (entry.fromStatus || entry.toStatus ? `${s.statuses[entry.fromStatus ?? ''] ?? entry.fromStatus ?? '—'} → ${s.statuses[entry.toStatus ?? ''] ?? entry.toStatus ?? '—'}` : '');
  const table = page.entries.length === 0 ? h('p', {}, a.noEntries) : h('table', { class: 'desk admin' },
    h('thead', {}, h('tr', {}, h('th', {}, a.when), h('th', {}, a.user), h('th', {}, a.action), h('th', {}, s.story), h('th', {}, a.fromTo), h('th', {}, a.details))),
    h('tbody', {}, ...page.entries.map((entry) => h('tr', {},
      h('td', {}, when(entry.at)),
      h('td', {}, entry.actorName ?? (entry.actorUserId === null ? a.system : `#${entry.actorUserId}`), h('div', { class: 'hint' }, a.roles[entry.actorRole] ?? entry.actorRole)),
      h('td', {}, s.actions[entry.action] ?? entry.action),
      h('td', {}, entry.storyId === null ? '' : h('a', { href: `/newsroom/app/stories/${entry.storyId}/${entry.language ?? 'ru'}` }, `${entry.storyId}${entry.language ? ` (${entry.language})` : ''}`)),
      h('td', {}, status(entry)),
      h('td', {}, Object.keys(entry.details).length === 0 ? '' : h('code', { class: 'details-json' }, JSON.stringify(entry.details)))))));
  const older = new URLSearchParams(query);
  if (page.next !== null) older.set('before', String(page.next));
  const newest = new URLSearchParams(query);
  newest.delete('before');
  root.append(table, h('p', { class: 'buttons' },
    params.get('before') ? h('a', { href: `${ADMIN_PATH}/audit${newest.size > 0 ? `?${newest.toString()}` : ''}` }, a.newest) : null,
    page.next !== null ? h('a', { href: `${ADMIN_PATH}/audit?${older.toString()}` }, a.older) : null));
}
