// `dispatch serve`: one serving process (`serve-http.ts`), or with `--workers N` above 1 the
// primary of N workers (`serve-workers.ts`), each of which is a serving process. Each side is
// loaded only where it runs, so the primary never loads the HTTP application.

import cluster from 'node:cluster';

export interface ServeOptions {
  /** Processes serving the port; 1 serves from this process alone. */
  workers: number;
}

export async function serve(options: ServeOptions): Promise<void> {
  if (cluster.isWorker) return (await import('./serve-http.ts')).serveHttp({ isWorker: true });
  if (options.workers > 1) return (await import('./serve-workers.ts')).superviseWorkers(options.workers);
  return (await import('./serve-http.ts')).serveHttp({ isWorker: false });
}
