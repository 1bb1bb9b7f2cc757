// The media library inside the editor: a dialog to search the uploaded images (thumbnails, newest
// first), upload a new one, and edit the chosen image's alt text and caption (in the story's
// language) and credit before it goes into the body or becomes the lead image.

import { api, apiForm } from '../api.ts';
import { h, labelled } from '../dom.ts';
import { t } from '../i18n.ts';
import { errorText } from '../notice.ts';

export interface LibraryImage {
  id: number;
  url: string;
  width: number;
  height: number;
  credit: string | null;
  originalName: string | null;
  texts: Record<string, { alt: string | null; caption: string | null }>;
  renditions: { format: string; width: number; url: string }[];
}

/** What the editor takes from the chosen image: its id and its texts in the story's language. */
export interface PickedImage { imageId: number; alt: string | null; caption: string | null; credit: string | null; url: string }

/** The smallest rendition every browser shows (JPEG, PNG or WebP), else the original. */
export function thumbnailUrl(image: LibraryImage): string {
  const small = image.renditions.filter((r) => ['jpeg', 'png', 'webp'].includes(r.format)).sort((a, b) => a.width - b.width)[0];
  return small?.url ?? image.url;
}

export function imageTitle(image: LibraryImage, language: string): string {
  return image.texts[language]?.alt || image.originalName || `#${image.id}`;
}

/** Opens the library; resolves with the chosen image, or undefined when the dialog was closed. */
export function pickImage(params: { language: string; purpose: string }): Promise<PickedImage | undefined> {
  const s = t();
  const lang = params.language.toUpperCase();
  return new Promise((resolve) => {
    let picked: PickedImage | undefined;
    const dialog = h('dialog', { class: 'media-library', 'aria-label': `${s.mediaLibrary}: ${params.purpose}` });
    const grid = h('ul', { class: 'media-grid', 'aria-label': s.mediaResults });
    const editArea = h('div', { class: 'media-edit' });
    // The page's notice is behind the modal dialog: problems are shown inside it.
    const problem = h('p', { class: 'error', role: 'alert', hidden: true });
    const showError = (error: unknown) => { problem.hidden = false; problem.textContent = errorText(error); };
    const query = labelled(s.mediaSearch, h('input', { type: 'search' }));
    let next: string | null = null;

    const choose = (image: LibraryImage) => {
      const texts = image.texts[params.language] ?? { alt: null, caption: null };
      const alt = labelled(`${s.alt} (${lang})`, h('input', { type: 'text', value: texts.alt ?? '', maxlength: 500 }), s.altRequired);
      const caption = labelled(`${s.caption} (${lang})`, h('input', { type: 'text', value: texts.caption ?? '', maxlength: 1000 }));
      const credit = labelled(s.credit, h('input', { type: 'text', value: image.credit ?? '', maxlength: 200 }));
      const form = h('form', { 'aria-label': s.imageTexts },
        h('img', { src: thumbnailUrl(image), alt: '', class: 'media-chosen' }), alt.row, caption.row, credit.row,
        h('div', { class: 'buttons' }, h('button', { type: 'submit' }, s.useImage)));
      form.addEventListener('submit', (event) => void (async () => {
        event.preventDefault();
        const values = { alt: alt.control.value.trim() || null, caption: caption.control.value.trim() || null, credit: credit.control.value.trim() || null };
        try {
          // The texts belong to the image in the library: the next story that uses it finds them.
          await api('PATCH', `/api/newsroom/media/${image.id}`, {
            texts: { [params.language]: values.alt === null && values.caption === null ? null : { alt: values.alt ?? '', caption: values.caption ?? '' } },
            credit: values.credit,
          });
          picked = { imageId: image.id, ...values, url: thumbnailUrl(image) };
          dialog.close();
        } catch (error) { showError(error); }
      })());
      editArea.replaceChildren(form);
      alt.control.focus();
    };

    const card = (image: LibraryImage) => h('li', {}, h('button', {
      type: 'button', class: 'media-card', onclick: () => choose(image), 'aria-label': `${s.chooseImage}: ${imageTitle(image, params.language)}`,
    },
    h('img', { src: thumbnailUrl(image), alt: '', loading: 'lazy', width: 160, height: Math.round((160 * image.height) / Math.max(1, image.width)) }),
    h('span', {}, imageTitle(image, params.language)),
    image.texts[params.language]?.alt ? '' : h('span', { class: 'missing-alt' }, s.noAlt)));

    const more = h('button', { type: 'button', class: 'secondary small', hidden: true, onclick: () => void load(true) }, s.more);
    const load = async (append: boolean) => {
      const search = new URLSearchParams();
      if (query.control.value.trim()) search.set('query', query.control.value.trim());
      if (append && next) search.set('cursor', next);
      try {
        const page = await api<{ items: LibraryImage[]; nextCursor: string | null }>('GET', `/api/newsroom/media?${search.toString()}`);
        next = page.nextCursor;
        more.hidden = !next;
        const cards = page.items.map(card);
        if (append) grid.append(...cards);
        else grid.replaceChildren(...(cards.length > 0 ? cards : [h('li', {}, s.noImages)]));
      } catch (error) { showError(error); }
    };
    const searchForm = h('form', { role: 'search', 'aria-label': s.mediaSearch }, query.row, h('button', { type: 'submit' }, s.apply));
    searchForm.addEventListener('submit', (event) => { event.preventDefault(); void load(false); });

    const file = labelled(s.uploadImage, h('input', { type: 'file', accept: 'image/jpeg,image/png,image/webp,image/avif,image/gif', required: true }));
    const uploadAlt = labelled(`${s.alt} (${lang})`, h('input', { type: 'text', maxlength: 500 }));
    const uploadCredit = labelled(s.credit, h('input', { type: 'text', maxlength: 200 }));
    const uploadStatus = h('p', { class: 'hint', role: 'status' });
    const uploadForm = h('form', { 'aria-label': s.upload }, file.row, uploadAlt.row, uploadCredit.row,
      h('div', { class: 'buttons' }, h('button', { type: 'submit' }, s.upload)), uploadStatus);
    uploadForm.addEventListener('submit', (event) => void (async () => {
      event.preventDefault();
      const chosen = file.control.files?.[0];
      if (!chosen) return;
      const form = new FormData();
      if (uploadCredit.control.value.trim()) form.append('credit', uploadCredit.control.value.trim());
      if (uploadAlt.control.value.trim()) form.append(`alt.${params.language}`, uploadAlt.control.value.trim());
      form.append('file', chosen, chosen.name);
      uploadStatus.textContent = s.uploading;
      problem.hidden = true;
      try {
        const { image } = await apiForm<{ image: LibraryImage }>('/api/newsroom/media', form);
        uploadStatus.textContent = `${s.uploaded}: ${imageTitle(image, params.language)}`;
        uploadForm.reset();
        await load(false);
        choose(image);
      } catch (error) {
        uploadStatus.textContent = '';
        showError(error);
      }
    })());

    dialog.append(h('h2', {}, `${s.mediaLibrary}: ${params.purpose}`), problem, uploadForm, searchForm, grid, more, editArea,
      h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, s.cancel)));
    dialog.addEventListener('close', () => { dialog.remove(); resolve(picked); });
    document.body.append(dialog);
    dialog.showModal();
    void load(false);
  });
}
