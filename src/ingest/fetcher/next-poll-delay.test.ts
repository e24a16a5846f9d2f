import { describe, expect, it } from 'vitest';
import { nextPollDelay, type PollState } from './next-poll-delay.js';

const MIN = 60_000;
const MAX = 24 * 3600_000;
const base: PollState = {
  lastChanged: true,
  consecutiveUnchanged: 0,
  errorCount: 0,
  minMs: MIN,
  maxMs: MAX,
  random: () => 0.5,
};

describe('nextPollDelay', () => {
  it('polls a feed that just changed after minMs', () => {
    expect(nextPollDelay(base)).toBe(MIN);
  });

  it('stretches the delay for every quiet poll', () => {
    const delays = [0, 1, 2, 5, 10].map((n) =>
      nextPollDelay({ ...base, lastChanged: false, consecutiveUnchanged: n }),
    );
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1]!);
    expect(delays[1]).toBe(90_000);
  });

  it('backs off exponentially on errors, from the quiet delay', () => {
    const quiet = { ...base, lastChanged: false, consecutiveUnchanged: 2 };
    const d0 = nextPollDelay(quiet);
    expect(nextPollDelay({ ...quiet, errorCount: 1 })).toBe(2 * d0);
    expect(nextPollDelay({ ...quiet, errorCount: 3 })).toBe(8 * d0);
  });

  it('always stays within [minMs, maxMs], jitter and absurd inputs included', () => {
    for (const r of [0, 0.25, 0.5, 0.999]) {
      for (const state of [
        { ...base, random: () => r },
        { ...base, lastChanged: false, consecutiveUnchanged: 10_000, random: () => r },
        { ...base, errorCount: 5000, random: () => r },
        { ...base, consecutiveUnchanged: -3, errorCount: -1, random: () => r },
        { ...base, minMs: 5000, maxMs: 1000, random: () => r },
      ]) {
        const d = nextPollDelay(state);
        expect(Number.isFinite(d)).toBe(true);
        expect(d).toBeGreaterThanOrEqual(Math.min(state.minMs, state.maxMs));
        expect(d).toBeLessThanOrEqual(Math.max(state.minMs, state.maxMs));
      }
    }
    expect(nextPollDelay({ ...base, errorCount: 50 })).toBe(MAX);
  });

  it('spreads feeds with the same history by ±10 %', () => {
    const quiet = { ...base, lastChanged: false, consecutiveUnchanged: 4 };
    const low = nextPollDelay({ ...quiet, random: () => 0 });
    const high = nextPollDelay({ ...quiet, random: () => 1 });
    const mid = nextPollDelay(quiet);
    expect(low).toBe(Math.round(mid * 0.9));
    expect(high).toBe(Math.round(mid * 1.1));
  });
});
