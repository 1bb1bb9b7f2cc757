// Starting a story: its rubric, its first language, headline and lede; the editor opens on it.

import { api } from '../api.ts';
import { h, labelled } from '../dom.ts';
import { t } from '../i18n.ts';
import type { Navigate } from '../router.ts';
import { showError } from '../notice.ts';
import type { RubricChoice } from '../desk/desk-view.ts';

export async function renderNewStory(root: HTMLElement, navigate: Navigate, interfaceLanguage: string): Promise<void> {
  const s = t();
  const [{ rubrics }, desk] = await Promise.all([
    api<{ rubrics: RubricChoice[] }>('GET', '/api/newsroom/rubrics'),
    api<{ languages: string[] }>('GET', '/api/newsroom/stories?limit=1'),
  ]);
  const rubric = labelled(s.rubric, h('select', { required: true }, ...rubrics.map((r) => h('option', { value: r.id }, r.names[interfaceLanguage]?.name ?? Object.values(r.names)[0]?.name ?? String(r.id)))));
  const language = labelled(s.language, h('select', {}, ...desk.languages.map((code) => h('option', { value: code, selected: code === interfaceLanguage }, s.languageNames[code] ?? code))));
  const headline = labelled(s.headline, h('input', { type: 'text', required: true, maxlength: 300 }));
  const lede = labelled(s.lede, h('textarea', { rows: 3, required: true, maxlength: 2000 }));
  const form = h('form', { class: 'story-form', 'aria-label': s.newStory }, rubric.row, language.row, headline.row, lede.row, h('button', { type: 'submit' }, s.create));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      try {
        const created = await api<{ storyId: number; language: string }>('POST', '/api/newsroom/stories', {
          rubricId: Number(rubric.control.value), language: language.control.value, headline: headline.control.value, lede: lede.control.value,
        });
        navigate(`/newsroom/app/stories/${created.storyId}/${created.language}`);
      } catch (error) { showError(error); }
    })();
  });
  root.replaceChildren(h('p', {}, h('a', { href: '/newsroom/app' }, `← ${s.desk}`)), h('h1', {}, s.newStory), form);
}
