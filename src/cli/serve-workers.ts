// The primary of `dispatch serve --workers N`. It does once what must happen once (checking the
// address, migrating, the first start's demo and administrator) and runs N workers that share the
// port through node:cluster and each serve HTTP and run the job runner. The first worker is forked
// at once and loads its code while the primary migrates; it opens the database when the primary
// says so (worker-start.ts). The others start one after another, each when the one before listens:
// on two cores, workers starting side by side each take longer, and the first answer waits for
// the first of them. The primary relays the change bus between them (on SQLite; on PostgreSQL each
// worker listens itself), restarts a worker that dies, passes SIGHUP to one worker (whose reload
// the bus carries to the rest) and, on SIGINT or SIGTERM, stops every worker cleanly before it exits.

import cluster, { type Worker } from 'node:cluster';
import { loadConfig, type Config } from '../lib/config.ts';
import { createLogger, type Logger } from '../lib/logger.ts';
import { AppError } from '../lib/errors.ts';
import { assertCanListen } from '../http/listen.ts';
import { forwardAmongWorkers } from '../bus/index.ts';
import { openConfiguredDatabase } from './runtime.ts';
import { prepareStart, startBackgroundIndexing } from './prepare-start.ts';
import type { BackgroundIndexing } from './search-index.ts';
import { workerEnvironment } from './worker-environment.ts';
import { startGate } from './worker-start.ts';

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
  const startedAt = new Map<Worker, number>();
  let stopping = false;
  /** Set when the database could not be made ready: the workers are stopped, and the error told. */
  let unprepared = false;
  let indexing: BackgroundIndexing | undefined;
  let serving = 0;
  let announced = false;
  /** Exits once a background index build has stopped between two of its batches. */
  const exit = (code: number) => {
    void (indexing?.stop() ?? Promise.resolve()).finally(() => process.exit(code));
  };
  const workers = () => Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);

  const environment = workerEnvironment(process.env);
  const gate = startGate();
  let forked = 0;
  const fork = () => {
    const worker = cluster.fork(environment);
    forked += 1;
    startedAt.set(worker, Date.now());
    logger.info({ worker: worker.id, pid: worker.process.pid }, 'starting a worker');
    worker.on('message', (message: unknown) => {
      gate.answer(worker, message);
      forwardAmongWorkers(worker, message, workers());
    });
  };

  cluster.on('listening', (worker) => {
    logger.info({ worker: worker.id, pid: worker.process.pid }, 'a worker is serving');
    if (!stopping && forked < count) fork();
    if (announced || ++serving < count) return;
    announced = true;
    process.stderr.write(`Dispatch is running at ${config.publicUrl}/ (${count} workers)\n`);
  });

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (unprepared) return;
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

  fork();
  try {
    indexing = await prepareDatabase(config, logger);
  } catch (error) {
    // The worker waiting for the database is stopped before the reason is told.
    unprepared = stopping = true;
    await Promise.all(workers().map((worker) => new Promise((resolve) => {
      worker.once('exit', resolve);
      worker.process.kill('SIGTERM');
    })));
    throw error;
  }
  gate.ready();
}

/**
 * Migrates the database and prepares a first start; a missing search index starts building here,
 * in the primary, beside the workers (once, not once per worker), and keeps the database open
 * until it is done.
 */
async function prepareDatabase(config: Config, logger: Logger): Promise<BackgroundIndexing | undefined> {
  const database = await openConfiguredDatabase(config, { migrate: true });
  let indexing: BackgroundIndexing | undefined;
  try {
    await prepareStart(config, database, logger);
    indexing = await startBackgroundIndexing(database, logger);
  } finally {
    if (!indexing) await database.close();
  }
  if (indexing) void indexing.done.then(() => database.close());
  return indexing;
}
