// The story's details beside its text: rubric, urgency, main-story flag, tags (with autocomplete
// from the tags the newsroom has) and byline. Saved with their own button: they belong to the
// story, shared by every language version, not to this version's revisions.

import { api } from '../api.ts';
import { askFields } from '../ask-fields.ts';
import { h, labelled } from '../dom.ts';
import { t } from '../i18n.ts';
import { showError, showNotice } from '../notice.ts';
import type { RubricChoice } from '../desk/desk-view.ts';
import { pickImage, thumbnailUrl, type LibraryImage } from '../media/media-library.ts';

interface Named { id: number; name: string }
export interface StoryDetailsView { rubricId: number; urgency: number; isMain: boolean; tags: Named[]; authors: Named[]; leadImageId: number | null }

/** `isCorrection`: the version is on the site, so its details change only with a correction note. */
export async function renderDetails(params: { base: string; language: string; interfaceLanguage: string; details: StoryDetailsView; canEdit: boolean; isCorrection?: boolean }): Promise<HTMLElement> {
  const s = t();
  const [{ rubrics }, { authors }] = await Promise.all([
    api<{ rubrics: RubricChoice[] }>('GET', '/api/newsroom/rubrics'),
    api<{ authors: Named[] }>('GET', `/api/newsroom/authors?language=${params.language}`),
  ]);
  const rubric = labelled(s.rubric, h('select', {}, ...rubrics.map((r) => h('option', { value: r.id, selected: r.id === params.details.rubricId }, r.names[params.interfaceLanguage]?.name ?? Object.values(r.names)[0]?.name ?? String(r.id)))));
  const urgency = labelled(s.urgency, h('select', {}, ...[1, 2, 3, 4, 5].map((level) => h('option', { value: level, selected: level === params.details.urgency }, `${level} — ${s.urgencyLevels[level - 1]}`))));
  const isMain = h('input', { type: 'checkbox', id: 'main-story', checked: params.details.isMain });
  const mainRow = h('div', { class: 'field checkbox' }, isMain, h('label', { for: 'main-story' }, s.mainStory));
  const byline = labelled(s.byline, h('select', { multiple: true, size: Math.min(6, Math.max(2, authors.length)) },
    ...authors.map((author) => h('option', { value: author.id, selected: params.details.authors.some((a) => a.id === author.id) }, author.name))));

  const chosen = new Map(params.details.tags.map((tag) => [tag.id, tag.name]));
  const chips = h('ul', { class: 'tags', 'aria-label': s.tags });
  const drawChips = () => chips.replaceChildren(...[...chosen].map(([id, name]) => h('li', {}, name, ' ',
    h('button', { type: 'button', class: 'small secondary', 'aria-label': `${s.removeTag} ${name}`, onclick: () => { chosen.delete(id); drawChips(); } }, '×'))));
  drawChips();
  const suggestions = h('datalist', { id: 'tag-suggestions' });
  const tagInput = labelled(s.addTag, h('input', { type: 'text', list: 'tag-suggestions', autocomplete: 'off' }));
  let found: Named[] = [];
  tagInput.control.addEventListener('input', () => void (async () => {
    const q = tagInput.control.value.trim();
    try {
      found = q ? (await api<{ tags: Named[] }>('GET', `/api/newsroom/tags?language=${params.language}&q=${encodeURIComponent(q)}`)).tags : [];
      suggestions.replaceChildren(...found.map((tag) => h('option', { value: tag.name })));
    } catch (error) { showError(error); }
  })());
  const addTag = () => {
    const name = tagInput.control.value.trim().toLowerCase();
    const tag = found.find((candidate) => candidate.name.toLowerCase() === name) ?? (found.length === 1 ? found[0] : undefined);
    if (!tag) return showError(new Error(s.noSuchTag));
    chosen.set(tag.id, tag.name);
    tagInput.control.value = '';
    drawChips();
  };
  tagInput.control.addEventListener('keydown', (event) => { if (event.key === 'Enter') { event.preventDefault(); addTag(); } });
  // The lead image: chosen from the media library, its alt text edited there.
  let leadImageId = params.details.leadImageId;
  const leadPreview = h('div', { class: 'lead-image' });
  const drawLead = async () => {
    if (leadImageId === null) return void leadPreview.replaceChildren(h('p', { class: 'hint' }, s.noLeadImage));
    try {
      const { image } = await api<{ image: LibraryImage }>('GET', `/api/newsroom/media/${leadImageId}`);
      const alt = image.texts[params.language]?.alt;
      leadPreview.replaceChildren(h('img', { src: thumbnailUrl(image), alt: alt ?? '', width: 160 }),
        h('p', { class: alt ? 'hint' : 'hint missing-alt' }, alt ? `${s.alt}: ${alt}` : s.noAlt));
    } catch (error) { showError(error); }
  };
  await drawLead();
  const chooseLead = h('button', { type: 'button', class: 'secondary small', onclick: () => void (async () => {
    const image = await pickImage({ language: params.language, purpose: s.leadImage });
    if (!image) return;
    leadImageId = image.imageId;
    await drawLead();
  })() }, s.chooseLeadImage);
  const removeLead = h('button', { type: 'button', class: 'secondary small', onclick: () => { leadImageId = null; void drawLead(); } }, s.removeLeadImage);
  const save = h('button', { type: 'button', onclick: () => void (async () => {
    const details = {
      rubricId: Number(rubric.control.value), urgency: Number(urgency.control.value), isMain: isMain.checked,
      tagIds: [...chosen.keys()], authorIds: [...byline.control.selectedOptions].map((option) => Number(option.value)), leadImageId,
    };
    try {
      if (params.isCorrection) {
        const values = await askFields(s.saveCorrection, [{ name: 'note', label: s.correctionNote, required: true }], s.saveCorrection);
        if (!values) return;
        await api('POST', `${params.base}/actions/correct`, { note: values.note, details });
        return showNotice(`${s.done} ${s.actions.correct}`);
      }
      await api('PUT', `${params.base}/details`, details);
      showNotice(`${s.done} ${s.saveDetails}`);
    } catch (error) { showError(error); }
  })() }, params.isCorrection ? s.saveDetailsCorrection : s.saveDetails);
  const section = h('section', { class: 'details', 'aria-label': s.details }, h('h2', {}, s.details),
    rubric.row, urgency.row, mainRow, h('div', { class: 'field' }, h('span', { class: 'label' }, s.tags), chips), tagInput.row, suggestions,
    h('button', { type: 'button', class: 'secondary small', onclick: addTag }, s.addTag), byline.row,
    h('div', { class: 'field' }, h('span', { class: 'label' }, s.leadImage), leadPreview, h('div', { class: 'buttons' }, chooseLead, removeLead)),
    h('div', { class: 'buttons' }, save));
  if (!params.canEdit && !params.isCorrection) for (const control of section.querySelectorAll('input, select, button')) (control as HTMLInputElement).disabled = true;
  return section;
}
