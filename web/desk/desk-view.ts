// The desk: the stories in work with filters (status, rubric, language, author, dates, words of
// the headline), each story's language versions with their status and the buttons the user may
// press now, who has each version open in the editor, the languages still missing, and
// "Translate into …" for them.

import { api } from '../api.ts';
import { h, labelled } from '../dom.ts';
import { t } from '../i18n.ts';
import type { Navigate } from '../router.ts';
import { showError, showNotice } from '../notice.ts';
import { askActionInput } from '../editor/action-input.ts';
import { stopPresence } from '../editor/presence-view.ts';

interface DeskVersion { language: string; status: string; headline: string; actions: string[]; openBy: { userId: number; name: string }[] }
interface DeskStory { storyId: number; rubric: Record<string, string>; missingLanguages: string[]; canTranslate: boolean; versions: DeskVersion[] }
interface DeskPage { stories: DeskStory[]; next: string | null; languages: string[] }
export interface RubricChoice { id: number; names: Record<string, { name: string }> }

const STATUSES = ['draft', 'submitted', 'scheduled', 'published', 'corrected', 'unpublished', 'killed', 'spiked'];

function select(options: [string, string][], value: string): HTMLSelectElement {
  return h('select', {}, ...options.map(([key, text]) => h('option', { value: key, selected: key === value }, text)));
}

export async function renderDesk(root: HTMLElement, navigate: Navigate, interfaceLanguage: string): Promise<void> {
  const s = t();
  stopPresence();
  const params = new URLSearchParams(location.search);
  const [{ rubrics }, page] = await Promise.all([
    api<{ rubrics: RubricChoice[] }>('GET', '/api/newsroom/rubrics'),
    api<DeskPage>('GET', `/api/newsroom/stories?${params.toString()}`),
  ]);
  const rubricName = (names: Record<string, { name: string }> | Record<string, string>, fallback: string) => {
    const entry = (names as Record<string, unknown>)[interfaceLanguage] ?? Object.values(names)[0];
    return typeof entry === 'string' ? entry : (entry as { name?: string } | undefined)?.name ?? fallback;
  };

  const status = labelled(s.status, select([['', s.any], ...STATUSES.map((key): [string, string] => [key, s.statuses[key] ?? key])], params.get('status') ?? ''));
  const rubric = labelled(s.rubric, select([['', s.any], ...rubrics.map((r): [string, string] => [String(r.id), rubricName(r.names, r.id.toString())])], params.get('rubric') ?? ''));
  const language = labelled(s.language, select([['', s.any], ...page.languages.map((code): [string, string] => [code, s.languageNames[code] ?? code])], params.get('language') ?? ''));
  const author = labelled(s.author, h('input', { type: 'number', min: 1, value: params.get('author') ?? '' }));
  const from = labelled(s.changedFrom, h('input', { type: 'date', value: params.get('from') ?? '' }));
  const to = labelled(s.changedTo, h('input', { type: 'date', value: params.get('to') ?? '' }));
  const q = labelled(s.searchHeadline, h('input', { type: 'search', value: params.get('q') ?? '' }));
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': s.filters },
    status.row, rubric.row, language.row, author.row, from.row, to.row, q.row, h('button', { type: 'submit' }, s.apply));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    const pairs: [string, string][] = [['status', status.control.value], ['rubric', rubric.control.value], ['language', language.control.value],
      ['author', author.control.value], ['from', from.control.value], ['to', to.control.value], ['q', q.control.value.trim()]];
    for (const [key, value] of pairs) if (value) next.set(key, value);
    navigate(`/newsroom/app${next.size > 0 ? `?${next.toString()}` : ''}`);
  });

  const act = async (story: DeskStory, version: DeskVersion, action: string) => {
    const input = await askActionInput(action);
    if (input === undefined) return;
    try {
      await api('POST', `/api/newsroom/stories/${story.storyId}/${version.language}/actions/${action}`, input);
      await renderDesk(root, navigate, interfaceLanguage);
      showNotice(`${s.done} ${s.actions[action] ?? action}`);
    } catch (error) {
      showError(error);
    }
  };
  const translate = async (story: DeskStory, target: string) => {
    const source = story.versions[0]?.language;
    if (!source) return;
    try {
      await api('POST', `/api/newsroom/stories/${story.storyId}/translations`, { from: source, to: target });
      navigate(`/newsroom/app/stories/${story.storyId}/${target}?source=${source}`);
    } catch (error) {
      showError(error);
    }
  };

  const rows = page.stories.map((story) => h('tr', {},
    h('td', {}, rubricName(story.rubric, '')),
    h('td', {}, h('ul', { class: 'versions' }, ...story.versions.map((version) => h('li', {},
      h('a', { href: `/newsroom/app/stories/${story.storyId}/${version.language}`, lang: version.language }, version.headline),
      ' ', h('span', { class: `status status-${version.status}` }, `${version.language.toUpperCase()} · ${s.statuses[version.status] ?? version.status}`),
      version.openBy.length > 0 ? h('span', { class: 'open-by' }, ` ${s.openBy}: ${version.openBy.map((user) => user.name).join(', ')}`) : '',
      ' ', ...version.actions.map((action) => h('button', { type: 'button', class: 'small', onclick: () => void act(story, version, action) }, `${s.actions[action] ?? action} (${version.language.toUpperCase()})`)),
    )))),
    h('td', {}, story.missingLanguages.length === 0 ? s.none : story.missingLanguages.map((code) => code.toUpperCase()).join(', ')),
    h('td', {}, ...(story.canTranslate ? story.missingLanguages.map((code) => h('button', { type: 'button', class: 'small', onclick: () => void translate(story, code) }, `${s.translateInto} ${s.languageNames[code] ?? code}`)) : [])),
  ));
  const table = page.stories.length === 0
    ? h('p', {}, s.noStories)
    : h('table', { class: 'desk' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, s.rubric), h('th', { scope: 'col' }, s.story), h('th', { scope: 'col' }, s.missing), h('th', { scope: 'col' }, s.actionsLabel))),
      h('tbody', {}, ...rows));
  const more = page.next ? h('p', {}, h('a', { href: `/newsroom/app?${new URLSearchParams([...params.entries(), ['cursor', page.next]]).toString()}` }, s.more)) : null;
  root.replaceChildren(h('h1', {}, s.desk), h('p', {}, h('a', { href: '/newsroom/app/stories/new', class: 'button' }, s.newStory)), form, table, more ?? '');
}
