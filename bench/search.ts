// `npm run bench:search`: archive search over N synthetic stories (default 1,000,000) on SQLite
// and PostgreSQL. Builds each archive once (`dispatch demo --stories N`, which also builds the
// index, then a timed `dispatch search reindex`), then runs a fixed mix of queries in-process
// through searchStories, as the site calls it, one client: a common word, a rare word, two
// words, a phrase, a word with a rubric filter and page 50. Beside it, the reference: one bare
// FTS5 BM25 query on the newest year table, the simplest program doing that part of the work.
// Results go to bench/results/search-<time>.json and search-latest.md.
//
//   npm run bench:search -- [--stories 1000000] [--dialect sqlite|postgres|both] [--fresh] [--skip-reindex]

import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import BetterSqlite3 from 'better-sqlite3';
import { runCli } from '../src/testing/cli.ts';
import { testPostgresUrl } from '../src/testing/databases.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import type { DatabaseTarget } from '../src/db/database-url.ts';
import { searchStories, type SearchOptions } from '../src/search/index.ts';
import { seededRandom } from '../src/demo/synthetic/synthetic-text.ts';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const WORK_DIR = path.join(BENCH_DIR, '.work');
const RESULTS_DIR = path.join(BENCH_DIR, 'results');

const { values: args } = parseArgs({
  options: {
    stories: { type: 'string', default: '1000000' },
    dialect: { type: 'string', default: 'both' },
    fresh: { type: 'boolean', default: false },
    'skip-reindex': { type: 'boolean', default: false },
    queries: { type: 'string', default: '200' },
  },
});
const STORIES = Number(args.stories);
const QUERIES = Number(args.queries);
const DIALECTS = args.dialect === 'both' ? (['sqlite', 'postgres'] as const) : ([args.dialect] as Array<'sqlite' | 'postgres'>);

interface Archive {
  target: DatabaseTarget;
  url: string;
  buildSeconds: number | undefined;
  reindexSeconds: number | undefined;
}

async function prepareArchive(dialect: 'sqlite' | 'postgres'): Promise<Archive> {
  mkdirSync(WORK_DIR, { recursive: true });
  let target: DatabaseTarget;
  let url: string;
  let exists: boolean;
  if (dialect === 'sqlite') {
    const file = path.join(WORK_DIR, `search-${STORIES}.db`);
    target = { kind: 'sqlite', file };
    url = file;
    exists = existsSync(file);
    if (exists && args.fresh) for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    exists = exists && !args.fresh;
  } else {
    const schema = `bench_search_${STORIES}`;
    target = { kind: 'postgres', url: testPostgresUrl(), schema };
    url = `${testPostgresUrl()}?schema=${schema}`;
    const client = new pg.Client({ connectionString: testPostgresUrl() });
    await client.connect();
    if (args.fresh) await client.query(`drop schema if exists "${schema}" cascade`);
    const found = await client.query('select 1 from information_schema.schemata where schema_name = $1', [schema]);
    exists = found.rowCount === 1;
    if (!exists) await client.query(`create schema "${schema}"`);
    await client.end();
  }
  const env = { DATABASE_URL: url, MEDIA_DIR: path.join(WORK_DIR, 'media') };
  let buildSeconds: number | undefined;
  let reindexSeconds: number | undefined;
  if (!exists) {
    process.stderr.write(`[${dialect}] generating ${STORIES.toLocaleString('en-US')} synthetic stories and their index...\n`);
    const started = Date.now();
    const demo = await runCli(['demo', '--stories', String(STORIES), '--quiet'], { env, timeoutMs: 3_600_000 });
    if (demo.code !== 0) throw new Error(`generating stories failed: ${demo.stderr}`);
    process.stderr.write(demo.stdout);
    buildSeconds = (Date.now() - started) / 1000;
    // `demo --stories` ends with the same rebuild `dispatch search reindex` runs.
    reindexSeconds = Number(/Indexed \d+ language versions for search in ([\d.]+) s/.exec(demo.stdout)?.[1]);
  }
  if (!args['skip-reindex']) {
    process.stderr.write(`[${dialect}] dispatch search reindex...\n`);
    const reindex = await runCli(['search', 'reindex', '--quiet'], { env, timeoutMs: 3_600_000 });
    if (reindex.code !== 0) throw new Error(`reindex failed: ${reindex.stderr}`);
    process.stderr.write(reindex.stdout);
    reindexSeconds = Number(/in ([\d.]+) s/.exec(reindex.stdout)?.[1]);
  }
  return { target, url, buildSeconds, reindexSeconds };
}

type Kind = 'common word' | 'rare word' | 'two words' | 'phrase' | 'rubric filter' | 'page 50';
const KINDS: Kind[] = ['common word', 'rare word', 'two words', 'phrase', 'rubric filter', 'page 50'];

/** The fixed mix: the same seed gives the same queries on both databases. */
function queryMix(rubricIds: number[]): Array<{ kind: Kind; options: Omit<SearchOptions, 'audience'> }> {
  const random = seededRandom(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const common = ['сотрудничество', 'сотрудничества', 'производство', 'проекте', 'партнерами', 'результаты'];
  const second = ['Гродно', 'Минске', 'электробусов', 'удобрений', 'больниц', 'инженеров', 'вокзала'];
  const phrases = ['"Национальный банк"', '"строительство жилья"', '"ремонт дорог"', '"научные исследования"', '"малых городов"'];
  const mix: Array<{ kind: Kind; options: Omit<SearchOptions, 'audience'> }> = [];
  for (let i = 0; i < QUERIES; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const base = { language: 'ru' };
    if (kind === 'common word') mix.push({ kind, options: { ...base, query: pick(common) } });
    // Headlines carry the story's serial number: a term in exactly one story.
    else if (kind === 'rare word') mix.push({ kind, options: { ...base, query: String(1000 + Math.floor(random() * (STORIES - 1000))) } });
    else if (kind === 'two words') mix.push({ kind, options: { ...base, query: `${pick(common)} ${pick(second)}` } });
    else if (kind === 'phrase') mix.push({ kind, options: { ...base, query: pick(phrases) } });
    else if (kind === 'rubric filter') mix.push({ kind, options: { ...base, query: pick(common), rubricId: pick(rubricIds) } });
    else mix.push({ kind, options: { ...base, query: pick(common), page: 50 } });
  }
  return mix;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Figures { n: number; p50: number; p95: number; p99: number; max: number }
function figures(samples: number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN };
}

async function measure(database: Database): Promise<{ overall: Figures; byKind: Record<string, Figures>; found: Record<string, number> }> {
  const rubricIds = (await database.db.selectFrom('rubrics').select('id').execute()).map((r) => r.id);
  const mix = queryMix(rubricIds);
  const context = { database, clock: () => new Date() };
  // Warm up right before the timed pass: the kernel pages out memory left idle (limits.md).
  for (const { options } of mix) await searchStories(context, { ...options, audience: 'public' });
  const samples: number[] = [];
  const byKind: Record<string, number[]> = {};
  const found: Record<string, number> = {};
  for (const { kind, options } of mix) {
    const started = performance.now();
    const page = await searchStories(context, { ...options, audience: 'public' });
    const ms = performance.now() - started;
    samples.push(ms);
    (byKind[kind] ??= []).push(ms);
    found[kind] = (found[kind] ?? 0) + page.results.length;
  }
  return { overall: figures(samples), byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, figures(v)])), found };
}

/** The reference: one bare BM25 query on the newest year's FTS5 table, top 20. */
function sqliteReference(file: string): Figures {
  const sqlite = new BetterSqlite3(file, { readonly: true });
  const { generation } = sqlite.prepare("select generation from search_generations where state = 'live'").get() as { generation: number };
  const { year } = sqlite.prepare('select max(year) as year from search_years where generation = ?').get(generation) as { year: number };
  const statement = sqlite.prepare(`select rowid from search_fts_${generation}_${year} where search_fts_${generation}_${year} match ? order by rank limit 20`);
  const terms = ['"сотрудничеств"', '"производств"', '"проект"', '"партнер"'];
  for (const term of terms) statement.all(term);
  const samples: number[] = [];
  for (let i = 0; i < 100; i++) {
    const started = performance.now();
    statement.all(terms[i % terms.length]);
    samples.push(performance.now() - started);
  }
  sqlite.close();
  return figures(samples);
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');

async function main() {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const runs: Record<string, unknown> = {};
  const lines: string[] = [];
  for (const dialect of DIALECTS) {
    const archive = await prepareArchive(dialect);
    const database = await openDatabase(archive.target);
    try {
      const result = await measure(database);
      const reference = dialect === 'sqlite' && archive.target.kind === 'sqlite' ? sqliteReference(archive.target.file) : undefined;
      runs[dialect] = { ...result, reference, buildSeconds: archive.buildSeconds, reindexSeconds: archive.reindexSeconds };
      lines.push(`### ${dialect}`, '', '| queries | n | p50 ms | p95 ms | p99 ms | max ms | results |', '|---|---|---|---|---|---|---|');
      lines.push(`| **whole mix** | ${result.overall.n} | ${ms(result.overall.p50)} | **${ms(result.overall.p95)}** | ${ms(result.overall.p99)} | ${ms(result.overall.max)} | |`);
      for (const kind of KINDS) {
        const f = result.byKind[kind]!;
        lines.push(`| ${kind} | ${f.n} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p99)} | ${ms(f.max)} | ${result.found[kind]} |`);
      }
      if (reference) lines.push(`| reference: bare FTS5 BM25 top 20, newest year table, common word | ${reference.n} | ${ms(reference.p50)} | ${ms(reference.p95)} | ${ms(reference.p99)} | ${ms(reference.max)} | |`);
      lines.push('', `Reindex (\`dispatch search reindex\`): ${archive.reindexSeconds === undefined ? 'not run' : `${archive.reindexSeconds.toFixed(0)} s`}` +
        (archive.buildSeconds === undefined ? '' : `; building the archive (generation + first index): ${archive.buildSeconds.toFixed(0)} s`) + '.', '');
    } finally {
      await database.close();
    }
  }
  const stamp = new Date().toISOString().replace(/[:-]/g, '').replace(/\.\d+Z$/, '');
  const machine = `${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`;
  writeFileSync(path.join(RESULTS_DIR, `search-${stamp}.json`), `${JSON.stringify({ stories: STORIES, queries: QUERIES, machine, date: new Date().toISOString(), runs }, null, 2)}\n`);
  const markdown = [`# Search benchmark, ${STORIES.toLocaleString('en-US')} synthetic stories`, '', `${new Date().toISOString()}, ${machine}.`,
    `One client, in-process \`searchStories\` (audience public, language ru, top 20), ${QUERIES} queries in a fixed mix; a warm-up pass right before the timed one.`, '', ...lines].join('\n');
  writeFileSync(path.join(RESULTS_DIR, 'search-latest.md'), `${markdown}\n`);
  process.stdout.write(`${markdown}\n`);
}

await main();
