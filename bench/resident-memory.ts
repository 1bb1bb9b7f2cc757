// Memory of a process and its descendants (a cluster's primary and its workers), read from /proc:
// resident in all, private, and file-backed (the database's memory map, shared between processes).

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

export interface ProcessMemory {
  pid: number;
  /** Resident in all. */
  rssMb: number;
  /** Private (anonymous) memory: the heap, buffers, the page cache's pages. */
  anonMb: number;
  /** File-backed: the node binary, libraries and the database's memory map (shared with other processes). */
  fileMb: number;
}

/** A process and its descendants. */
export function processTree(pid: number): number[] {
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const next = queue.pop()!;
    found.push(next);
    queue.push(...childrenOf(next));
  }
  return found;
}

/** Major page faults (reads from the disk) of a process and its descendants so far. */
export function majorFaultsOfTree(pid: number): number {
  let faults = 0;
  for (const member of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${member}/stat`, 'utf8');
      faults += Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[9]);
    } catch {
      // The process ended while we looked.
    }
  }
  return faults;
}

/** The memory of a process and of each of its descendants (a cluster's primary and workers). */
export function memoryOfTree(pid: number): ProcessMemory[] {
  const found: ProcessMemory[] = [];
  for (const member of processTree(pid)) {
    try {
      const status = readFileSync(`/proc/${member}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      found.push({ pid: member, rssMb: kb('VmRSS') / 1024, anonMb: kb('RssAnon') / 1024, fileMb: kb('RssFile') / 1024 });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}
