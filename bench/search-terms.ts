// Where the CPU of a reindex goes, piece by piece, on the first N stories of an archive:
// reading the documents (content's loadSearchDocuments), turning text into words (wordsOf, with
// the Unicode regular expression it replaced as the reference in the same run), stemming, and
// inserting the terms into an in-memory FTS5 table in one transaction. CPU time of this process
// (user + system), not wall time: the machines it runs on are shared.
//
//   node --import tsx bench/search-terms.ts --db bench/.work/search-100000.db [--stories 20000]

import Database from 'better-sqlite3';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/database.ts';
import { listStoryIdsAfter, loadSearchDocuments } from '../src/content/index.ts';
import { normalizeText, wordsOf, stemWord, type SearchDocumentInput } from '../src/search/index.ts';
import { createFtsTableSql } from '../src/search/index-store/generations.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, stories: { type: 'string', default: '20000' } } });
if (!values.db) throw new Error('--db <an archive made by dispatch demo --stories N> is required');
const stories = Number(values.stories);

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
function measure<T>(name: string, work: () => T): T {
  const start = cpuMs();
  const result = work();
  console.log(`${name.padEnd(44)} ${(cpuMs() - start).toFixed(0).padStart(7)} ms CPU`);
  return result;
}

const database = await openDatabase({ kind: 'sqlite', file: values.db });
const loadStart = cpuMs();
const documents: SearchDocumentInput[] = [];
for (let afterId = 0, read = 0; read < stories;) {
  const ids = await listStoryIdsAfter(database.db, afterId, Math.min(2000, stories - read));
  if (ids.length === 0) break;
  documents.push(...(await loadSearchDocuments(database.db, ids)));
  afterId = ids.at(-1)!;
  read += ids.length;
}
console.log(`${`read ${documents.length} language versions`.padEnd(44)} ${(cpuMs() - loadStart).toFixed(0).padStart(7)} ms CPU`);
await database.close();

const texts = documents.map((d) => `${d.headline}\n${d.text}`);
measure('normalizeText', () => texts.map(normalizeText));
// Both word passes count and drop their words, so neither pays for keeping millions of strings.
const referenceCount = measure('words by /[\\p{L}\\p{N}]+/gu (the reference)', () =>
  texts.reduce((sum, t) => sum + (normalizeText(t).match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length <= 64).length, 0));
const scannerCount = measure('wordsOf (the scanner)', () => texts.reduce((sum, t) => sum + wordsOf(t).length, 0));
if (scannerCount !== referenceCount) throw new Error('the scanner and the reference disagree');
const words = texts.map(wordsOf);
const total = scannerCount;
const stems = measure(`stemWord × ${total} words`, () => words.map((list, i) => list.map((w) => stemWord(w, documents[i]!.language)).join(' ')));
const fts = new Database(':memory:');
fts.exec(createFtsTableSql(1, 2026));
const insert = fts.prepare('insert into search_fts_1_2026 (rowid, headline, body, facets) values (?, ?, ?, ?)');
measure('FTS5 insert, one transaction', () => fts.transaction(() => stems.forEach((terms, i) => insert.run(i + 1, '', terms, 'lru')))());
