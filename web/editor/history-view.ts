// The revision history of a language version: every save, newest first, with a word diff from
// the revision before it and a button to restore it (a new revision, so nothing is lost).

import { api } from '../api.ts';
import { h } from '../dom.ts';
import { t } from '../i18n.ts';
import { showError, showNotice } from '../notice.ts';

interface Summary { revision: number; createdAt: string; headline: string; authorUserId: number | null }
interface DiffPart { kind: 'same' | 'removed' | 'added'; text: string }
interface Diff { from: number; to: number; headline: DiffPart[]; lede: DiffPart[]; body: DiffPart[] }

function parts(diff: DiffPart[]): HTMLElement {
  return h('p', { class: 'diff' }, ...diff.map((part) => (part.kind === 'same' ? part.text : h(part.kind === 'added' ? 'ins' : 'del', {}, part.text))));
}

export function renderHistory(params: { base: string; currentRevision: () => number; onRestored: () => Promise<void> }) {
  const s = t();
  const list = h('ol', { class: 'revisions', reversed: true });
  const diffArea = h('div', { class: 'diff-area', 'aria-live': 'polite' });
  const element = h('section', { class: 'history', 'aria-label': s.history }, h('h2', {}, s.history), list, diffArea);
  const showDiff = async (from: number, to: number) => {
    try {
      const diff = await api<Diff>('GET', `${params.base}/diff?from=${from}&to=${to}`);
      diffArea.replaceChildren(h('h3', {}, `${s.changesFrom} ${from} → ${to}`), h('h4', {}, s.headline), parts(diff.headline), h('h4', {}, s.lede), parts(diff.lede), h('h4', {}, s.body), parts(diff.body));
    } catch (error) { showError(error); }
  };
  const restore = async (revision: number) => {
    try {
      await api('POST', `${params.base}/revisions/${revision}/restore`, { expectedRevision: params.currentRevision() });
      await params.onRestored();
      showNotice(`${s.done} ${s.restore} ${revision}`);
    } catch (error) { showError(error); }
  };
  return {
    element,
    async refresh() {
      try {
        const { revisions } = await api<{ revisions: Summary[] }>('GET', `${params.base}/revisions`);
        list.replaceChildren(...revisions.map((revision) => h('li', {},
          `${s.revision} ${revision.revision} · ${new Date(revision.createdAt).toLocaleString()} · `, h('span', {}, revision.headline), ' ',
          revision.revision > 0 ? h('button', { type: 'button', class: 'small', onclick: () => void showDiff(revision.revision - 1, revision.revision) }, `${s.compare} (${revision.revision})`) : '',
          revision.revision !== params.currentRevision() ? h('button', { type: 'button', class: 'small secondary', onclick: () => void restore(revision.revision) }, `${s.restore} (${revision.revision})`) : '')));
      } catch (error) { showError(error); }
    },
  };
}
