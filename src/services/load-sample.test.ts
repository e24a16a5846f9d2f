import { describe, expect, it } from 'vitest';
import type { IncomingItem } from '../core/article.js';
import { shiftDates } from './load-sample.js';

const item = (title: string, publishedDateTime?: string, updatedDateTime?: string): IncomingItem => ({
  record: { title, ...(publishedDateTime ? { publishedDateTime } : {}), ...(updatedDateTime ? { updatedDateTime } : {}) },
  origin: 'sample.jsonl',
});

describe('shiftDates', () => {
  it('moves every date by one amount so the newest is two hours before now, spacing kept', () => {
    const now = new Date('2030-06-10T12:00:00Z');
    const out = shiftDates(
      [item('a', '2025-01-01T00:00:00Z'), item('b', '2025-01-03T06:30:00Z', '2025-01-03T08:00:00Z'), item('c')],
      now,
    );
    expect(out.map((i) => i.record.publishedDateTime)).toEqual(['2030-06-08T03:30:00Z', '2030-06-10T10:00:00Z', undefined]);
    expect(out[1]!.record.updatedDateTime).toBe('2030-06-10T11:30:00Z');
    expect(out[2]!.record).toEqual({ title: 'c' });
  });

  it('leaves items without any date as they are', () => {
    const items = [item('x'), item('y')];
    expect(shiftDates(items, new Date())).toBe(items);
  });
});
