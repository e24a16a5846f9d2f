import { describe, expect, it } from 'vitest';
import { SourceSettingsSchema } from '../store/sources.js';
import { MAX_BACKOFF_MS, scheduleAfterFailure, scheduleAfterSuccess } from './schedule-next-check.js';

const now = new Date('2025-03-01T00:00:00Z');
const settings = SourceSettingsSchema.parse({ minPollMinutes: 15, maxPollMinutes: 240 });
const mid = () => 0.5; // no jitter
const after = (d: Date) => (d.getTime() - now.getTime()) / 60_000; // minutes

describe('scheduleAfterSuccess (adaptive polling)', () => {
  it('polls a feed that just changed after minPoll', () => {
    expect(after(scheduleAfterSuccess({ settings, consecutiveUnchanged: 7 }, true, now, mid))).toBe(15);
  });

  it('stretches 1.5× per quiet poll, within maxPoll', () => {
    expect(after(scheduleAfterSuccess({ settings, consecutiveUnchanged: 0 }, false, now, mid))).toBeCloseTo(22.5);
    expect(after(scheduleAfterSuccess({ settings, consecutiveUnchanged: 1 }, false, now, mid))).toBeCloseTo(33.75);
    expect(after(scheduleAfterSuccess({ settings, consecutiveUnchanged: 50 }, false, now, mid))).toBe(240);
  });
});

describe('scheduleAfterFailure (backoff)', () => {
  it('doubles per failure in a row from minPoll, capped at one day', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => after(scheduleAfterFailure({ settings }, n, now, mid)));
    expect(delays).toEqual([30, 60, 120, 240, 480, 960, 1440, 1440, 1440]);
    expect(MAX_BACKOFF_MS).toBe(1440 * 60_000);
  });

  it('backs off beyond maxPoll (a broken feed is tried less than a quiet one)', () => {
    expect(after(scheduleAfterFailure({ settings }, 5, now, mid))).toBeGreaterThan(settings.maxPollMinutes);
  });

  it('adds ±10 % jitter, never past the cap', () => {
    expect(after(scheduleAfterFailure({ settings }, 1, now, () => 0))).toBeCloseTo(27);
    expect(after(scheduleAfterFailure({ settings }, 1, now, () => 0.999999))).toBeCloseTo(33, 3);
    expect(after(scheduleAfterFailure({ settings }, 10, now, () => 0.999999))).toBe(1440);
  });

  it("waits at least the server's Retry-After, itself capped at a day", () => {
    expect(after(scheduleAfterFailure({ settings }, 1, now, mid, 3 * 3600_000))).toBe(180);
    expect(after(scheduleAfterFailure({ settings }, 1, now, mid, 9 * 86_400_000))).toBe(1440);
  });
});
