import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/fixtures/fetcher/fake-clock.js';
import { HostScheduler } from './host-scheduler.js';

describe('HostScheduler', () => {
  it('spaces concurrent starts by the gap and caps the slots per host', async () => {
    const clock = createFakeClock(0);
    const scheduler = new HostScheduler(clock, 2, 1000);
    const starts: number[] = [];
    let active = 0;
    let maxActive = 0;
    const job = async (): Promise<void> => {
      const slot = await scheduler.acquire('news.example');
      starts.push(clock.now());
      active += 1;
      maxActive = Math.max(maxActive, active);
      await clock.sleep(5000); // a slow response holds the slot
      active -= 1;
      slot.release();
    };
    await Promise.all([job(), job(), job(), job()]);
    expect(maxActive).toBe(2);
    // 0 and 1000 by the gap; the third waits for a free slot (5000), the fourth for the gap after it.
    expect(starts).toEqual([0, 1000, 5000, 6000]);
  });

  it('keeps hosts independent and treats host names case-insensitively', async () => {
    const clock = createFakeClock(0);
    const scheduler = new HostScheduler(clock, 1, 1000);
    const a = await scheduler.acquire('a.example');
    const b = await scheduler.acquire('b.example');
    expect(clock.now()).toBe(0);
    a.release();
    b.release();
    await scheduler.acquire('A.EXAMPLE');
    expect(clock.now()).toBe(1000);
  });

  it('raises the gap for a Crawl-delay and defers a host for Retry-After', async () => {
    const clock = createFakeClock(0);
    const scheduler = new HostScheduler(clock, 4, 100);
    scheduler.setHostDelay('h', 3000);
    (await scheduler.acquire('h')).release();
    (await scheduler.acquire('h')).release();
    expect(clock.now()).toBe(3000);
    scheduler.deferHost('h', 60_000);
    (await scheduler.acquire('h')).release();
    expect(clock.now()).toBe(60_000);
  });

  it('lets an aborted waiter go without losing the wake-up of the next one', async () => {
    const clock = createFakeClock(0);
    const scheduler = new HostScheduler(clock, 1, 0);
    const held = await scheduler.acquire('h');
    const controller = new AbortController();
    const aborted = scheduler.acquire('h', controller.signal);
    const next = scheduler.acquire('h');
    controller.abort(new Error('stop'));
    held.release();
    await expect(aborted).rejects.toThrow('stop');
    const slot = await next; // would hang if the wake-up were lost
    slot.release();
  });

  it('stops sleeping for the gap when the caller aborts', async () => {
    const clock = createFakeClock(0);
    const scheduler = new HostScheduler(clock, 1, 10_000);
    (await scheduler.acquire('h')).release();
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(scheduler.acquire('h', controller.signal)).rejects.toThrow('gone');
    // The slot was given back: a later caller still gets one.
    (await scheduler.acquire('h')).release();
  });
});
