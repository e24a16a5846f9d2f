/** Time port: `now()` in epoch ms and `sleep(ms)`. Tests inject a fake that never really waits. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

interface HostState {
  active: number;
  waiters: Array<() => void>;
  /** Earliest time the next request to this host may start. */
  nextStartAt: number;
  /** Extra minimum gap for this host (robots.txt Crawl-delay), ms. */
  delayMs: number;
}

/** A held slot; call `release()` exactly once when the request is done. */
export interface HostSlot {
  release(): void;
}

/**
 * Politeness per host: at most `concurrency` requests in flight to one host, and at least
 * `gapMs` (or the host's Crawl-delay, whichever is larger) between the starts of two requests to
 * it. Start times are reserved in arrival order before sleeping, so concurrent callers are
 * spaced out rather than all waking together.
 */
export class HostScheduler {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly clock: Clock,
    private readonly concurrency: number,
    private readonly gapMs: number,
  ) {}

  /** Waits for a free slot and the politeness gap for `host`, then holds the slot. */
  async acquire(host: string, signal?: AbortSignal): Promise<HostSlot> {
    const state = this.stateOf(host);
    while (state.active >= this.concurrency) {
      await new Promise<void>((resolve) => state.waiters.push(resolve));
      if (signal?.aborted) {
        // Pass the wake-up on, or the next waiter would sleep until some other release.
        state.waiters.shift()?.();
        signal.throwIfAborted();
      }
    }
    state.active += 1;
    let released = false;
    const slot: HostSlot = {
      release: () => {
        if (released) return;
        released = true;
        state.active -= 1;
        state.waiters.shift()?.();
      },
    };
    try {
      const now = this.clock.now();
      const startAt = Math.max(now, state.nextStartAt);
      state.nextStartAt = startAt + Math.max(this.gapMs, state.delayMs);
      if (startAt > now) await sleepUnlessAborted(this.clock, startAt - now, signal);
      signal?.throwIfAborted();
      return slot;
    } catch (err) {
      slot.release();
      throw err;
    }
  }

  /** Raises the minimum gap for `host` (robots.txt Crawl-delay); never lowers it below the default. */
  setHostDelay(host: string, delayMs: number): void {
    const state = this.stateOf(host);
    state.delayMs = Math.max(0, delayMs);
  }

  /** Pushes the next start for `host` to at least `at` (a server's Retry-After applies to all our requests). */
  deferHost(host: string, at: number): void {
    const state = this.stateOf(host);
    state.nextStartAt = Math.max(state.nextStartAt, at);
  }

  private stateOf(host: string): HostState {
    const key = host.toLowerCase();
    let state = this.hosts.get(key);
    if (!state) {
      if (this.hosts.size >= MAX_IDLE_HOSTS) this.pruneIdle();
      state = { active: 0, waiters: [], nextStartAt: 0, delayMs: 0 };
      this.hosts.set(key, state);
    }
    return state;
  }

  /** Forgets hosts with nothing in flight whose gap has passed, so a long run stays bounded. */
  private pruneIdle(): void {
    const now = this.clock.now();
    for (const [key, s] of this.hosts) {
      if (s.active === 0 && s.waiters.length === 0 && s.nextStartAt <= now && s.delayMs === 0)
        this.hosts.delete(key);
    }
  }
}

const MAX_IDLE_HOSTS = 10_000;

/** `clock.sleep(ms)`, cut short with the signal's reason when the caller aborts. */
export async function sleepUnlessAborted(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  if (!signal) return clock.sleep(ms);
  signal.throwIfAborted();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([clock.sleep(ms), aborted]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}
