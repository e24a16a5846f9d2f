import { describe, expect, it } from 'vitest';
import { computeBackoff, isRetryableStatus, parseRetryAfter } from './retry-policy.js';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Wed, 01 Jan 2025 12:00:30 GMT', 30_000],
    ['Wednesday, 01-Jan-25 12:01:00 GMT', 60_000], // RFC 850, obsolete but allowed
    ['Wed Jan  1 12:00:05 2025', null], // asctime has no zone: Date reads it as local time, so only check it parses
    ['Tue, 31 Dec 2024 00:00:00 GMT', 0], // in the past
    ['-5', null],
    ['1.5', null],
    ['soon', null],
    [undefined, null],
  ])('%j → %j', (value, expected) => {
    const got = parseRetryAfter(value, NOW);
    if (value?.startsWith('Wed Jan')) expect(got).not.toBeNull();
    else expect(got).toBe(expected);
  });
});

describe('computeBackoff', () => {
  const opts = (r: number) => ({ baseMs: 1000, maxMs: 10_000, random: () => r });
  it('doubles per attempt, with half of each step random, and stays under the cap', () => {
    expect([0, 1, 2, 3].map((n) => computeBackoff(n, opts(0)))).toEqual([500, 1000, 2000, 4000]);
    expect([0, 1, 2, 3].map((n) => computeBackoff(n, opts(0.999999)))).toEqual([1000, 2000, 4000, 8000]);
    expect(computeBackoff(10, opts(1))).toBe(10_000);
    expect(computeBackoff(10, opts(0))).toBe(5000);
  });
});

describe('isRetryableStatus', () => {
  it.each([
    [429, true],
    [408, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [501, false],
    [505, false],
    [404, false],
    [410, false],
    [200, false],
  ])('%i → %s', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });
});
