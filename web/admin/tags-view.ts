// Tags (editors): a search over names in every language, pages of 50, a dialog to rename a tag or
// change its address per language, one to merge it into another tag, and a form to add one.

import { api, type Me } from '../api.ts';
import { h, labelled } from '../dom.ts';
import { ta } from '../i18n.ts';
import type { Navigate } from '../router.ts';
import { showNotice } from '../notice.ts';
import { adminHeader, ADMIN_PATH, nameIn, siteLanguages } from './admin-page.ts';
import { FormErrors } from './form-errors.ts';
import { openFormDialog } from './form-dialog.ts';
import { namesFields } from './names-fields.ts';

interface Tag { id: number; key: string; names: Record<string, { name: string; slug: string }>; storyCount: number }

export async function renderTags(root: HTMLElement, navigate: Navigate, me: Me): Promise<void> {
  const a = ta();
  const params = new URLSearchParams(location.search);
  const query = new URLSearchParams();
  for (const name of ['q', 'after']) if (params.get(name)) query.set(name, params.get(name)!);
  const [languages, page] = await Promise.all([siteLanguages(), api<{ tags: Tag[]; next: number | null }>('GET', `/api/newsroom/tags/all?${query.toString()}`)]);
  const again = () => renderTags(root, navigate, me);
  const label = (tag: Tag) => nameIn(tag.names, me.user.language) || tag.key;

  const search = labelled(a.searchTags, h('input', { type: 'search', value: params.get('q') ?? '' }));
  const searchForm = h('form', { class: 'filters', role: 'search', 'aria-label': a.searchTags }, search.row, h('button', { type: 'submit' }, a.search));
  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = search.control.value.trim();
    navigate(`${ADMIN_PATH}/tags${q ? `?q=${encodeURIComponent(q)}` : ''}`);
  });

  const edit = async (tag: Tag) => {
    const errors = new FormErrors();
    const fields = namesFields(languages, errors, { current: tag.names, withSlugs: true });
    if (await openFormDialog({
      title: `${a.edit}: ${label(tag)}`, submitLabel: a.saveChanges, rows: fields.rows, errors,
      submit: () => api('PATCH', `/api/newsroom/tags/${tag.id}`, fields.read()).then(() => undefined),
    })) {
      await again();
      showNotice(a.savedChanges);
    }
  };

  const merge = async (tag: Tag) => {
    const errors = new FormErrors();
    const others = page.tags.filter((other) => other.id !== tag.id);
    const into = labelled(a.mergeTarget, h('select', { required: true }, h('option', { value: '' }, '—'), ...others.map((other) => h('option', { value: other.id }, `${label(other)} (${other.key})`))));
    errors.register('into', into.control);
    let storyCount = 0;
    if (await openFormDialog({
      title: `${a.mergeInto}…: ${label(tag)}`, submitLabel: a.merge, rows: [into.row], errors,
      submit: async () => {
        const result = await api<{ storyIds: number[] }>('POST', `/api/newsroom/tags/${tag.id}/merge`, { into: Number(into.control.value) });
        storyCount = result.storyIds.length;
      },
    })) {
      await again();
      showNotice(a.merged(storyCount));
    }
  };

  const table = page.tags.length === 0 ? h('p', {}, a.noTags) : h('table', { class: 'desk admin' },
    h('thead', {}, h('tr', {}, h('th', {}, a.key), ...languages.map((l) => h('th', {}, l.toUpperCase())), h('th', {}, a.stories), h('th', {}, ''))),
    h('tbody', {}, ...page.tags.map((tag) => h('tr', {},
      h('td', {}, tag.key),
      ...languages.map((language) => h('td', {}, tag.names[language]?.name ?? '—', tag.names[language] ? h('div', { class: 'hint' }, `/${language}/tags/${tag.names[language]!.slug}/`) : null)),
      h('td', {}, String(tag.storyCount)),
      h('td', {},
        h('button', { type: 'button', class: 'small', 'aria-label': `${a.edit}: ${tag.key}`, onclick: () => void edit(tag) }, a.edit),
        h('button', { type: 'button', class: 'small secondary', 'aria-label': `${a.mergeInto}: ${tag.key}`, onclick: () => void merge(tag) }, a.mergeInto))))));
  const next = page.next === null ? null : (() => {
    const more = new URLSearchParams(query);
    more.set('after', String(page.next));
    return h('p', {}, h('a', { href: `${ADMIN_PATH}/tags?${more.toString()}` }, a.nextPage));
  })();

  const errors = new FormErrors();
  const key = labelled(a.key, h('input', { type: 'text', maxlength: 60, required: true, spellcheck: 'false' }));
  errors.register('key', key.control);
  const fields = namesFields(languages, errors, { withSlugs: false });
  const form = h('form', { class: 'admin-form', 'aria-label': a.addTag }, h('h2', {}, a.addTag), key.row, ...fields.rows, h('button', { type: 'submit' }, a.addTag));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      try {
        await api('POST', '/api/newsroom/tags', { key: key.control.value.trim(), ...fields.read() });
        await again();
        showNotice(`${a.created}: ${key.control.value.trim()}`);
      } catch (error) { errors.show(error); }
    })();
  });

  root.replaceChildren(...adminHeader(me, 'tags', a.tags), searchForm, table, next ?? '', form);
}
