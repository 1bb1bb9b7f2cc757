// The primary of `dispatch serve --workers N`. It does once what must happen once (checking the
// address, migrating, the first start's demo and administrator), then forks N workers that share
// the port through node:cluster and each serve HTTP and run the job runner. It relays the change
// bus between them (on SQLite; on PostgreSQL each worker listens itself), restarts a worker that
// dies, passes SIGHUP to one worker (whose reload the bus carries to the rest) and, on SIGINT or
// SIGTERM, stops every worker cleanly before it exits.

import cluster, { type Worker } from 'node:cluster';
import { loadConfig } from '../lib/config.ts';
import { createLogger } from '../lib/logger.ts';
import { AppError } from '../lib/errors.ts';
import { assertCanListen } from '../http/listen.ts';
import { forwardAmongWorkers } from '../bus/index.ts';
import { openConfiguredDatabase } from './runtime.ts';
import { prepareStart, startBackgroundIndexing } from './prepare-start.ts';
import type { BackgroundIndexing } from './search-index.ts';
import { workerEnvironment } from './worker-environment.ts';

/** A worker that dies sooner than this after its start waits a moment before its replacement. */
const QUICK_DEATH_MS = 10_000;
const RESTART_PAUSE_MS = 1_000;
/** Workers still running this long after SIGTERM are killed. */
const STOP_TIMEOUT_MS = 30_000;

export async function superviseWorkers(count: number): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (config.database.kind === 'sqlite' && config.database.file === ':memory:') {
    throw new AppError('config_invalid', 'An in-memory SQLite database cannot be shared by several workers; use --workers 1 or a database file');
  }
  await assertCanListen(config.host, config.port);
  const database = await openConfiguredDatabase(config, { migrate: true });
  let indexing: BackgroundIndexing | undefined;
  try {
    await prepareStart(config, database, logger);
    // The primary builds a missing search index beside the workers (once, not once per worker).
    indexing = await startBackgroundIndexing(database, logger);
  } finally {
    if (!indexing) await database.close();
  }
  if (indexing) void indexing.done.then(() => database.close());
  /** Exits once a background index build has stopped between two of its batches. */
  const exit = (code: number) => {
    void (indexing?.stop() ?? Promise.resolve()).finally(() => process.exit(code));
  };

  const startedAt = new Map<Worker, number>();
  let stopping = false;
  let serving = 0;
  let announced = false;
  const workers = () => Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);

  const environment = workerEnvironment(process.env);
  const fork = () => {
    const worker = cluster.fork(environment);
    startedAt.set(worker, Date.now());
    worker.on('message', (message: unknown) => forwardAmongWorkers(worker, message, workers()));
  };

  cluster.on('listening', (worker) => {
    logger.info({ worker: worker.id, pid: worker.process.pid }, 'a worker is serving');
    if (announced || ++serving < count) return;
    announced = true;
    process.stderr.write(`Dispatch is running at ${config.publicUrl}/ (${count} workers)\n`);
  });

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) {
      if (workers().length === 0) exit(0);
      return;
    }
    if (!announced) {
      // A worker that cannot start (bad schema, port refused) will not start the next time either.
      stopping = true;
      process.stderr.write(`dispatch: a worker could not start (exit ${code ?? signal}); stopping\n`);
      for (const other of workers()) other.process.kill('SIGTERM');
      process.exitCode = 1;
      if (workers().length === 0) exit(1);
      return;
    }
    logger.warn({ worker: worker.id, pid: worker.process.pid, code, signal }, 'a worker stopped unexpectedly; starting another');
    setTimeout(fork, lived < QUICK_DEATH_MS ? RESTART_PAUSE_MS : 0);
  });

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping the workers');
    for (const worker of workers()) worker.process.kill('SIGTERM');
    if (workers().length === 0) exit(0);
    setTimeout(() => {
      for (const worker of workers()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => workers()[0]?.process.kill('SIGHUP'));

  for (let i = 0; i < count; i += 1) fork();
}
