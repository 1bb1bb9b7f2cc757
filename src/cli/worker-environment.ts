// What a worker of `dispatch serve --workers N` gets in its environment beyond the primary's.
//
// glibc's malloc keeps the blocks a process frees in its heap for reuse and seldom hands them back
// to the system. A page cache stores and evicts pages of 10-60 KB all day, and the compressed forms
// and the responses of cache misses come and go beside them, so that heap ends up fragmented: a
// worker measured 150-190 MB of private memory after the benchmark's passes, of which the live
// pages were about 40 MB. With a fixed mmap threshold of 16 KB, every block that size or larger is
// mapped on its own and returned to the system the moment it is freed; the cost is a system call
// per such block, a few microseconds against the half millisecond of the miss that makes it.
// The setting must be in the environment when the process starts, so only forked workers get it;
// one set by the operator (MALLOC_MMAP_THRESHOLD_ or GLIBC_TUNABLES) is left alone. Other C
// libraries (musl, macOS) ignore the variable.

export const WORKER_MMAP_THRESHOLD_BYTES = 16 * 1024;

export function workerEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  if (env.MALLOC_MMAP_THRESHOLD_ !== undefined || env.GLIBC_TUNABLES?.includes('malloc.mmap_threshold')) return {};
  return { MALLOC_MMAP_THRESHOLD_: String(WORKER_MMAP_THRESHOLD_BYTES) };
}
