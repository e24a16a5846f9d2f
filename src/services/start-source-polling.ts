import { createSourceScheduler, type SchedulerTimer, type SourceScheduler } from '../sources/create-source-scheduler.js';
import { pollSources, type PollSourcesDeps, type SourcePollReport } from './poll-sources.js';

/** Options of startSourcePolling: the polling dependencies plus the loop's timing. */
export interface SourcePollingOptions extends PollSourcesDeps {
  timer?: SchedulerTimer;
  /** Pause between ticks when nothing is due, ms (default 60 s). */
  intervalMs?: number;
  /** Sources per tick (default 20). */
  batchSize?: number;
  /** Each source's outcome (for the server log). */
  onReport?: (report: SourcePollReport) => void;
  onError?: (err: unknown) => void;
}

/**
 * Starts the polling loop of `heatwire serve`: every tick takes the sources whose
 * `next_check_at` has come (SourceStore.dueSources) and polls them (pollSources, bounded
 * concurrency). `stop()` aborts the polls in flight and resolves when the loop has ended.
 */
export function startSourcePolling(options: SourcePollingOptions): SourceScheduler {
  const { timer, intervalMs, batchSize, onReport, onError, ...deps } = options;
  const scheduler = createSourceScheduler({
    due: (now, limit) => deps.sources.dueSources(now.toISOString(), limit),
    poll: (due, signal) =>
      pollSources(due, {
        ...deps,
        signal,
        onSourceDone: (report, done, total) => {
          onReport?.(report);
          deps.onSourceDone?.(report, done, total);
        },
      }),
    ...(timer ? { timer } : {}),
    ...(intervalMs !== undefined ? { intervalMs } : {}),
    ...(batchSize !== undefined ? { batchSize } : {}),
    ...(onError ? { onError } : {}),
  });
  scheduler.start();
  return scheduler;
}
