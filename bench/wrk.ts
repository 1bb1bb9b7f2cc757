// Runs wrk against a URL (optionally a list of paths chosen at random per request) and reads its
// figures from a Lua `done` hook, so nothing depends on parsing wrk's human-readable output.

import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface WrkResult {
  requests: number;
  requestsPerSecond: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p90: number;
  p99: number;
  /** Connection errors, timeouts and responses with status 400 or above. */
  errors: number;
}

/**
 * Paces the requests of all connections to `rate` per second (wrk's delay(): each response
 * reserves the next slot of one schedule, through LuaJIT's FFI clock). Like wrk itself it times a
 * request from its sending, so a stall of the server delays later requests without counting their
 * wait: at half the server's capacity, where the paced passes run, that is rare.
 */
function pacing(rate: number): string {
  return `local ffi = require("ffi")
ffi.cdef[[ typedef struct { long tv_sec; long tv_usec; } dispatch_timeval; int gettimeofday(dispatch_timeval *tv, void *tz); ]]
local tv = ffi.new("dispatch_timeval")
local function now_ms() ffi.C.gettimeofday(tv, nil); return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000 end
local interval = ${1000 / rate}
local next_at = nil
delay = function()
  local t = now_ms()
  if next_at == nil or next_at < t - 100 then next_at = t end
  next_at = next_at + interval
  return math.max(0, next_at - t)
end
`;
}

function luaScript(paths: readonly string[] | undefined, sequential: boolean, rate: number | undefined): string {
  const pick = sequential ? 'i = i + 1; return wrk.format("GET", paths[((i - 1) % #paths) + 1])' : 'return wrk.format("GET", paths[math.random(#paths)])';
  const request = paths && paths.length > 0
    ? `local paths = { ${paths.map((p) => JSON.stringify(p)).join(', ')} }
local i = 0
math.randomseed(os.time())
request = function() ${pick} end`
    : '';
  return `${rate === undefined ? '' : pacing(rate)}${request}
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK_JSON {\\"requests\\":%d,\\"duration_us\\":%d,\\"p50\\":%d,\\"p90\\":%d,\\"p99\\":%d,\\"errors\\":%d}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout + e.status))
end
`;
}

export function runWrk(options: {
  url: string;
  paths?: readonly string[];
  seconds: number;
  connections: number;
  threads?: number;
  /** Sent with every request, e.g. a session cookie. */
  headers?: Record<string, string>;
  /** Walk the paths in order instead of at random (each request a different page). */
  sequential?: boolean;
  /** Requests per second over all connections (see pacing); as fast as the server answers when unset. */
  rate?: number;
}): Promise<WrkResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dispatch-wrk-'));
  const script = path.join(dir, 'script.lua');
  writeFileSync(script, luaScript(options.paths, options.sequential ?? false, options.rate));
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', [
      `-t${options.threads ?? 1}`, `-c${options.connections}`, `-d${options.seconds}s`, '--timeout', '5s', '-s', script,
      ...Object.entries(options.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}: ${value}`]),
      options.url,
    ], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      rmSync(dir, { recursive: true, force: true });
      const line = out.split('\n').find((l) => l.startsWith('WRK_JSON '));
      if (code !== 0 || !line) return reject(new Error(`wrk failed (exit ${code}): ${out}`));
      const raw = JSON.parse(line.slice('WRK_JSON '.length)) as { requests: number; duration_us: number; p50: number; p90: number; p99: number; errors: number };
      resolve({
        requests: raw.requests,
        requestsPerSecond: raw.requests / (raw.duration_us / 1e6),
        p50: raw.p50 / 1000,
        p90: raw.p90 / 1000,
        p99: raw.p99 / 1000,
        errors: raw.errors,
      });
    });
  });
}
