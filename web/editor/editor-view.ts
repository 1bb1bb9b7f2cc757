// The story editor: one language version's text (headline, lede, body, slug with its public
// address, SEO fields), the embargo, the workflow buttons, and "never lose a word": an autosave a
// second and a half after each change, the working copy restored on reopening, a conflict shown
// with both texts when someone saved in between, and the revision history with diffs and restore.
// A version on the site is changed only by a correction (the save asks for the note readers see)
// or followed by an update (a new story); who else has the version open is shown above the form.

import { api, ApiError } from '../api.ts';
import { h, labelled } from '../dom.ts';
import { t } from '../i18n.ts';
import type { Navigate } from '../router.ts';
import { clearNotice, showError, showNotice } from '../notice.ts';
import { askActionInput } from './action-input.ts';
import { createBodyEditor } from './body-editor.ts';
import { documentText } from './document-text.ts';
import { renderHistory } from './history-view.ts';
import { renderDetails, type StoryDetailsView } from './details-view.ts';
import { startPresence } from './presence-view.ts';
import { askFields } from '../ask-fields.ts';

interface TextFields { headline: string; lede: string; body: { type: 'doc'; content: unknown[] }; slug: string; seoTitle: string | null; seoDescription: string | null }
interface Version extends TextFields, StoryDetailsView {
  storyId: number; language: string; status: string; revision: number; publicUrl: string; embargoUntil: string | null;
  canEdit: boolean; canUpdate: boolean; correctionNote: string | null; actions: string[]; autosave: { fields: Partial<TextFields>; baseRevision: number; savedAt: string } | null;
}

const AUTOSAVE_DELAY_MS = 1500;

function localInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const offset = date.getTimezoneOffset() * 60_000;
  return new Date(date.getTime() - offset).toISOString().slice(0, 19);
}

function sideBySide(title: string, fields: Partial<TextFields>): HTMLElement {
  const s = t();
  return h('section', { class: 'text-column', 'aria-label': title }, h('h3', {}, title),
    h('h4', {}, s.headline), h('p', { class: 'compare-headline' }, fields.headline ?? ''),
    h('h4', {}, s.lede), h('p', { class: 'compare-lede' }, fields.lede ?? ''),
    h('h4', {}, s.body), h('pre', { class: 'compare-body' }, documentText(fields.body)));
}

export async function renderEditor(root: HTMLElement, navigate: Navigate, storyId: number, language: string, interfaceLanguage: string): Promise<void> {
  const s = t();
  const base = `/api/newsroom/stories/${storyId}/${language}`;
  const version = await api<Version>('GET', base);
  const sourceLanguage = new URLSearchParams(location.search).get('source');
  const source = sourceLanguage && sourceLanguage !== language ? await api<Version>('GET', `/api/newsroom/stories/${storyId}/${sourceLanguage}`).catch(() => undefined) : undefined;

  let expectedRevision = version.revision;
  let autosaveTimer: ReturnType<typeof setTimeout> | undefined;
  let isDirty = false;
  const status = h('p', { class: 'save-status', role: 'status', 'aria-live': 'polite' }, `${s.revision} ${version.revision}`);

  const headline = labelled(s.headline, h('input', { type: 'text', maxlength: 300, value: version.headline, lang: language }));
  const lede = labelled(s.lede, h('textarea', { rows: 3, maxlength: 2000, lang: language }));
  lede.control.value = version.lede;
  const bodyLabel = h('span', { id: 'body-label', class: 'label' }, s.body);
  const body = createBodyEditor('body-label', version.body, () => changed(), language);
  const slug = labelled(s.slug, h('input', { type: 'text', value: version.slug, pattern: '[a-z0-9]+(-[a-z0-9]+)*' }));
  const urlPreview = h('output', { for: slug.control.id, class: 'url-preview' });
  const showUrl = () => { urlPreview.textContent = version.publicUrl.replace(/\/(\d+)-[^/]*$/, `/$1-${slug.control.value.trim()}`); };
  showUrl();
  const seoTitle = labelled(s.seoTitle, h('input', { type: 'text', maxlength: 120, value: version.seoTitle ?? '' }));
  const seoDescription = labelled(s.seoDescription, h('textarea', { rows: 2, maxlength: 320 }));
  seoDescription.control.value = version.seoDescription ?? '';

  const fields = (): TextFields => ({
    headline: headline.control.value, lede: lede.control.value, body: body.getDocument(), slug: slug.control.value.trim(),
    seoTitle: seoTitle.control.value.trim() || null, seoDescription: seoDescription.control.value.trim() || null,
  });
  const fill = (text: Partial<TextFields>) => {
    if (text.headline !== undefined) headline.control.value = text.headline;
    if (text.lede !== undefined) lede.control.value = text.lede;
    if (text.body !== undefined) body.setDocument(text.body);
    if (text.slug !== undefined) slug.control.value = text.slug;
    if (text.seoTitle !== undefined) seoTitle.control.value = text.seoTitle ?? '';
    if (text.seoDescription !== undefined) seoDescription.control.value = text.seoDescription ?? '';
    showUrl();
  };

  const autosave = async () => {
    autosaveTimer = undefined;
    try {
      const result = await api<{ savedAt: string }>('PUT', `${base}/autosave`, { baseRevision: expectedRevision, fields: fields() });
      status.textContent = `${s.autosaved} ${new Date(result.savedAt).toLocaleTimeString()}`;
    } catch (error) {
      showError(error);
    }
  };
  function changed(): void {
    isDirty = true;
    status.textContent = s.unsaved;
    if (autosaveTimer) clearTimeout(autosaveTimer);
    autosaveTimer = setTimeout(() => void autosave(), AUTOSAVE_DELAY_MS);
  }
  for (const control of [headline.control, lede.control, slug.control, seoTitle.control, seoDescription.control]) control.addEventListener('input', () => changed());
  slug.control.addEventListener('input', showUrl);

  const conflictArea = h('div', { class: 'conflict-area' });
  // On the site the text changes only through a correction, with a note for readers.
  const isCorrection = !version.canEdit && version.actions.includes('correct');
  const sendText = async (): Promise<{ revision: number } | undefined> => {
    if (!isCorrection) return api<{ revision: number }>('PUT', base, { expectedRevision, fields: fields() });
    const values = await askFields(s.saveCorrection, [{ name: 'note', label: s.correctionNote, required: true }], s.saveCorrection);
    if (!values) return undefined;
    const result = await api<{ revision: number }>('POST', `${base}/actions/correct`, { note: values.note, fields: fields(), expectedRevision });
    showNotice(`${s.done} ${s.actions.correct}`);
    return result;
  };
  const save = async () => {
    if (autosaveTimer) clearTimeout(autosaveTimer);
    autosaveTimer = undefined;
    status.textContent = s.saving;
    try {
      const result = await sendText();
      if (!result) { status.textContent = s.unsaved; return; }
      expectedRevision = result.revision;
      isDirty = false;
      conflictArea.replaceChildren();
      status.textContent = `${s.saved} · ${s.revision} ${result.revision}`;
      if (isCorrection) return renderEditor(root, navigate, storyId, language, interfaceLanguage);
      clearNotice();
      await history.refresh();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'edit_conflict') return showConflict(error);
      status.textContent = s.unsaved;
      showError(error);
    }
  };
  const showConflict = (error: ApiError) => {
    const details = error.details as { currentRevision: number; theirs: TextFields; yours: TextFields };
    status.textContent = s.unsaved;
    conflictArea.replaceChildren(h('section', { class: 'conflict', role: 'alert', 'aria-label': s.conflictTitle },
      h('h2', {}, s.conflictTitle),
      h('div', { class: 'columns' }, sideBySide(s.conflictTheirs, details.theirs), sideBySide(s.conflictYours, details.yours)),
      h('div', { class: 'buttons' },
        h('button', { type: 'button', onclick: () => { expectedRevision = details.currentRevision; void save(); } }, s.keepMine),
        h('button', { type: 'button', class: 'secondary', onclick: () => {
          expectedRevision = details.currentRevision;
          fill(details.theirs);
          conflictArea.replaceChildren();
          void api('PUT', `${base}/autosave`, { baseRevision: expectedRevision, fields: fields() }).catch(showError);
          status.textContent = `${s.revision} ${expectedRevision}`;
        } }, s.takeTheirs))));
  };

  const embargo = labelled(s.embargo, h('input', { type: 'datetime-local', step: 1, value: localInput(version.embargoUntil) }));
  const embargoBox = h('div', { class: 'embargo' }, embargo.row,
    h('button', { type: 'button', class: 'secondary', onclick: () => void (async () => {
      if (!embargo.control.value) return;
      try {
        await api('PUT', `/api/newsroom/stories/${storyId}/embargo`, { until: new Date(embargo.control.value).toISOString() });
        showNotice(`${s.done} ${s.setEmbargo}`);
      } catch (error) { showError(error); }
    })() }, s.setEmbargo),
    h('button', { type: 'button', class: 'secondary', onclick: () => void (async () => {
      try {
        await api('PUT', `/api/newsroom/stories/${storyId}/embargo`, { until: null });
        embargo.control.value = '';
        showNotice(`${s.done} ${s.liftEmbargo}`);
      } catch (error) { showError(error); }
    })() }, s.liftEmbargo));

  const followUp = version.canUpdate ? h('button', { type: 'button', class: 'secondary', onclick: () => void (async () => {
    try {
      const created = await api<{ storyId: number; language: string }>('POST', `${base}/updates`, {});
      navigate(`/newsroom/app/stories/${created.storyId}/${created.language}`);
      showNotice(`${s.done} ${s.followWithUpdate}`);
    } catch (error) { showError(error); }
  })() }, s.followWithUpdate) : '';
  const buttonActions = isCorrection ? version.actions.filter((action) => action !== 'correct') : version.actions;
  const actions = h('div', { class: 'buttons workflow' }, followUp, ...buttonActions.map((action) => h('button', { type: 'button', class: 'secondary', onclick: () => void (async () => {
    if (isDirty) await save();
    const input = await askActionInput(action);
    if (input === undefined) return;
    try {
      await api('POST', `${base}/actions/${action}`, input);
      await renderEditor(root, navigate, storyId, language, interfaceLanguage);
      showNotice(`${s.done} ${s.actions[action] ?? action}`);
    } catch (error) { showError(error); }
  })() }, s.actions[action] ?? action)));

  const history = renderHistory({ base, currentRevision: () => expectedRevision, onRestored: async () => renderEditor(root, navigate, storyId, language, interfaceLanguage) });

  const form = h('form', { class: 'story-form', 'aria-label': s.story },
    headline.row, lede.row, h('div', { class: 'field' }, bodyLabel, body.element),
    slug.row, h('p', { class: 'hint' }, `${s.publicUrl}: `, urlPreview), seoTitle.row, seoDescription.row,
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, isCorrection ? s.saveCorrection : s.save)), status);
  form.addEventListener('submit', (event) => { event.preventDefault(); void save(); });
  form.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 's') { event.preventDefault(); void save(); }
  });
  if (!version.canEdit && !isCorrection) {
    for (const control of form.querySelectorAll('input, textarea, button')) (control as HTMLInputElement).disabled = true;
    body.setEditable(false);
  }

  const preview = h('p', {}, h('a', { href: `/newsroom/app/preview/${storyId}/${language}`, target: '_blank', rel: 'noopener' }, `${s.preview} (${s.previewSaved})`));
  const heading = h('h1', {}, `${s.story} ${storyId} · ${s.languageNames[language] ?? language} · ${s.statuses[version.status] ?? version.status}`);
  const main = h('div', { class: source ? 'with-source' : 'single' },
    source ? h('aside', { class: 'source', 'aria-label': s.source, lang: source.language }, sideBySide(`${s.source}: ${s.languageNames[source.language] ?? source.language}`, source)) : '',
    h('div', { class: 'edit-column' }, conflictArea, form));
  const details = await renderDetails({ base, language, interfaceLanguage, details: version, canEdit: version.canEdit, isCorrection });
  const onSite = isCorrection ? h('p', { class: 'hint on-site' }, s.onSiteHint, version.correctionNote ? ` ${s.correctionNote}: «${version.correctionNote}»` : '') : '';
  const presence = startPresence(base);
  root.replaceChildren(h('p', {}, h('a', { href: '/newsroom/app' }, `← ${s.desk}`)), heading, presence, actions, onSite, preview, main, details, embargoBox, history.element);
  await history.refresh();

  if (version.autosave && (version.canEdit || isCorrection)) {
    fill(version.autosave.fields);
    expectedRevision = version.autosave.baseRevision;
    isDirty = true;
    status.textContent = s.unsaved;
    showNotice(s.restored);
    const discard = h('button', { type: 'button', class: 'secondary', onclick: () => {
      fill(version);
      expectedRevision = version.revision;
      isDirty = false;
      discard.remove();
      void api('PUT', `${base}/autosave`, { baseRevision: version.revision, fields: fields() }).catch(showError);
      clearNotice();
    } }, s.discardDraft);
    status.after(discard);
  }
}
