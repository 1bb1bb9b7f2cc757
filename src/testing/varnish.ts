// Starts Debian's Varnish (/usr/sbin/varnishd) in the foreground for a test, with the VCL kept in
// the repository (src/cache/varnish/dispatch.vcl) pointed at the app's port, on a free port of
// its own, and stops it again. `npm test` and CI make sure varnishd is installed.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './cli.ts';
import { VARNISHD_PATH } from '../../scripts/test-setup.ts';

export const DISPATCH_VCL = fileURLToPath(new URL('../cache/varnish/dispatch.vcl', import.meta.url));

export interface RunningVarnish {
  url: string;
  stop(): Promise<void>;
}

/** `port`: where Varnish listens (a free one when not given). Start the backend first: Varnish holds a refused backend down for a while. */
export async function startVarnish(backendPort: number, port?: number): Promise<RunningVarnish> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dispatch-varnish-'));
  const vcl = path.join(dir, 'dispatch.vcl');
  const source = readFileSync(DISPATCH_VCL, 'utf8');
  if (!source.includes('.port = "3000";')) throw new Error('the VCL no longer names its backend port as .port = "3000"');
  writeFileSync(vcl, source.replace('.port = "3000";', `.port = "${backendPort}";`));
  const listenPort = port ?? (await freePort());
  const child: ChildProcess = spawn(
    VARNISHD_PATH,
    ['-F', '-j', 'none', '-T', 'none', '-a', `127.0.0.1:${listenPort}`, '-f', vcl, '-n', path.join(dir, 'work'), '-s', 'malloc,32m', '-p', 'ban_lurker_sleep=0.01'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${listenPort}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) break;
    try {
      await fetch(`${url}/robots.txt`, { signal: AbortSignal.timeout(1000) });
      return { url, stop };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await stop();
  throw new Error(`varnishd did not start: ${output.slice(-2000)}`);
}
