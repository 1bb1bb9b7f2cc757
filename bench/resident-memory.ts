// Resident memory of a process and its descendants (bin/dispatch.js runs the server through tsx,
// which may be a child process), read from /proc: the largest single process, in MB.

import { readFileSync, readdirSync } from 'node:fs';

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

function residentKb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) : 0;
  } catch {
    return 0;
  }
}

export function largestResidentMb(pid: number): number {
  let largest = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const next = queue.pop()!;
    largest = Math.max(largest, residentKb(next));
    queue.push(...childrenOf(next));
  }
  return largest / 1024;
}
