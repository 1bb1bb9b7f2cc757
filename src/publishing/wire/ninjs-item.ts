// Presents a wire version as a ninjs 3.1 item: the one place that decides what subscribers
// receive. A correction is a new `version` of the same `uri`; a kill is `canceled` and an
// unpublished story `withheld`, both without text; an embargoed story is `withheld` with its text
// and `embargoedUntil` (subscribers get it ahead, as agencies do). Rubrics become IPTC Media
// Topics (or a place); translations are associations with their language.

import { renderDocumentHtml, renderDocumentText, type StoryDocument } from '../../content/index.ts';
import { isPlaceRubric, MEDIA_TOPIC_SCHEME, mediaTopicOf } from './media-topics.ts';
import type { WireVersionRow } from './wire-items.ts';

export const NINJS_SCHEMA_URI = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#';

export type PubStatus = 'usable' | 'withheld' | 'canceled';

export interface NinjsItem {
  uri: string;
  [field: string]: unknown;
}

export interface ItemContext {
  /** The public address of Dispatch, without a trailing slash. */
  publicUrl: string;
  now: Date;
  bylines: Array<{ key: string; name: string }>;
  translations: Array<{ language: string; headline: string; status: string }>;
}

export function itemId(storyId: number, language: string): string {
  return `${storyId}-${language}`;
}

export function itemUri(publicUrl: string, storyId: number, language: string): string {
  return `${publicUrl}/api/wire/items/${itemId(storyId, language)}`;
}

export function isEmbargoed(row: Pick<WireVersionRow, 'embargoUntil'>, now: Date): boolean {
  return row.embargoUntil !== null && Date.parse(row.embargoUntil) > now.getTime();
}

export function pubStatusOf(row: Pick<WireVersionRow, 'status' | 'embargoUntil'>, now: Date): PubStatus {
  if (row.status === 'killed') return 'canceled';
  if (row.status === 'unpublished' || isEmbargoed(row, now)) return 'withheld';
  return 'usable';
}

/** IPTC urgency runs 1 (most urgent) to 9; ours 1 (flash) to 5 (routine). */
export function ninjsUrgency(urgency: number): number {
  return Math.min(9, Math.max(1, urgency * 2 - 1));
}

/** When this version came to be: its correction, its take-down, or its publication. */
export function versionCreatedOf(row: WireVersionRow): string {
  if (row.status === 'killed' || row.status === 'unpublished') return row.updatedAt;
  return row.correctedAt ?? row.publishedAt ?? row.updatedAt;
}

export function presentNinjsItem(row: WireVersionRow, context: ItemContext): NinjsItem {
  const pubStatus = pubStatusOf(row, context.now);
  const hasText = row.status === 'published' || row.status === 'corrected';
  const topic = mediaTopicOf(row.rubricKey);
  const rubricName = row.rubricName ?? row.rubricKey;
  const item: NinjsItem = {
    uri: itemUri(context.publicUrl, row.storyId, row.language),
    standard: { name: 'ninjs', version: '3.1', schema: NINJS_SCHEMA_URI },
    type: 'text',
    representationType: hasText ? 'full' : 'partial',
    profile: 'dispatch-story',
    version: String(row.version),
    firstCreated: row.firstPublishedAt ?? row.createdAt,
    versionCreated: versionCreatedOf(row),
    contentCreated: row.createdAt,
    pubStatus,
    urgency: ninjsUrgency(row.urgency),
    language: row.language,
    headlines: [{ role: 'main', contentType: 'text/plain', value: row.headline }],
    altIds: [{ role: 'dispatch-story-id', value: String(row.storyId) }],
  };
  if (isEmbargoed(row, context.now)) item.embargoedUntil = row.embargoUntil;
  if (hasText) {
    const document = JSON.parse(row.body) as StoryDocument;
    const text = renderDocumentText(document);
    item.descriptions = [{ role: 'summary', contentType: 'text/plain', value: row.lede }];
    item.bodies = [{
      role: 'main', contentType: 'text/html', value: renderDocumentHtml(document),
      charCount: text.length, wordCount: text.split(/\s+/u).filter((w) => w !== '').length,
    }];
  }
  if (context.bylines.length > 0) {
    item.by = context.bylines.map((b) => b.name).join(', ');
    item.people = context.bylines.map((b) => ({ name: b.name, rel: 'author', literal: b.key }));
  }
  const subjects: Array<Record<string, string>> = [];
  if (topic) subjects.push({ name: topic.name, rel: 'about', uri: `${MEDIA_TOPIC_SCHEME}${topic.code}`, literal: `medtop:${topic.code}` });
  if (isPlaceRubric(row.rubricKey)) item.places = [{ name: rubricName, rel: 'about', literal: `dispatch-rubric:${row.rubricKey}` }];
  else subjects.push({ name: rubricName, rel: 'rubric', literal: `dispatch-rubric:${row.rubricKey}` });
  if (subjects.length > 0) item.subjects = subjects;
  if (row.status === 'killed') item.edNote = 'KILL: this story was withdrawn; do not use it and remove it wherever it was used.';
  else if (row.status === 'unpublished') item.edNote = 'WITHHOLD: this story was taken down for now; do not use it until a new version says otherwise.';
  else if (row.correctionNote) item.edNote = `CORRECTION: ${row.correctionNote}`;
  if (context.translations.length > 0) {
    item.associations = context.translations.map((t) => ({
      name: t.headline,
      rel: 'translation',
      uri: itemUri(context.publicUrl, row.storyId, t.language),
      type: 'text',
      language: t.language,
      pubStatus: pubStatusOf({ status: t.status, embargoUntil: row.embargoUntil }, context.now),
    }));
  }
  return item;
}
