// Gathers what a ninjs item needs beyond its row (bylines, translations in the subscriber's
// languages, the history of versions) and presents it.

import type { Database } from '../../db/database.ts';
import { presentNinjsItem, itemUri, type NinjsItem, type PubStatus } from './ninjs-item.ts';
import { listWireBylines, listWireHistory, listWireTranslations, type WireScope, type WireVersionRow } from './wire-items.ts';

export interface PresentContext {
  publicUrl: string;
  now: Date;
  scope: WireScope;
}

export async function presentWireItem(database: Database, row: WireVersionRow, context: PresentContext): Promise<NinjsItem> {
  const [bylines, translations] = await Promise.all([
    listWireBylines(database.db, row.storyId, row.language),
    listWireTranslations(database.db, row.storyId, row.language),
  ]);
  return presentNinjsItem(row, {
    publicUrl: context.publicUrl,
    now: context.now,
    bylines,
    translations: translations.filter((t) => context.scope.languages.includes(t.language)),
  });
}

export interface WireVersionSummary {
  version: string;
  versionCreated: string;
  pubStatus: PubStatus;
  action: string;
  edNote?: string;
}

/** The versions of an item, oldest first, and the current item in full. */
export async function presentWireVersions(database: Database, row: WireVersionRow, context: PresentContext): Promise<{ uri: string; versions: WireVersionSummary[]; current: NinjsItem }> {
  const history = await listWireHistory(database.db, row.versionId);
  let version = 1;
  const versions: WireVersionSummary[] = [];
  for (const entry of history) {
    if (entry.action === 'correct' && typeof entry.details.version === 'number') version = entry.details.version;
    const pubStatus: PubStatus = entry.action === 'kill' ? 'canceled' : entry.action === 'unpublish' ? 'withheld' : 'usable';
    const summary: WireVersionSummary = { version: String(version), versionCreated: entry.at, pubStatus, action: entry.action };
    if (entry.action === 'correct' && typeof entry.details.note === 'string') summary.edNote = `CORRECTION: ${entry.details.note}`;
    versions.push(summary);
  }
  return { uri: itemUri(context.publicUrl, row.storyId, row.language), versions, current: await presentWireItem(database, row, context) };
}
