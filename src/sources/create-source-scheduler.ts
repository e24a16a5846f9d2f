/** Timer port of the scheduler: the wall clock and one-shot timers (a fake in tests). */
export interface SchedulerTimer {
  now(): Date;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real timers. The handle is unref'd: a pending tick never keeps the process alive alone. */
export const systemTimer: SchedulerTimer = {
  now: () => new Date(),
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Options of {@link createSourceScheduler}. */
export interface SourceSchedulerOptions<S> {
  /** Sources due at `now`, at most `limit` (SourceStore.dueSources). */
  due(now: Date, limit: number): Promise<S[]>;
  /** Polls a batch (with its own bounded concurrency) and records each outcome on its source. */
  poll(sources: S[], signal: AbortSignal): Promise<unknown>;
  timer?: SchedulerTimer;
  /** Pause between two ticks when nothing is left due, ms (default 60 s). */
  intervalMs?: number;
  /** Sources taken per tick (default 20); a full batch makes the next tick start at once. */
  batchSize?: number;
  /** A tick that failed as a whole (the store is gone…); the loop goes on. */
  onError?: (err: unknown) => void;
}

/** The polling loop. */
export interface SourceScheduler {
  /** Starts the loop (first tick at once). Idempotent. */
  start(): void;
  /** Polls what is due now, once; resolves to how many sources were polled. Ticks never overlap. */
  tick(): Promise<number>;
  /** Stops the loop: no new tick, polls in flight aborted, resolves when the last tick has ended. */
  stop(): Promise<void>;
}

/**
 * The scheduler of `heatwire serve` (DESIGN.md §6): the database is the schedule (each source's
 * `next_check_at`, as in Miniflux), so a tick only asks which sources are due and polls them.
 * Between ticks it sleeps `intervalMs`, or not at all while whole batches keep coming due.
 * Time and timers are injected; nothing here touches the network or the store directly.
 *
 * @example
 * const scheduler = createSourceScheduler({
 *   due: (now, limit) => sources.dueSources(now.toISOString(), limit),
 *   poll: (due, signal) => pollSources(due, { ...deps, signal }),
 * });
 * scheduler.start(); … await scheduler.stop();
 */
export function createSourceScheduler<S>(options: SourceSchedulerOptions<S>): SourceScheduler {
  const timer = options.timer ?? systemTimer;
  const intervalMs = options.intervalMs ?? 60_000;
  const batchSize = Math.max(1, options.batchSize ?? 20);
  const abort = new AbortController();
  let started = false;
  let stopped = false;
  let handle: unknown = null;
  let current: Promise<number> | null = null;

  const runTick = async (): Promise<number> => {
    if (stopped) return 0;
    const due = await options.due(timer.now(), batchSize);
    if (!due.length || stopped) return 0;
    await options.poll(due, abort.signal);
    return due.length;
  };

  const tick = (): Promise<number> => {
    current ??= runTick().finally(() => {
      current = null;
    });
    return current;
  };

  const loop = (): void => {
    handle = null;
    tick().then(
      (polled) => schedule(polled >= batchSize ? 0 : intervalMs),
      (err: unknown) => {
        if (!stopped) options.onError?.(err);
        schedule(intervalMs);
      },
    );
  };

  const schedule = (ms: number): void => {
    if (!stopped) handle = timer.setTimeout(loop, ms);
  };

  return {
    start() {
      if (started || stopped) return;
      started = true;
      schedule(0);
    },
    tick,
    async stop() {
      stopped = true;
      if (handle !== null) timer.clearTimeout(handle);
      handle = null;
      abort.abort();
      await current?.catch(() => undefined);
    },
  };
}
