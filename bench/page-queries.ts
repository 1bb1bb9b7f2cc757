// `npm run bench:queries -- --page article`: the SQL one kind of page runs. Opens the benchmark's
// archive (bench/.work, built by `npm run bench`) in-process, requests a sample of pages with
// inject() one after another, and prints per page: statements, rows, and for each statement its
// count, rows and mean and worst time. Sequential and in-process, so the figures hold on a busy
// machine better than a load test's.
//
//   npm run bench:queries -- [--page article|home|rubric|deep] [--stories 100000] [--requests 2000]

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/database.ts';
import { buildTestApp } from '../src/testing/app.ts';
import { pathsOfPage } from './archive-paths.ts';

const WORK_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '.work');

const { values: args } = parseArgs({
  options: {
    page: { type: 'string', default: 'article' },
    stories: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '2000' },
  },
});

interface Statement {
  count: number;
  milliseconds: number;
  worst: number;
}

const archive = path.join(WORK_DIR, `archive-${args.stories}.db`);
if (!existsSync(archive)) throw new Error(`no archive at ${archive}: run \`npm run bench -- --stories ${args.stories}\` first`);
const paths = pathsOfPage(args.page!, archive);
const statements = new Map<string, Statement>();
let counting = false;
const database = await openDatabase({ kind: 'sqlite', file: archive }, {
  onQuery: (event) => {
    if (!counting) return;
    const sql = event.query.sql.replace(/\s+/g, ' ');
    const entry = statements.get(sql) ?? { count: 0, milliseconds: 0, worst: 0 };
    entry.count += 1;
    entry.milliseconds += event.queryDurationMillis;
    entry.worst = Math.max(entry.worst, event.queryDurationMillis);
    statements.set(sql, entry);
  },
});
const { app } = await buildTestApp(database);
const requests = Number(args.requests);
for (let i = 0; i < Math.min(requests, 500); i++) await app.inject({ method: 'GET', url: paths[i % paths.length]! }); // warm-up
counting = true;
let bytes = 0;
const started = performance.now();
for (let i = 0; i < requests; i++) {
  const response = await app.inject({ method: 'GET', url: paths[i % paths.length]! });
  if (response.statusCode !== 200) throw new Error(`${paths[i % paths.length]} answered ${response.statusCode}`);
  bytes += response.body.length;
}
const elapsed = performance.now() - started;
counting = false;
await app.close();
await database.close();

const all = [...statements.values()];
const total = all.reduce((sum, s) => sum + s.count, 0);
const sqlMs = all.reduce((sum, s) => sum + s.milliseconds, 0);
console.log(`${args.page} page, ${requests} sequential requests in-process: ${((elapsed * 1000) / requests).toFixed(0)} µs per page, of which SQL ${((sqlMs * 1000) / requests).toFixed(0)} µs; ${(total / requests).toFixed(2)} statements per page; ${Math.round(bytes / requests)} bytes`);
console.log('\n| statement | per page | mean µs | worst ms |\n|---|---:|---:|---:|');
for (const [sql, s] of [...statements].sort((a, b) => b[1].milliseconds - a[1].milliseconds)) {
  console.log(`| ${sql.length > 150 ? `${sql.slice(0, 150)}…` : sql} | ${(s.count / requests).toFixed(2)} | ${((s.milliseconds * 1000) / s.count).toFixed(1)} | ${s.worst.toFixed(2)} |`);
}
