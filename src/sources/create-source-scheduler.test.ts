import { describe, expect, it } from 'vitest';
import { createSourceScheduler, type SchedulerTimer } from './create-source-scheduler.js';

/** A fake timer: virtual time, timers fire only when the test says so. */
function fakeTimer(start = Date.UTC(2025, 2, 1)) {
  let t = start;
  const pending = new Map<number, { at: number; fn: () => void }>();
  let seq = 0;
  const timer: SchedulerTimer & { fireNext(): Promise<number | null>; pending: typeof pending; advance(ms: number): void } = {
    now: () => new Date(t),
    setTimeout: (fn, ms) => {
      pending.set(++seq, { at: t + ms, fn });
      return seq;
    },
    clearTimeout: (h) => void pending.delete(h as number),
    pending,
    advance: (ms) => {
      t += ms;
    },
    /** Fires the earliest timer (moving time to it); resolves to the delay it had, after the tick settles. */
    async fireNext() {
      const next = [...pending.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) return null;
      pending.delete(next[0]);
      const waited = next[1].at - t;
      t = Math.max(t, next[1].at);
      next[1].fn();
      for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
      return waited;
    },
  };
  return timer;
}

/** Sources with due times (ms); "polling" one moves its due time forward by 10 minutes. */
function world(dueAt: Record<string, number>) {
  const polled: string[] = [];
  return {
    polled,
    due: async (now: Date, limit: number) =>
      Object.entries(dueAt)
        .filter(([, at]) => at <= now.getTime())
        .sort((a, b) => a[1] - b[1])
        .slice(0, limit)
        .map(([id]) => id),
    poll: async (ids: string[], now: number) => {
      for (const id of ids) {
        polled.push(id);
        dueAt[id] = now + 600_000;
      }
    },
  };
}

describe('createSourceScheduler', () => {
  it('polls what is due on each tick, waits the interval when idle, drains full batches at once', async () => {
    const timer = fakeTimer();
    const t0 = timer.now().getTime();
    const w = world({ a: t0 - 1000, b: t0 - 500, c: t0 + 5 * 60_000 });
    const scheduler = createSourceScheduler({
      due: w.due,
      poll: (ids) => w.poll(ids, timer.now().getTime()),
      timer,
      intervalMs: 60_000,
      batchSize: 1,
    });
    scheduler.start();
    expect(await timer.fireNext()).toBe(0); // first tick at once: a (most overdue)
    expect(w.polled).toEqual(['a']);
    expect(await timer.fireNext()).toBe(0); // the batch was full: b at once
    expect(w.polled).toEqual(['a', 'b']);
    expect(await timer.fireNext()).toBe(0); // nothing due → next tick after the interval
    expect(w.polled).toEqual(['a', 'b']);
    for (let i = 0; i < 4; i++) expect(await timer.fireNext()).toBe(60_000);
    expect(w.polled).toEqual(['a', 'b']); // c is due at +5 min
    await timer.fireNext();
    expect(w.polled).toEqual(['a', 'b', 'c']);
    await scheduler.stop();
    expect(timer.pending.size).toBe(0);
  });

  it('tick() by hand polls due sources once and never overlaps', async () => {
    const timer = fakeTimer();
    const w = world({ a: 0, b: 0 });
    let release: () => void = () => undefined;
    let calls = 0;
    const scheduler = createSourceScheduler({
      due: w.due,
      poll: async (ids) => {
        calls += 1;
        await new Promise<void>((r) => (release = r));
        await w.poll(ids, timer.now().getTime());
      },
      timer,
    });
    const first = scheduler.tick();
    const second = scheduler.tick();
    await new Promise((r) => setImmediate(r));
    release();
    expect(await first).toBe(2);
    expect(await second).toBe(2); // the same tick
    expect(calls).toBe(1);
    expect(await scheduler.tick()).toBe(0); // both moved 10 minutes ahead
  });

  it('stop() aborts polls in flight, waits for them, and schedules nothing more', async () => {
    const timer = fakeTimer();
    let aborted = false;
    const scheduler = createSourceScheduler({
      due: async () => ['a'],
      poll: (_ids, signal) =>
        new Promise<void>((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(signal.reason as Error);
          });
        }),
      timer,
    });
    scheduler.start();
    void timer.fireNext();
    await new Promise((r) => setImmediate(r));
    await scheduler.stop();
    expect(aborted).toBe(true);
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(timer.pending.size).toBe(0);
  });

  it('a failed tick is reported and the loop goes on', async () => {
    const timer = fakeTimer();
    const errors: unknown[] = [];
    let n = 0;
    const scheduler = createSourceScheduler({
      due: async () => {
        n += 1;
        if (n === 1) throw new Error('database is locked');
        return [];
      },
      poll: async () => undefined,
      timer,
      intervalMs: 1000,
      onError: (e) => errors.push(e),
    });
    scheduler.start();
    await timer.fireNext();
    expect(errors).toHaveLength(1);
    expect(await timer.fireNext()).toBe(1000);
    expect(n).toBe(2);
    await scheduler.stop();
  });
});
