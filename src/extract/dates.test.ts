import { describe, expect, it } from 'vitest';
import { dateFromUrl, normalizeDate } from './dates.js';

describe('normalizeDate', () => {
  it.each([
    ['2024-03-05T09:30:00+01:00', '2024-03-05T08:30:00Z'],
    ['2024-03-05T09:30:00.250Z', '2024-03-05T09:30:00.250Z'],
    ['2024-03-05T09:30:00-0500', '2024-03-05T14:30:00Z'],
    ['2024-03-05 09:30:00', '2024-03-05T09:30:00Z'],
    ['2024-03-05T09:30', '2024-03-05T09:30:00Z'],
    ['2024-03-05', '2024-03-05T00:00:00Z'],
    ['20240305', '2024-03-05T00:00:00Z'],
    ['Tue, 05 Mar 2024 14:05:00 GMT', '2024-03-05T14:05:00Z'],
    ['Tue, 05 Mar 2024 14:05:00 +0200', '2024-03-05T12:05:00Z'],
    ['Tue, 5 Mar 2024 09:05:00 EST', '2024-03-05T14:05:00Z'],
    ['March 5, 2024', '2024-03-05T00:00:00Z'],
    ['March 5th, 2024 2:05 PM PDT', '2024-03-05T21:05:00Z'],
    ['Sept. 9, 2021 12:30 a.m.', '2021-09-09T00:30:00Z'],
    ['5 March 2024', '2024-03-05T00:00:00Z'],
    ['1709631000', '2024-03-05T09:30:00Z'],
    ['1709631000000', '2024-03-05T09:30:00Z'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });

  it.each([['2023-02-30'], ['2023-13-01'], ['1850-01-01'], ['not a date'], ['Mark 5, 2020'], [''], ['2024-03-05T09:30:00+25:00']])(
    'rejects %j',
    (input) => {
      expect(normalizeDate(input)).toBeNull();
    },
  );

  it('does not depend on the host time zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'Asia/Kolkata';
    try {
      expect(normalizeDate('2024-03-05 09:30')).toBe('2024-03-05T09:30:00Z');
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('dateFromUrl', () => {
  it.each([
    ['https://news.example/2021/03/09/some-story', '2021-03-09T00:00:00Z'],
    ['https://news.example/world/2021-03-09-some-story.html', '2021-03-09T00:00:00Z'],
    ['https://news.example/archive/20210309/story', '2021-03-09T00:00:00Z'],
    ['https://news.example/2021/3/9/', '2021-03-09T00:00:00Z'],
  ])('%s → %s', (url, expected) => {
    expect(dateFromUrl(url)).toBe(expected);
  });

  it.each([['https://news.example/2021/13/40/x'], ['https://news.example/products/20210399'], ['not a url'], [null]])('finds nothing in %j', (url) => {
    expect(dateFromUrl(url)).toBeNull();
  });
});
