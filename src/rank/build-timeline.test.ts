import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HeatwireError } from '../core/errors.js';
import { buildTimeline, type TimelineDay, type TimelineEntry, type TimelineFilter } from './build-timeline.js';

const ENTRIES = JSON.parse(
  readFileSync(new URL('../../test/fixtures/rank/timeline-entries.json', import.meta.url), 'utf8'),
) as TimelineEntry[];

const ids = (days: TimelineDay[]): string[] => days.flatMap((d) => d.stories.map((s) => s.storyId));

describe('buildTimeline: filters', () => {
  it.each<[string, TimelineFilter, string[]]>([
    ['topic AI (newest first, undated left out)', { topic: 'AI' }, ['s-policy', 's-model', 's-tie', 's-hire', 's-chip']],
    ['topic, any case', { topic: 'ai hardware' }, ['s-chip']],
    ['organisation', { org: 'Contoso' }, ['s-chip', 's-model', 's-hire']],
    ['person, accents and case folded', { person: 'emile DURAND' }, ['s-robot']],
    ['person and topic together', { person: 'Mira Okafor', topic: 'AI Hardware' }, ['s-chip']],
    ['nobody', { person: 'Nobody Known' }, []],
  ])('%s', (_name, filter, expected) => {
    expect(ids(buildTimeline(ENTRIES, filter))).toEqual(expected);
  });

  it('with no filter lists every dated story once', () => {
    const all = ids(buildTimeline(ENTRIES));
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(new Set(ENTRIES.map((e) => e.storyId)).size - 1);
  });
});

describe('buildTimeline: de-duplication by story', () => {
  it('merges entries: earliest date, highest heat, union of names', () => {
    const [chip] = buildTimeline(ENTRIES, { topic: 'AI Hardware' }).flatMap((d) => d.stories);
    expect(chip).toMatchObject({
      storyId: 's-chip',
      date: '2024-03-04T09:00:00.000Z',
      title: 'Foundry signs a second customer for its 2 nm line',
      heat: 55,
      entries: 2,
      orgs: ['Northwind Foundry', 'Contoso'],
    });
  });

  it("dates a story on a person's timeline by the person's first appearance in it", () => {
    const days = buildTimeline(ENTRIES, { person: 'Mira Okafor' }, { order: 'oldest' });
    const chip = days.flatMap((d) => d.stories).find((s) => s.storyId === 's-chip');
    expect(chip?.date).toBe('2024-03-05T14:30:00.000Z');
    expect(chip?.title).toBe("Analysts weigh the foundry's new customer");
  });

  it('a story with no heat anywhere has heat -1', () => {
    const policy = buildTimeline(ENTRIES, { org: 'Agency for Digital Affairs' })[0]?.stories[0];
    expect(policy?.heat).toBe(-1);
  });
});

describe('buildTimeline: ordering and days', () => {
  it('groups by UTC day, newest day first by default and oldest first when asked', () => {
    const newest = buildTimeline(ENTRIES);
    const oldest = buildTimeline(ENTRIES, {}, { order: 'oldest' });
    expect(newest.map((d) => d.date)).toEqual(['2024-03-06', '2024-03-05', '2024-03-04', '2024-03-02']);
    expect(oldest.map((d) => d.date)).toEqual([...newest.map((d) => d.date)].reverse());
    // an offset date-time lands on its UTC day (11:00+02:00 is 09:00Z)
    expect(newest[0]?.stories[0]?.date).toBe('2024-03-06T09:00:00.000Z');
  });

  it('same instant: hotter first, then smaller story id; independent of input order', () => {
    const day = (list: TimelineEntry[]): string[] =>
      buildTimeline(list, {}, { from: '2024-03-05', to: '2024-03-05' }).flatMap((d) => d.stories.map((s) => s.storyId));
    const expected = ['s-model', 's-tie', 's-hire'];
    // s-chip has an entry that day too, but it is dated by its first coverage (the day before)
    expect(day(ENTRIES)).toEqual(expected);
    expect(day([...ENTRIES].reverse())).toEqual(expected);
  });
});

describe('buildTimeline: from, to, limit', () => {
  it.each<[string, Parameters<typeof buildTimeline>[2], string[]]>([
    ['from a date-time', { from: '2024-03-05T08:00:00Z' }, ['s-policy', 's-model', 's-tie', 's-hire']],
    ['to a date covers the whole day', { to: '2024-03-04' }, ['s-chip', 's-robot']],
    ['from a Date', { from: new Date('2024-03-06T00:00:00Z') }, ['s-policy']],
    ['limit counts stories, not days', { limit: 3 }, ['s-policy', 's-model', 's-tie']],
    ['limit applies after ordering', { limit: 2, order: 'oldest' }, ['s-robot', 's-chip']],
  ])('%s', (_name, options, expected) => {
    expect(ids(buildTimeline(ENTRIES, {}, options))).toEqual(expected);
  });

  it.each<[string, Parameters<typeof buildTimeline>[2]]>([
    ['a bad from', { from: 'yesterday' }],
    ['a zero limit', { limit: 0 }],
    ['an unknown order', { order: 'random' as 'newest' }],
  ])('rejects %s', (_name, options) => {
    expect(() => buildTimeline(ENTRIES, {}, options)).toThrow(HeatwireError);
  });
});
