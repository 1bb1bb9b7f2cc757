// `dispatch serve`: checks the address, opens and migrates the database, prepares a first start,
// serves HTTP and runs the job runner (scheduled publishing, embargo ends, WebSub pings) until SIGINT or SIGTERM,
// then stops the runner after its job in hand and closes cleanly.

import { loadConfig } from '../lib/config.ts';
import { createLogger } from '../lib/logger.ts';
import { createMetrics } from '../http/metrics.ts';
import { buildApp } from '../http/app.ts';
import { assertCanListen, listen } from '../http/listen.ts';
import { systemClock } from '../lib/clock.ts';
import { contentContext, openConfiguredDatabase } from './runtime.ts';
import { describeFirstStart, isFirstStart, prepareFirstStart } from './first-start.ts';
import { createJobRunner } from '../jobs/index.ts';
import { createStoryEvents, workflowJobHandlers, type WorkflowContext } from '../newsroom/index.ts';
import { indexInBackground } from './search-index.ts';
import { subscribeWebSubPings, subscribeWireWebhooks, websubJobHandlers, wireJobHandlers } from '../publishing/index.ts';

/** How often the job runner looks for due jobs when it has nothing to do. */
const JOB_POLL_INTERVAL_MS = 2_000;

/** Private or loopback hosts that subscribers' webhooks may reach anyway (comma-separated). */
function webhookAllowHosts(): string[] {
  return (process.env.WIRE_WEBHOOK_ALLOW_HOSTS ?? '').split(',').map((h) => h.trim()).filter((h) => h !== '');
}

export async function serve(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  await assertCanListen(config.host, config.port);
  const metrics = createMetrics();
  const database = await openConfiguredDatabase(config, { migrate: true, onQuery: metrics.observeQuery });
  try {
    const context = contentContext(config, database);
    if (await isFirstStart(context)) {
      const result = await prepareFirstStart(context, { loadDemo: config.loadDemoOnFirstStart, mediaDir: config.mediaDir });
      process.stderr.write(describeFirstStart(result, config.publicUrl));
    }
    const events = createStoryEvents((error, event) => logger.error({ err: error, event }, 'a story-changed listener failed'));
    const workflow: WorkflowContext = { ...context, events };
    subscribeWireWebhooks({ database, events, clock: systemClock, publicUrl: config.publicUrl, onError: (error) => logger.error({ err: error }, 'wire webhooks could not be enqueued') });
    subscribeWebSubPings(events, {
      database, clock: systemClock, publicUrl: config.publicUrl, hubs: config.websubHubs,
      onError: (error) => logger.error({ err: error }, 'a WebSub ping could not be queued'),
    });
    const runner = createJobRunner({
      database,
      clock: systemClock,
      handlers: {
        ...workflowJobHandlers(workflow),
        ...wireJobHandlers({ database, clock: systemClock, allowHosts: webhookAllowHosts() }),
        ...websubJobHandlers({ database, publicUrl: config.publicUrl }),
      },
      pollIntervalMs: JOB_POLL_INTERVAL_MS,
      onError: (error, job) => logger.warn({ err: error, job: { id: job.id, kind: job.kind, attempt: job.attempt } }, 'a job failed'),
    });
    const app = await buildApp({ config, database, logger, metrics, clock: systemClock, events });
    await listen(app, config.host, config.port);
    runner.start();
    // A database from before archive search (or filled by a bulk load) gets its index while serving.
    const indexing = await indexInBackground(database, {
      built: (result) => logger.info({ stories: result.stories, ms: result.milliseconds }, 'built the search index'),
      failed: (error) => logger.error({ err: error }, 'the search index could not be built; run `dispatch search reindex`'),
    });
    if (indexing) logger.info('building the search index in the background; search says so until it is done');
    logger.info({ url: `http://${config.host}:${config.port}`, database: database.description }, 'Dispatch is serving');
    process.stderr.write(`Dispatch is running at ${config.publicUrl}/ (${database.description})\n`);
    let closing = false;
    const stop = async (signal: string) => {
      if (closing) return;
      closing = true;
      logger.info({ signal }, 'stopping');
      await indexing?.stop();
      await runner.stop();
      await app.close();
      await database.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  } catch (error) {
    await database.close();
    throw error;
  }
}
