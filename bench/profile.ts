// `npm run bench:profile -- --page article`: where one kind of page spends its time. Starts
// `dispatch serve` on the benchmark's archive (bench/.work, built by `npm run bench`) under
// `--cpu-prof`, loads it with wrk for a bounded time after a warm-up, and prints per request:
// CPU time of the server process (from /proc), page faults (the process's and the machine's),
// SQL statements and their time (from /metrics), and the profile's self time summed by module and
// by function (self, and inclusive of what it calls), counting only the samples taken during the timed pass.
//
//   npm run bench:profile -- [--page article|miss|home|rubric|deep] [--stories 100000] [--duration 10] [--connections 32]

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { freePort, startServer } from '../src/testing/cli.ts';
import { runWrk } from './wrk.ts';
import { pathsOfPage, sampleStoryPaths } from './archive-paths.ts';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const WORK_DIR = path.join(BENCH_DIR, '.work');
const SOURCE_ROOT = path.dirname(BENCH_DIR);

const { values: args } = parseArgs({
  options: {
    page: { type: 'string', default: 'article' },
    stories: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    top: { type: 'string', default: '25' },
  },
});

interface ProcessCounters {
  cpuSeconds: number;
  minorFaults: number;
  majorFaults: number;
}

const CLOCK_TICKS = 100;

function processCounters(pid: number): ProcessCounters {
  // Fields after the command name (which may hold spaces): see proc(5).
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { minorFaults: Number(fields[7]), majorFaults: Number(fields[9]), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS };
}

function machineMajorFaults(): number {
  const line = readFileSync('/proc/vmstat', 'utf8').split('\n').find((l) => l.startsWith('pgmajfault '));
  return Number(line?.split(' ')[1] ?? 0);
}

interface ServerCounters {
  queries: number;
  querySeconds: number;
  /** Garbage collection time by kind (minor, major, incremental, weakcb), in seconds. */
  gcSeconds: Record<string, number>;
  /** The event loop's delay since the last reading (prom-client resets it on each), in seconds. */
  loopDelay: { p50: number; p99: number; max: number };
}

/** The server's own counters from /metrics. */
async function serverCounters(url: string): Promise<ServerCounters> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const counters: ServerCounters = { queries: 0, querySeconds: 0, gcSeconds: {}, loopDelay: { p50: 0, p99: 0, max: 0 } };
  for (const line of text.split('\n')) {
    const value = Number(line.split(' ').pop());
    if (line.startsWith('dispatch_db_query_duration_seconds_count')) counters.queries += value;
    else if (line.startsWith('dispatch_db_query_duration_seconds_sum')) counters.querySeconds += value;
    else if (line.startsWith('nodejs_gc_duration_seconds_sum')) counters.gcSeconds[/kind="([^"]+)"/.exec(line)?.[1] ?? '?'] = value;
    else if (line.startsWith('nodejs_eventloop_lag_p50_seconds ')) counters.loopDelay.p50 = value;
    else if (line.startsWith('nodejs_eventloop_lag_p99_seconds ')) counters.loopDelay.p99 = value;
    else if (line.startsWith('nodejs_eventloop_lag_max_seconds ')) counters.loopDelay.max = value;
  }
  return counters;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives, in a few words: a package, a Node internal, or a file of Dispatch. */
function moduleOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch) return packageMatch[1]!;
  const local = url.replace(/^file:\/\//, '');
  return local.startsWith(SOURCE_ROOT) ? local.slice(SOURCE_ROOT.length + 1) : local;
}

function nameOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${moduleOf(url, functionName)}${url ? `:${lineNumber + 1}` : ''}`;
}

/** Self time in microseconds by module and by function, of the samples taken in [from, to] (µs, monotonic). */
function selfTimes(profile: CpuProfile, from: number, to: number) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const modules = new Map<string, number>();
  const functions = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let time = profile.startTime;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    time += profile.timeDeltas[i]!;
    if (time < from || time > to) continue;
    const delta = profile.timeDeltas[i + 1] ?? 0;
    const node = byId.get(profile.samples[i]!)!;
    if (node.callFrame.functionName === '(idle)') continue;
    const module = moduleOf(node.callFrame.url, node.callFrame.functionName);
    modules.set(module, (modules.get(module) ?? 0) + delta);
    const name = nameOf(node);
    functions.set(name, (functions.get(name) ?? 0) + delta);
    // Inclusive: once for each function on the sample's stack, however often it recurs there.
    const onStack = new Set<string>();
    for (let at: ProfileNode | undefined = node; at; at = byId.get(parents.get(at.id) ?? -1)) onStack.add(nameOf(at));
    for (const caller of onStack) inclusive.set(caller, (inclusive.get(caller) ?? 0) + delta);
    total += delta;
  }
  return { modules, functions, inclusive, total };
}

async function main(): Promise<void> {
  const archive = path.join(WORK_DIR, `archive-${args.stories}.db`);
  if (!existsSync(archive)) throw new Error(`no archive at ${archive}: run \`npm run bench -- --stories ${args.stories}\` first`);
  const seconds = Number(args.duration);
  const connections = Number(args.connections);
  // A cache miss on every request: each story asked for once, in order, the warm-up on others.
  const isMiss = args.page === 'miss';
  const missPaths = isMiss ? sampleStoryPaths(archive, 60_000) : [];
  const paths = isMiss ? missPaths.slice(10_000) : pathsOfPage(args.page!, archive);
  const warmUpPaths = isMiss ? missPaths.slice(0, 10_000) : paths;
  const profileDir = mkdtempSync(path.join(tmpdir(), 'dispatch-profile-'));
  const server = await startServer({
    env: {
      DATABASE_URL: archive,
      MEDIA_DIR: path.join(WORK_DIR, 'media'),
      LOG_LEVEL: 'warn',
    },
    nodeArgs: ['--max-semi-space-size=16', '--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=250'],
    port: await freePort(),
    timeoutMs: 120_000,
  });
  let from = 0;
  let to = 0;
  let result;
  let before: ProcessCounters;
  let after: ProcessCounters;
  let machineFaults: number;
  let counters: { before: ServerCounters; after: ServerCounters };
  try {
    await runWrk({ url: server.url, paths: warmUpPaths, seconds: 3, connections, sequential: isMiss });
    before = processCounters(server.pid);
    const machineBefore = machineMajorFaults();
    const countersBefore = await serverCounters(server.url);
    from = Number(process.hrtime.bigint() / 1000n);
    result = await runWrk({ url: server.url, paths, seconds, connections, sequential: isMiss });
    to = Number(process.hrtime.bigint() / 1000n);
    after = processCounters(server.pid);
    machineFaults = machineMajorFaults() - machineBefore;
    counters = { before: countersBefore, after: await serverCounters(server.url) };
  } finally {
    await server.stop();
  }
  const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error('the server wrote no CPU profile');
  const profile = JSON.parse(readFileSync(path.join(profileDir, file), 'utf8')) as CpuProfile;
  rmSync(profileDir, { recursive: true, force: true });

  const n = result.requests;
  const perRequest = (value: number) => (value / n).toFixed(1);
  const { modules, functions, inclusive, total } = selfTimes(profile, from, to);
  const top = Number(args.top);
  const lines = [
    `${args.page} page, ${paths.length} addresses, wrk -t1 -c${connections} -d${seconds}s: ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50.toFixed(2)} ms, p90 ${result.p90.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms, ${result.errors} errors`,
    `server CPU per request: ${perRequest((after.cpuSeconds - before.cpuSeconds) * 1e6)} µs (user + system, /proc)`,
    `page faults per request: ${perRequest(after.minorFaults - before.minorFaults)} minor, ${perRequest(after.majorFaults - before.majorFaults)} major; machine-wide major faults during the pass: ${machineFaults}`,
    `SQL per request: ${perRequest(counters.after.queries - counters.before.queries)} statements, ${perRequest((counters.after.querySeconds - counters.before.querySeconds) * 1e6)} µs`,
    `garbage collection during the pass: ${Object.entries(counters.after.gcSeconds).map(([kind, total]) => `${kind} ${((total - (counters.before.gcSeconds[kind] ?? 0)) * 1000).toFixed(0)} ms`).join(', ')} (of ${seconds * 1000} ms)`,
    `event loop delay during the pass: p50 ${(counters.after.loopDelay.p50 * 1000).toFixed(1)} ms, p99 ${(counters.after.loopDelay.p99 * 1000).toFixed(1)} ms, max ${(counters.after.loopDelay.max * 1000).toFixed(1)} ms`,
    `profiled (non-idle) per request: ${perRequest(total)} µs`,
    '',
    '| module | µs per request | share |',
    '|---|---:|---:|',
    ...[...modules].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => `| ${name} | ${perRequest(us)} | ${((us / total) * 100).toFixed(1)}% |`),
    '',
    '| function | µs per request | share |',
    '|---|---:|---:|',
    ...[...functions].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => `| ${name} | ${perRequest(us)} | ${((us / total) * 100).toFixed(1)}% |`),
    '',
    '| function with what it calls (inclusive) | µs per request | share |',
    '|---|---:|---:|',
    ...[...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => `| ${name} | ${perRequest(us)} | ${((us / total) * 100).toFixed(1)}% |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:profile: ${(error as Error).message}\n`);
  process.exit(1);
});
