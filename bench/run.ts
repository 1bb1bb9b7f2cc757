// `npm run bench`: starts Dispatch on a generated archive, loads each page type with wrk on
// 127.0.0.1, and records req/s and latency percentiles beside the ceiling measured in the same
// run: plain node:http answering the same article bytes from memory. Results go to
// bench/results/ (one JSON file per run and latest.md).
//
// With the page cache: article hits and misses (a different story each request), homes, rubric
// pages and RSS served from memory, search uncached; then how soon a publication shows on its
// page, rubric page, home and feed, and the server's resident memory.
//
//   npm run bench -- [--stories 100000] [--duration 10] [--connections 64] [--fresh]

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort, runCli, startServer } from '../src/testing/cli.ts';
import { runWrk, type WrkResult } from './wrk.ts';
import { rubricPaths, sampleStoryPaths } from './archive-paths.ts';
import { largestResidentMb } from './resident-memory.ts';
import { measurePublishVisibility } from './publish-visibility.ts';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const WORK_DIR = path.join(BENCH_DIR, '.work');
const RESULTS_DIR = path.join(BENCH_DIR, 'results');

const { values: args } = parseArgs({
  options: {
    stories: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    fresh: { type: 'boolean', default: false },
  },
});
const STORIES = Number(args.stories);
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);

function ensureWrk(): void {
  if (spawnSync('sh', ['-c', 'command -v wrk'], { stdio: 'ignore' }).status === 0) return;
  if (process.getuid?.() === 0) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
    spawnSync('apt-get', ['install', '-y', '-qq', 'wrk'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  if (spawnSync('sh', ['-c', 'command -v wrk'], { stdio: 'ignore' }).status !== 0) {
    throw new Error('the benchmark needs wrk: install Debian\'s wrk package (apt-get install wrk)');
  }
}

/** The archive: the demo agency plus STORIES synthetic stories, generated once and reused. */
async function prepareArchive(): Promise<string> {
  mkdirSync(WORK_DIR, { recursive: true });
  const file = path.join(WORK_DIR, `archive-${STORIES}.db`);
  if (existsSync(file) && !args.fresh) return file;
  for (const suffix of ['', '-wal', '-shm']) spawnSync('rm', ['-f', `${file}${suffix}`]);
  const env = { DATABASE_URL: file, MEDIA_DIR: path.join(WORK_DIR, 'media') };
  const demo = await runCli(['demo'], { env, timeoutMs: 120_000 });
  if (demo.code !== 0) throw new Error(`loading the demo agency failed: ${demo.stderr}`);
  process.stderr.write(`generating ${STORIES.toLocaleString('en-US')} synthetic stories...\n`);
  const synthetic = await runCli(['demo', '--stories', String(STORIES), '--quiet'], { env, timeoutMs: 1_200_000 });
  if (synthetic.code !== 0) throw new Error(`generating stories failed: ${synthetic.stderr}`);
  process.stderr.write(synthetic.stdout);
  return file;
}

function startCeiling(port: number, body: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(BENCH_DIR, 'ceiling-server.mjs'), String(port)], { stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdin!.end(body);
    child.stdout!.once('data', () => resolve(child));
    child.once('error', reject);
  });
}

interface Row {
  name: string;
  result: WrkResult;
}

function formatTable(rows: Row[], ceiling: WrkResult): string {
  const lines = [
    '| page | req/s | of ceiling | p50 ms | p90 ms | p99 ms | errors |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { name, result } of rows) {
    lines.push(
      `| ${name} | ${Math.round(result.requestsPerSecond).toLocaleString('en-US')} | ${((result.requestsPerSecond / ceiling.requestsPerSecond) * 100).toFixed(1)}% | ${result.p50.toFixed(2)} | ${result.p90.toFixed(2)} | ${result.p99.toFixed(2)} | ${result.errors} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  ensureWrk();
  const loadBefore = loadavg().map((n) => n.toFixed(1)).join(' ');
  const archive = await prepareArchive();
  // Misses need a story never asked for before on every request: enough for the warm-up and the pass.
  const storyPaths = sampleStoryPaths(archive, Math.min(60_000, STORIES));
  const missWarmUp = storyPaths.slice(0, 5_000);
  const missPass = storyPaths.slice(5_000);
  const hitPaths = storyPaths.slice(0, 200);
  const port = await freePort();
  // The same V8 setting as `npm start`: a larger young generation, fewer scavenges per request.
  const server = await startServer({
    env: { DATABASE_URL: archive, MEDIA_DIR: path.join(WORK_DIR, 'media'), LOG_LEVEL: 'warn', NODE_OPTIONS: '--max-semi-space-size=32' },
    port,
    timeoutMs: 120_000,
  });
  const rows: Row[] = [];
  let ceiling: WrkResult;
  let residentMb: number | undefined;
  try {
    const articleBody = await (await fetch(`${server.url}${storyPaths[0]}`)).text();
    const ceilingPort = await freePort();
    const ceilingServer = await startCeiling(ceilingPort, articleBody);
    try {
      // Each pass warms up right before it is timed: the kernel pages out memory left idle.
      await runWrk({ url: `http://127.0.0.1:${ceilingPort}/`, seconds: 3, connections: CONNECTIONS });
      ceiling = await runWrk({ url: `http://127.0.0.1:${ceilingPort}/`, seconds: DURATION, connections: CONNECTIONS });
      rows.push({ name: `ceiling: node:http, the same ${Math.round(Buffer.byteLength(articleBody) / 1024)} KB article from memory`, result: ceiling });
    } finally {
      ceilingServer.kill();
    }
    const rubrics = rubricPaths(archive);
    const passes: Array<{ name: string; paths: string[]; warmUp?: string[]; sequential?: boolean }> = [
      { name: 'article page, cache hit (200 stories)', paths: hitPaths },
      { name: 'article page, cache miss (a different story each request)', paths: missPass, warmUp: missWarmUp, sequential: true },
      { name: 'language home (news feed), cached', paths: ['/ru/', '/en/', '/be/'] },
      { name: 'rubric page, first page, cached', paths: rubrics.first },
      ...(rubrics.deep.length > 0 ? [{ name: 'rubric page 500, or the last (keyset cursor), cached', paths: rubrics.deep }] : []),
      { name: 'RSS of a language, cached', paths: ['/ru/rss.xml', '/en/rss.xml', '/be/rss.xml'] },
      { name: 'search (uncached)', paths: ['/ru/search?q=%D1%8D%D0%BA%D0%BE%D0%BD%D0%BE%D0%BC%D0%B8%D0%BA%D0%B0', '/en/search?q=economy', '/en/search?q=minsk+trade'] },
      { name: '/healthz', paths: ['/healthz'] },
    ];
    for (const pass of passes) {
      await runWrk({ url: server.url, paths: pass.warmUp ?? pass.paths, seconds: 3, connections: CONNECTIONS, sequential: pass.sequential });
      rows.push({ name: pass.name, result: await runWrk({ url: server.url, paths: pass.paths, seconds: DURATION, connections: CONNECTIONS, sequential: pass.sequential }) });
    }
    residentMb = server.pid === undefined ? undefined : largestResidentMb(server.pid);
  } finally {
    await server.stop();
  }
  const visibility = await measurePublishVisibility(archive, path.join(WORK_DIR, 'media'), 5);

  const when = new Date().toISOString();
  const machine = `${availableParallelism()} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const table = formatTable(rows, ceiling!);
  const extra = [
    `- a published story on its page, rubric page, home and RSS: ${visibility.map((ms) => ms.toFixed(1)).join(', ')} ms after the publish command returned (${visibility.length} publications, pages cached before each)`,
    `- resident memory of the server process after the passes: ${residentMb === undefined ? 'unknown' : `${Math.round(residentMb)} MB`}`,
  ].join('\n');
  const report = `# Benchmark ${when}\n\n${STORIES.toLocaleString('en-US')} synthetic stories plus the demo agency in SQLite; wrk -t1 -c${CONNECTIONS} -d${DURATION}s on 127.0.0.1 after a 3 s warm-up per pass; ${machine}; load average before the run ${loadBefore}.\n\n${table}\n\n${extra}\n`;
  process.stdout.write(`\n${report}`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, 'latest.md'), report);
  writeFileSync(
    path.join(RESULTS_DIR, `${when.slice(0, 19).replace(/:/g, '')}.json`),
    `${JSON.stringify({ when, machine, stories: STORIES, connections: CONNECTIONS, seconds: DURATION, rows, publishVisibleMs: visibility, residentMb }, null, 2)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exit(1);
});
