// Users (chief editor): the list with role and state, a form to add a user with a role (the
// one-time password is shown once), and per user: change the role, deactivate (their sessions end
// at once) or reactivate, reset the password (a new one-time password, shown once).

import { api, type Me } from '../api.ts';
import { h, labelled } from '../dom.ts';
import { ta } from '../i18n.ts';
import { showError, showNotice } from '../notice.ts';
import { adminHeader } from './admin-page.ts';
import { FormErrors } from './form-errors.ts';
import { shownOnce } from './shown-once.ts';

interface User { id: number; login: string; name: string; email: string | null; role: string; disabled: boolean; mustChangePassword: boolean }

const ROLES = ['reporter', 'translator', 'editor', 'chief_editor'];

function roleSelect(label: string, value: string): { row: HTMLElement; control: HTMLSelectElement } {
  const a = ta();
  return labelled(label, h('select', {}, ...ROLES.map((role) => h('option', { value: role, selected: role === value }, a.roles[role] ?? role))));
}

export async function renderUsers(root: HTMLElement, me: Me, secret?: HTMLElement): Promise<void> {
  const a = ta();
  const { users } = await api<{ users: User[] }>('GET', '/api/newsroom/users');
  const again = (shown?: HTMLElement) => renderUsers(root, me, shown);
  const act = async (work: () => Promise<unknown>, notice: string, shown?: (answer: unknown) => HTMLElement) => {
    try {
      const answer = await work();
      await again(shown?.(answer));
      showNotice(notice);
    } catch (error) { showError(error); }
  };

  const rows = users.map((user) => {
    const role = roleSelect(`${a.role}: ${user.login}`, user.role);
    role.row.classList.add('inline');
    return h('tr', {},
      h('td', {}, user.login), h('td', {}, user.name), h('td', {}, user.email ?? ''),
      h('td', {}, role.row, h('button', { type: 'button', class: 'small', 'aria-label': `${a.changeRole}: ${user.login}`,
        onclick: () => void act(() => api('PATCH', `/api/newsroom/users/${user.id}`, { role: role.control.value }), `${a.savedChanges}: ${user.login}`) }, a.changeRole)),
      h('td', {}, user.disabled ? a.deactivated : a.active),
      h('td', {},
        h('button', { type: 'button', class: 'small secondary', 'aria-label': `${user.disabled ? a.reactivate : a.deactivate}: ${user.login}`,
          onclick: () => void act(() => api('PATCH', `/api/newsroom/users/${user.id}`, { disabled: !user.disabled }), `${a.savedChanges}: ${user.login}`) },
          user.disabled ? a.reactivate : a.deactivate),
        h('button', { type: 'button', class: 'small secondary', 'aria-label': `${a.resetPassword}: ${user.login}`,
          onclick: () => void act(() => api('POST', `/api/newsroom/users/${user.id}/reset-password`), `${a.resetPassword}: ${user.login}`,
            (answer) => shownOnce(`${a.oneTimePassword} — ${user.login}`, (answer as { oneTimePassword: string }).oneTimePassword)) }, a.resetPassword)));
  });
  const table = h('table', { class: 'desk admin' },
    h('thead', {}, h('tr', {}, h('th', {}, a.login), h('th', {}, a.name), h('th', {}, a.email), h('th', {}, a.role), h('th', {}, a.state), h('th', {}, ''))),
    h('tbody', {}, ...rows));

  const errors = new FormErrors();
  const login = labelled(a.login, h('input', { type: 'text', maxlength: 40, required: true, spellcheck: 'false', autocomplete: 'off' }));
  const name = labelled(a.name, h('input', { type: 'text', maxlength: 120, required: true }));
  const email = labelled(a.email, h('input', { type: 'email', maxlength: 200 }));
  const role = roleSelect(a.role, 'reporter');
  for (const [field, control] of [['login', login.control], ['name', name.control], ['email', email.control], ['role', role.control]] as const) errors.register(field, control);
  const form = h('form', { class: 'admin-form', 'aria-label': a.addUser, novalidate: true }, h('h2', {}, a.addUser), login.row, name.row, email.row, role.row, h('button', { type: 'submit' }, a.addUser));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // A one-time password shown before is not shown again.
    secret?.remove();
    void (async () => {
      try {
        const created = await api<{ user: User; oneTimePassword: string }>('POST', '/api/newsroom/users', {
          login: login.control.value.trim(), name: name.control.value.trim(), role: role.control.value, ...(email.control.value.trim() ? { email: email.control.value.trim() } : {}),
        });
        await again(shownOnce(`${a.oneTimePassword} — ${created.user.login}`, created.oneTimePassword));
        showNotice(`${a.created}: ${created.user.login}`);
      } catch (error) { errors.show(error); }
    })();
  });
  root.replaceChildren(...adminHeader(me, 'users', a.users), secret ?? '', table, form);
}
