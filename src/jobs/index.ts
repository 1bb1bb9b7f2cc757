// The jobs domain's public interface: the durable queue and its runner. Which kinds of job exist
// is decided by the domains that enqueue them and hand their handlers to the runner.

export { enqueueJob, cancelJob, findJob, type JobRequest, type JobState } from './job-queue.ts';
export { createJobRunner, defaultBackoff, type JobRunner, type JobRunnerOptions, type JobHandler, type RunningJob } from './job-runner.ts';
