// `npm run bench:newsroom`: what a newsroom login and a logged-in request cost. Starts
// `dispatch serve` on an empty SQLite database, logs in as the first-start administrator, times
// sequential logins (argon2id dominates), then runs wrk on 127.0.0.1 against /healthz (the floor),
// GET /api/newsroom/me and GET /newsroom with the session cookie (session lookup, policy, JSON or
// page), then the desk (GET /api/newsroom/stories: its first page, a status filter and a page deep
// in the keyset) over BENCH_STORIES synthetic stories (`dispatch demo --stories N`, loaded before the
// server starts). Wrap it in `flock /tmp/dispatch-bench.lock` so two benchmarks never overlap.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, runCli, startServer } from '../src/testing/cli.ts';
import { runWrk, type WrkResult } from './wrk.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const stories = Number(process.env.BENCH_STORIES ?? 100_000);

function cookieOf(response: Response, name: string): string {
  const found = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!found) throw new Error(`no ${name} cookie`);
  return found.split(';')[0]!;
}

async function logIn(url: string, login: string, password: string): Promise<string> {
  const form = await fetch(`${url}/newsroom/login`);
  const loginCookie = cookieOf(form, 'dispatch_login_csrf');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
  const response = await fetch(`${url}/newsroom/login`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: loginCookie, origin: url },
    body: new URLSearchParams({ login, password, _csrf: csrf }),
  });
  if (response.status !== 303) throw new Error(`login answered ${response.status}`);
  return cookieOf(response, 'dispatch_session');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dispatch-bench-newsroom-'));
  const env = { DATABASE_URL: path.join(dir, 'dispatch.db'), DISPATCH_DEMO: 'false', LOG_LEVEL: 'warn', MEDIA_DIR: path.join(dir, 'media') };
  if (stories > 0) {
    const loaded = await runCli(['demo', '--stories', String(stories), '--quiet'], { env, timeoutMs: 1_200_000 });
    if (loaded.code !== 0) throw new Error(`generating stories failed: ${loaded.stderr}`);
  }
  const server = await startServer({ env, port: await freePort() });
  try {
    const oneTime = /password: (\S+)/.exec(server.output().stderr)![1]!;
    const first = await logIn(server.url, 'admin', oneTime);
    const me = await fetch(`${server.url}/api/newsroom/me`, { headers: { cookie: first } });
    const { session } = (await me.json()) as { session: { csrfToken: string } };
    const password = 'benchmark harbour lights at dusk';
    const changed = await fetch(`${server.url}/api/newsroom/me/password`, {
      method: 'POST', headers: { cookie: first, 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ currentPassword: oneTime, newPassword: password }),
    });
    if (changed.status !== 200) throw new Error(`password change answered ${changed.status}`);

    const times: number[] = [];
    let cookie = first;
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      cookie = await logIn(server.url, 'admin', password);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    process.stdout.write(`login (GET form + POST, argon2id verify), 20 sequential: median ${times[10]!.toFixed(1)} ms, max ${times[19]!.toFixed(1)} ms\n`);

    const single: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      const desk = await fetch(`${server.url}/api/newsroom/stories`, { headers: { cookie } });
      if (desk.status !== 200) throw new Error(`the desk answered ${desk.status}`);
      await desk.arrayBuffer();
      single.push(performance.now() - started);
    }
    single.sort((a, b) => a - b);
    process.stdout.write(`desk first page over ${stories} stories, 20 sequential: median ${single[10]!.toFixed(1)} ms, max ${single[19]!.toFixed(1)} ms\n`);
    let deep = '/api/newsroom/stories';
    for (let page = 0; page < 20; page++) {
      const { next } = (await (await fetch(`${server.url}${deep}`, { headers: { cookie } })).json()) as { next: string | null };
      if (!next) break;
      deep = `/api/newsroom/stories?cursor=${next}`;
    }

    const rows: Array<[string, WrkResult]> = [];
    for (const [name, target, headers] of [
      ['/healthz (floor)', '/healthz', {}],
      ['GET /api/newsroom/me (session)', '/api/newsroom/me', { cookie }],
      ['GET /newsroom (session, page)', '/newsroom', { cookie }],
      ['GET /api/newsroom/stories (desk, first page)', '/api/newsroom/stories', { cookie }],
      ['GET /api/newsroom/stories?status=published&language=en (desk, filtered)', '/api/newsroom/stories?status=published&language=en', { cookie }],
      ['GET /api/newsroom/stories?cursor=… (desk, page 21)', deep, { cookie }],
    ] as const) {
      await runWrk({ url: `${server.url}${target}`, seconds: 3, connections, headers });
      rows.push([name, await runWrk({ url: `${server.url}${target}`, seconds, connections, headers })]);
    }
    process.stdout.write(`\nwrk -t1 -c${connections} -d${seconds}s, 127.0.0.1\n| route | req/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|\n`);
    for (const [name, r] of rows) {
      process.stdout.write(`| ${name} | ${Math.round(r.requestsPerSecond)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.errors} |\n`);
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
