// Rubrics (editors): the list in the site's order with buttons to move a rubric up or down, a
// dialog to rename it or change its address per language, and a form to add one.

import { api, type Me } from '../api.ts';
import { h, labelled } from '../dom.ts';
import { ta } from '../i18n.ts';
import { showError, showNotice } from '../notice.ts';
import { adminHeader, siteLanguages } from './admin-page.ts';
import { FormErrors } from './form-errors.ts';
import { openFormDialog } from './form-dialog.ts';
import { namesFields } from './names-fields.ts';

interface Rubric { id: number; key: string; names: Record<string, { name: string; slug: string }> }

export async function renderRubrics(root: HTMLElement, me: Me): Promise<void> {
  const a = ta();
  const [languages, { rubrics }] = await Promise.all([siteLanguages(), api<{ rubrics: Rubric[] }>('GET', '/api/newsroom/rubrics')]);
  const again = () => renderRubrics(root, me);

  const move = async (index: number, by: number) => {
    const order = rubrics.map((r) => r.id);
    [order[index], order[index + by]] = [order[index + by]!, order[index]!];
    try {
      await api('PUT', '/api/newsroom/rubrics/order', { order });
      await again();
      (root.querySelector<HTMLButtonElement>(`[data-rubric="${rubrics[index]!.id}"] .${by < 0 ? 'up' : 'down'}`) ?? root.querySelector('h1'))?.focus();
    } catch (error) { showError(error); }
  };

  const edit = async (rubric: Rubric) => {
    const errors = new FormErrors();
    const fields = namesFields(languages, errors, { current: rubric.names, withSlugs: true });
    const saved = await openFormDialog({
      title: `${a.edit}: ${rubric.key}`, submitLabel: a.saveChanges, rows: fields.rows, errors,
      submit: () => api('PATCH', `/api/newsroom/rubrics/${rubric.id}`, fields.read()).then(() => undefined),
    });
    if (saved) {
      await again();
      showNotice(a.savedChanges);
    }
  };

  const cell = (rubric: Rubric, language: string) => {
    const entry = rubric.names[language];
    return h('td', {}, entry ? entry.name : '—', entry ? h('div', { class: 'hint' }, `/${language}/${entry.slug}/`) : null);
  };
  const table = h('table', { class: 'desk admin' },
    h('thead', {}, h('tr', {}, h('th', {}, a.position), h('th', {}, a.key), ...languages.map((l) => h('th', {}, l.toUpperCase())), h('th', {}, ''))),
    h('tbody', {}, ...rubrics.map((rubric, index) => h('tr', { 'data-rubric': rubric.id },
      h('td', {},
        h('button', { type: 'button', class: 'small secondary up', disabled: index === 0, 'aria-label': `${a.moveUp}: ${rubric.key}`, onclick: () => void move(index, -1) }, '↑'),
        h('button', { type: 'button', class: 'small secondary down', disabled: index === rubrics.length - 1, 'aria-label': `${a.moveDown}: ${rubric.key}`, onclick: () => void move(index, 1) }, '↓')),
      h('td', {}, rubric.key),
      ...languages.map((language) => cell(rubric, language)),
      h('td', {}, h('button', { type: 'button', class: 'small', 'aria-label': `${a.edit}: ${rubric.key}`, onclick: () => void edit(rubric) }, a.edit))))));

  const errors = new FormErrors();
  const key = labelled(a.key, h('input', { type: 'text', maxlength: 60, required: true, spellcheck: 'false' }));
  errors.register('key', key.control);
  const fields = namesFields(languages, errors, { withSlugs: true });
  const form = h('form', { class: 'admin-form', 'aria-label': a.addRubric }, h('h2', {}, a.addRubric), key.row, ...fields.rows, h('button', { type: 'submit' }, a.addRubric));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      try {
        await api('POST', '/api/newsroom/rubrics', { key: key.control.value.trim(), ...fields.read() });
        await again();
        showNotice(`${a.created}: ${key.control.value.trim()}`);
      } catch (error) { errors.show(error); }
    })();
  });

  root.replaceChildren(...adminHeader(me, 'rubrics', a.rubrics), table, form);
}
