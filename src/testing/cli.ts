// Runs the real `dispatch` command in a child process for tests: to completion, or as a server
// that is ready once it says so on standard error.

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import net from 'node:net';

export const DISPATCH_BIN = fileURLToPath(new URL('../../bin/dispatch.js', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Run as another user (uid), for permission tests when the tests run as root. */
  uid?: number;
  timeoutMs?: number;
  /** Options for node itself, before the command (e.g. --cpu-prof, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
  /** The `dispatch` command of another checkout (the build's tests make one). */
  bin?: string;
}

function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  // The tests' own settings never leak into the child: it sees only what the test gives it.
  const { DATABASE_URL: _d, PORT: _p, HOST: _h, DISPATCH_CONFIG: _c, ...rest } = process.env;
  return { ...rest, LOG_LEVEL: 'warn', ...extra };
}

function spawnCli(args: string[], options: CliOptions): ChildProcess {
  return spawn(process.execPath, [...(options.nodeArgs ?? []), options.bin ?? DISPATCH_BIN, ...args], {
    cwd: options.cwd,
    env: childEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
  });
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, options);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export interface RunningServer {
  url: string;
  /** The process id of `dispatch serve` (the primary, with several workers). */
  pid: number;
  output(): { stdout: string; stderr: string };
  stop(): Promise<CliResult>;
}

/**
 * Starts `dispatch serve` and resolves once it is listening (or rejects with what it printed). One
 * process unless `workers` says otherwise: the default (one per core) would fork on every test.
 */
export function startServer(options: CliOptions & { port: number; workers?: number }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(['serve', '--workers', String(options.workers ?? 1)], { ...options, env: { ...options.env, HOST: '127.0.0.1', PORT: String(options.port) } });
    let stdout = '';
    let stderr = '';
    let ready = false;
    const closed = new Promise<CliResult>((done) => child.on('close', (code, signal) => done({ code, signal, stdout, stderr })));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`dispatch serve did not start in time:\n${stderr}`));
      // A start takes seconds alone, but over a minute on a 2-core machine shared with other test runs.
    }, options.timeoutMs ?? 180_000);
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!ready && stderr.includes('Dispatch is running at')) {
        ready = true;
        clearTimeout(timer);
        resolve({
          url: `http://127.0.0.1:${options.port}`,
          pid: child.pid!,
          output: () => ({ stdout, stderr }),
          stop: () => {
            child.kill('SIGTERM');
            return closed;
          },
        });
      }
    });
    void closed.then((result) => {
      if (!ready) {
        clearTimeout(timer);
        reject(new Error(`dispatch serve exited with ${result.code}:\n${result.stderr}`));
      }
    });
  });
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
