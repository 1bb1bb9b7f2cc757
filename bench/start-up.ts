// Start-up and resident memory at archive sizes (issue 7): for each archive (an empty database as
// the reference, then the given archives, each a copy of its own), starts `dispatch serve
// --workers W` as `npm start` does, measures the time from spawning the command to the first 200
// answer on `/en/` (and to its "running" line), then drives random story pages and the language
// homes with wrk for a few seconds and reads each process's resident memory from /proc (total,
// private, and file-backed: the node binary and the database's memory map, shared with other
// processes). The empty archive gives, in the same run, the part of start-up that is Node
// loading its modules on this machine; what grows with the archive is the difference. The server
// runs the build in dist/ (which must be fresh: `npm run build`) and, with `--run build,sources`,
// also the TypeScript sources through tsx, as a developer's checkout does before a build.
//
//   flock /tmp/dispatch-bench.lock node --import tsx bench/start-up.ts -- \
//     --archive bench/.work/archive-100000.db --archive bench/.work/archive-1000000.db --workers 1,2

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import BetterSqlite3 from 'better-sqlite3';
import { freePort, DISPATCH_BIN, runCli } from '../src/testing/cli.ts';
import { runWrk } from './wrk.ts';
import { serverBuild } from '../bin/build-freshness.js';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const WORK = path.join(BENCH_DIR, '.work', 'start-up');
/** The flags `npm start` gives Node. */
const NODE_FLAGS = ['--max-semi-space-size=16'];

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    archive: { type: 'string', multiple: true, default: [] },
    workers: { type: 'string', default: '1,2' },
    seconds: { type: 'string', default: '5' },
    run: { type: 'string', default: 'build' },
  },
});

type Code = 'build' | 'sources';

interface ProcessMemory {
  pid: number;
  role: string;
  rssMb: number;
  anonMb: number;
  fileMb: number;
}

interface Measurement {
  archive: string;
  stories: number;
  workers: number;
  /** What `bin/dispatch.js` ran: the build in dist/ or the sources through tsx. */
  code: Code;
  firstAnswerMs: number;
  runningLineMs: number;
  /** CPU time (user + system) the server's processes had used by their first answer. */
  cpuToFirstAnswerMs: number;
  memory: ProcessMemory[];
}

function countStories(file: string): number {
  const sqlite = new BetterSqlite3(file, { readonly: true });
  try {
    return (sqlite.prepare('select count(*) as n from stories').get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

function samplePaths(file: string): string[] {
  const sqlite = new BetterSqlite3(file, { readonly: true });
  try {
    const rows = sqlite.prepare(
      `select v.language, rn.slug as rubric, v.story_id, v.slug from story_versions v
       join rubric_names rn on rn.rubric_id = v.rubric_id and rn.language = v.language
       where v.status in ('published', 'corrected') and v.story_id in (select id from stories order by random() limit 2000)`,
    ).all() as Array<{ language: string; rubric: string; story_id: number; slug: string }>;
    return [...rows.map((row) => `/${row.language}/${row.rubric}/${row.story_id}-${row.slug}`), '/ru/', '/en/', '/be/'];
  } finally {
    sqlite.close();
  }
}

/** A private copy (the server migrates, creates its administrator and writes jobs into it). */
async function copyArchive(source: string): Promise<string> {
  mkdirSync(WORK, { recursive: true });
  const copy = path.join(WORK, path.basename(source));
  if (!existsSync(copy)) {
    process.stderr.write(`copying ${source}...\n`);
    const sqlite = new BetterSqlite3(source, { readonly: true });
    try {
      await sqlite.backup(`${copy}.part`);
    } finally {
      sqlite.close();
    }
    renameSync(`${copy}.part`, copy);
  }
  return copy;
}

function memoryOf(pid: number, role: string): ProcessMemory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { pid, role, rssMb: kb('VmRSS') / 1024, anonMb: kb('RssAnon') / 1024, fileMb: kb('RssFile') / 1024 };
  } catch {
    return undefined;
  }
}

/** User + system CPU time of a process, in ms (Linux counts it in ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function measure(file: string, workers: number, code: Code, seconds: number): Promise<Measurement> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [...NODE_FLAGS, DISPATCH_BIN, 'serve', '--workers', String(workers)], {
    env: { ...process.env, DATABASE_URL: file, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DISPATCH_DEMO: 'false', DISPATCH_RUN: code },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let runningLineMs = NaN;
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (Number.isNaN(runningLineMs) && stderr.includes('Dispatch is running at')) runningLineMs = performance.now() - started;
  });
  let firstAnswerMs = NaN;
  while (Number.isNaN(firstAnswerMs)) {
    if (child.exitCode !== null) throw new Error(`dispatch serve exited: ${stderr}`);
    try {
      const response = await fetch(`${url}/en/`);
      await response.arrayBuffer();
      if (response.status === 200) firstAnswerMs = performance.now() - started;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  const cpuToFirstAnswerMs = [child.pid!, ...childrenOf(child.pid!)].reduce((sum, pid) => sum + cpuMsOf(pid), 0);
  await runWrk({ url, paths: samplePaths(file), seconds, connections: 16 });
  const memory = [memoryOf(child.pid!, workers > 1 ? 'primary' : 'server')];
  for (const pid of childrenOf(child.pid!)) memory.push(memoryOf(pid, 'worker'));
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('close', resolve));
  return { archive: path.basename(file), stories: countStories(file), workers, code, firstAnswerMs, runningLineMs, cpuToFirstAnswerMs, memory: memory.filter((m): m is ProcessMemory => m !== undefined) };
}

async function emptyArchive(): Promise<string> {
  mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, 'empty.db');
  rmSync(file, { force: true });
  const migrated = await runCli(['db', 'migrate'], { env: { DATABASE_URL: file } });
  if (migrated.code !== 0) throw new Error(migrated.stderr);
  return file;
}

function formatTable(rows: Measurement[]): string {
  const mb = (n: number) => n.toFixed(0);
  const lines = [
    '| archive | stories | code | workers | first answer ms | "running" line ms | CPU ms used by then (all processes) | per process: RSS MB (private + file-backed) |',
    '|---|---:|---|---:|---:|---:|---:|---|',
  ];
  for (const row of rows) {
    const memory = row.memory.map((m) => `${m.role} ${mb(m.rssMb)} (${mb(m.anonMb)} + ${mb(m.fileMb)})`).join('; ');
    lines.push(`| ${row.archive} | ${row.stories.toLocaleString('en-US')} | ${row.code} | ${row.workers} | ${row.firstAnswerMs.toFixed(0)} | ${row.runningLineMs.toFixed(0)} | ${row.cpuToFirstAnswerMs.toFixed(0)} | ${memory} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const seconds = Number(args.seconds);
  const workerCounts = args.workers.split(',').map(Number);
  const codes = args.run.split(',') as Code[];
  if (codes.some((code) => code !== 'build' && code !== 'sources')) throw new Error('--run takes build, sources or both');
  if (codes.includes('build') && serverBuild().state !== 'fresh') throw new Error(`the build in dist/ is ${serverBuild().state}: run npm run build first`);
  const archives = [await emptyArchive()];
  for (const archive of args.archive) archives.push(await copyArchive(archive));
  const rows: Measurement[] = [];
  const load = loadavg()[0]!.toFixed(1);
  for (const file of archives) {
    // A first start of each copy creates its administrator: done once, untimed.
    await measure(file, 1, codes[0]!, 1);
    for (const code of codes) {
      for (const workers of workerCounts) {
        const row = await measure(file, workers, code, seconds);
        rows.push(row);
        process.stderr.write(`${formatTable([row]).split('\n').at(-1)}\n`);
      }
    }
  }
  const when = new Date().toISOString();
  const machine = `2 cores shared with other work (load average ${load} at the start)`;
  const report = `# Start-up and memory ${when}\n\nnode ${NODE_FLAGS.join(' ')} bin/dispatch.js serve --workers W on a copy of each SQLite archive, running the build in dist/ or the TypeScript sources through tsx (code); time from spawning the command to the first 200 on /en/, and the CPU time its processes had used by then (what the wall time would be on an idle machine, roughly, less any waiting for the disk); resident memory per process after ${seconds} s of wrk (16 connections, random story pages and the language homes); ${machine}.\n\n${formatTable(rows)}\n`;
  writeFileSync(path.join(BENCH_DIR, 'results', 'start-up-latest.md'), report);
  writeFileSync(path.join(BENCH_DIR, 'results', `start-up-${when.replace(/[:.]/g, '').slice(0, 17)}.json`), `${JSON.stringify({ when, machine, rows }, null, 2)}\n`);
  process.stdout.write(report);
}

await main();
