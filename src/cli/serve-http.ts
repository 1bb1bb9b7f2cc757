// One serving process of `dispatch serve`: checks the address, opens and migrates the database,
// prepares a first start, serves HTTP and runs the job runner (scheduled publishing, embargo ends,
// WebSub pings) until SIGINT or SIGTERM, then stops the runner after its job in hand and closes
// cleanly. As a cluster worker it leaves the address check, migrations and the first start to its
// primary. SIGHUP re-reads the site's settings, rubrics and static pages in every process.

import { loadConfig } from '../lib/config.ts';
import { createLogger } from '../lib/logger.ts';
import { createMetrics } from '../http/metrics.ts';
import { buildApp } from '../http/app.ts';
import { assertCanListen, listen } from '../http/listen.ts';
import { systemClock } from '../lib/clock.ts';
import { openChangeBus } from '../bus/index.ts';
import { contentContext, openConfiguredDatabase } from './runtime.ts';
import { createJobRunner } from '../jobs/index.ts';
import { createStoryEvents, workflowJobHandlers, type WorkflowContext } from '../newsroom/index.ts';
import { prepareStart, startBackgroundIndexing } from './prepare-start.ts';
import { primaryIsReady } from './worker-start.ts';
import { httpCachePurgeJobHandlers } from '../cache/index.ts';
import { subscribeWebSubPings, subscribeWireWebhooks, websubJobHandlers, wireJobHandlers } from '../publishing/index.ts';

/** How often the job runner looks for due jobs when it has nothing to do. */
const JOB_POLL_INTERVAL_MS = 2_000;

/** One serving process: alone (it migrates and prepares the start itself) or a cluster worker. */
export async function serveHttp({ isWorker }: { isWorker: boolean }): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (!isWorker) await assertCanListen(config.host, config.port);
  const metrics = createMetrics();
  // A worker's primary migrates (while the worker loaded its code) and says when it is done; a
  // worker only checks that the schema is not newer.
  if (isWorker) await primaryIsReady();
  const database = await openConfiguredDatabase(config, { migrate: !isWorker, onQuery: metrics.observeQuery });
  try {
    if (!isWorker) await prepareStart(config, database, logger);
    const bus = await openChangeBus({
      database,
      onListenerError: (error, message) => logger.error({ err: error, message }, 'a change listener failed'),
      onRelayError: (error) => logger.warn({ err: error }, 'the change bus could not relay a message'),
      onConnectionChange: (state) =>
        state === 'lost'
          ? logger.warn('the change bus lost its PostgreSQL connection; reconnecting')
          : logger.warn('the change bus is connected again; everything held in memory is re-read'),
    });
    const events = createStoryEvents((error, event) => logger.error({ err: error, event }, 'a story-changed listener failed'), bus);
    const context = contentContext(config, database);
    const workflow: WorkflowContext = { ...context, events };
    subscribeWireWebhooks({ database, events, clock: systemClock, publicUrl: config.publicUrl, onError: (error) => logger.error({ err: error }, 'wire webhooks could not be enqueued') });
    subscribeWebSubPings(events, {
      database, clock: systemClock, publicUrl: config.publicUrl, hubs: config.websubHubs,
      onError: (error) => logger.error({ err: error }, 'a WebSub ping could not be queued'),
    });
    // Every process runs the job runner: jobs are claimed under a lease in one statement (SQLite)
    // or with SKIP LOCKED (PostgreSQL), so N runners never run one job twice.
    const runner = createJobRunner({
      database,
      clock: systemClock,
      handlers: {
        ...workflowJobHandlers(workflow),
        ...wireJobHandlers({ database, clock: systemClock, allowHosts: config.webhookAllowHosts }),
        ...websubJobHandlers({ database, publicUrl: config.publicUrl }),
        ...httpCachePurgeJobHandlers({ purgeUrl: config.httpCachePurgeUrl }),
      },
      pollIntervalMs: JOB_POLL_INTERVAL_MS,
      onError: (error, job) => logger.warn({ err: error, job: { id: job.id, kind: job.kind, attempt: job.attempt } }, 'a job failed'),
    });
    const app = await buildApp({ config, database, logger, metrics, clock: systemClock, events });
    await listen(app, config.host, config.port);
    runner.start();
    const indexing = isWorker ? undefined : await startBackgroundIndexing(database, logger);
    logger.info({ url: `http://${config.host}:${config.port}`, database: database.description, bus: bus.reach, pid: process.pid }, 'Dispatch is serving');
    if (!isWorker) process.stderr.write(`Dispatch is running at ${config.publicUrl}/ (${database.description})\n`);
    let closing = false;
    const stop = async (signal: string) => {
      if (closing) return;
      closing = true;
      logger.info({ signal }, 'stopping');
      await indexing?.stop();
      await runner.stop();
      await app.close();
      await bus.close();
      await database.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
    // A worker whose primary is gone has nobody to hand it connections: it stops too.
    if (isWorker) process.once('disconnect', () => void stop('disconnect'));
    process.on('SIGHUP', () => {
      app.site.reload().then(
        () => logger.info('re-read the site settings (SIGHUP)'),
        (error: unknown) => logger.error({ err: error }, 'the site settings could not be re-read'),
      );
    });
  } catch (error) {
    await database.close();
    throw error;
  }
}
