// The newsroom's archive search (/newsroom/app/search): the site's query language over every
// status the user may read (the server decides by role), filters for status, rubric, language and
// dates, results with the matching words marked and a link to the editor, pages of twenty.
// The address carries the form, so a search can be reloaded, shared and gone back to.

import { api, ApiError } from '../api.ts';
import { h, labelled } from '../dom.ts';
import { t } from '../i18n.ts';
import type { Navigate } from '../router.ts';
import type { RubricChoice } from '../desk/desk-view.ts';
import { searchStrings } from './search-strings.ts';

interface Part { text: string; isMatch: boolean }
interface Found {
  storyId: number; language: string; status: string; rubric: Record<string, string>; publishedAt: string | null;
  headline: Part[]; snippet: Part[]; isHeadlineMatch: boolean; editorUrl: string;
}
interface SearchAnswer {
  results: Found[]; page: number; hasNextPage: boolean; total: number; isExact: boolean;
  problem: 'empty' | 'only_excluded' | null; truncated: boolean; statuses: string[]; languages: string[];
}

const FIELDS = ['q', 'language', 'status', 'rubric', 'from', 'to'] as const;

const marked = (parts: Part[]) => parts.map((part) => (part.isMatch ? h('mark', {}, part.text) : part.text));

function select(options: [string, string][], value: string): HTMLSelectElement {
  return h('select', {}, ...options.map(([key, text]) => h('option', { value: key, selected: key === value }, text)));
}

function describe(answer: SearchAnswer): string[] {
  const w = searchStrings();
  const lines: string[] = [];
  if (answer.truncated) lines.push(w.truncated);
  if (answer.problem === 'empty') lines.push(w.emptyQuery);
  else if (answer.problem === 'only_excluded') lines.push(w.onlyExcluded);
  else if (answer.results.length === 0) lines.push(w.nothing);
  else lines.push(answer.isExact ? w.found(answer.total) : w.foundMore(answer.total - 1));
  return lines;
}

export async function renderSearch(root: HTMLElement, navigate: Navigate, interfaceLanguage: string): Promise<void> {
  const s = t();
  const w = searchStrings();
  const params = new URLSearchParams(location.search);
  const hasQuery = params.has('q');
  let answer: SearchAnswer | undefined;
  let problem: string | undefined;
  const [{ rubrics }] = await Promise.all([
    api<{ rubrics: RubricChoice[] }>('GET', '/api/newsroom/rubrics'),
    api<SearchAnswer>('GET', `/api/newsroom/search?${params.toString()}`).then(
      (result) => { answer = result; },
      (error: unknown) => {
        if (error instanceof ApiError && error.code === 'search_index_building') problem = w.indexBuilding;
        else if (error instanceof ApiError && error.status === 400) { problem = error.message; }
        else throw error;
      },
    ),
  ]);
  const rubricName = (names: Record<string, string | { name: string }>) => {
    const entry = names[interfaceLanguage] ?? Object.values(names)[0];
    return typeof entry === 'string' ? entry : entry?.name ?? '';
  };

  // The form: what was asked, so it can be changed.
  const languages = answer?.languages ?? [params.get('language') ?? interfaceLanguage];
  const statuses = answer?.statuses ?? [];
  const q = labelled(w.words, h('input', { type: 'search', value: params.get('q') ?? '', maxlength: 300 }), w.help);
  const language = labelled(s.language, select(languages.map((code): [string, string] => [code, s.languageNames[code] ?? code]), params.get('language') ?? (languages.includes(interfaceLanguage) ? interfaceLanguage : languages[0] ?? '')));
  const status = labelled(s.status, select([['', s.any], ...statuses.map((key): [string, string] => [key, s.statuses[key] ?? key])], params.get('status') ?? ''));
  const rubric = labelled(s.rubric, select([['', s.any], ...rubrics.map((r): [string, string] => [String(r.id), rubricName(r.names)])], params.get('rubric') ?? ''));
  const from = labelled(w.dateFrom, h('input', { type: 'date', value: params.get('from') ?? '' }));
  const to = labelled(w.dateTo, h('input', { type: 'date', value: params.get('to') ?? '' }));
  const controls = { q: q.control, language: language.control, status: status.control, rubric: rubric.control, from: from.control, to: to.control };
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': w.archiveSearch },
    q.row, language.row, status.row, rubric.row, from.row, to.row, h('button', { type: 'submit' }, w.search));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of FIELDS) {
      const value = name === 'q' ? controls.q.value : controls[name].value;
      if (name === 'q' || value !== '') next.set(name, name === 'q' ? value.trim() : value);
    }
    navigate(`/newsroom/app/search?${next.toString()}`);
  });

  // The answer: a line saying what was found, the results, the pages.
  const messages = problem ? [problem] : answer && hasQuery ? describe(answer) : [];
  const summary = h('div', { class: 'search-summary', role: 'status' }, ...messages.map((line) => h('p', {}, line)));
  const results = (answer?.results ?? []).map((found) => h('li', {},
    h('a', { href: found.editorUrl, lang: found.language, class: 'search-headline' }, ...marked(found.headline)),
    ' ', h('span', { class: `status status-${found.status}` }, `${found.language.toUpperCase()} · ${s.statuses[found.status] ?? found.status}`),
    ' ', h('span', { class: 'rubric' }, rubricName(found.rubric)),
    found.publishedAt ? h('time', { datetime: found.publishedAt }, ` ${new Date(found.publishedAt).toLocaleString(interfaceLanguage === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })}`) : null,
    found.isHeadlineMatch ? h('span', { class: 'hint' }, ` (${w.headlineMatch})`) : null,
    h('p', { class: 'snippet', lang: found.language }, ...marked(found.snippet)),
  ));
  const pageHref = (n: number) => {
    const next = new URLSearchParams(params);
    if (n === 1) next.delete('page');
    else next.set('page', String(n));
    return `/newsroom/app/search?${next.toString()}`;
  };
  const pages = answer && (answer.page > 1 || answer.hasNextPage)
    ? h('nav', { class: 'pages', 'aria-label': w.archiveSearch },
      answer.page > 1 ? h('a', { href: pageHref(answer.page - 1), rel: 'prev' }, w.previous) : null, ' ',
      answer.hasNextPage ? h('a', { href: pageHref(answer.page + 1), rel: 'next' }, w.next) : null)
    : null;
  root.replaceChildren(h('h1', {}, w.archiveSearch), form, summary,
    results.length > 0 ? h('ol', { class: 'search-results' }, ...results) : '', pages ?? '');
}
