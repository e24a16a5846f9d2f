import { z } from 'zod';
import { HeatwireError } from '../core/errors.js';
import { describeZodError } from '../core/record.js';
import { foldName } from './compute-heat.js';
import { parseInstant } from './parse-instant.js';

/** One dated mention of a story (typically one article of it). */
export interface TimelineEntry {
  storyId: string;
  title: string;
  /** ISO 8601 date or date-time; entries without a real date are left out. */
  date: string;
  heat?: number;
  topics?: string[];
  orgs?: string[];
  people?: string[];
}

/** Which stories to keep; every given field must match (case-, accent- and space-insensitive). */
export interface TimelineFilter {
  topic?: string;
  org?: string;
  person?: string;
}

export const TimelineOptionsSchema = z.strictObject({
  /** Inclusive lower bound (ISO date or date-time, or a Date). */
  from: z.union([z.string(), z.date()]).optional(),
  /** Inclusive upper bound; a date without a time covers that whole UTC day. */
  to: z.union([z.string(), z.date()]).optional(),
  /** At most this many stories (the first ones in the chosen order). */
  limit: z.number().int().positive().optional(),
  /** `newest` first (the default, for a news desk) or `oldest` first (chronological). */
  order: z.enum(['newest', 'oldest']).default('newest'),
});

/** Options of `buildTimeline`. */
export type TimelineOptions = z.input<typeof TimelineOptionsSchema>;

/** One story on the timeline, merged from all its entries. */
export interface TimelineStory {
  storyId: string;
  /** Title of the entry that dates the story. */
  title: string;
  /** ISO 8601 instant the story enters the timeline: its first coverage matching the filter. */
  date: string;
  /** Highest heat among its entries, `-1` when none carried one. */
  heat: number;
  topics: string[];
  orgs: string[];
  people: string[];
  /** How many entries were merged into this story. */
  entries: number;
}

/** One UTC day of the timeline. */
export interface TimelineDay {
  /** `YYYY-MM-DD`, UTC. */
  date: string;
  stories: TimelineStory[];
}

interface Dated {
  entry: TimelineEntry;
  at: number;
  index: number;
}

/**
 * A dated list of stories about one topic, organisation or person: entries are merged per story
 * (one story appears once, on the day of its first coverage matching the filter), filtered, bounded
 * by `from`/`to`, ordered newest first (or oldest first with `order: 'oldest'`) and grouped by UTC
 * day. Ties within the same instant go to the hotter story, then to the smaller story id, so the
 * same input always gives the same timeline.
 */
export function buildTimeline(
  entries: TimelineEntry[],
  filter: TimelineFilter = {},
  options: TimelineOptions = {},
): TimelineDay[] {
  const parsed = TimelineOptionsSchema.safeParse(options);
  if (!parsed.success) throw new HeatwireError('USAGE', `timeline options: ${describeZodError(parsed.error)}`);
  const opts = parsed.data;
  const from = boundOf(opts.from, 'from');
  const to = boundOf(opts.to, 'to');

  const byStory = new Map<string, Dated[]>();
  entries.forEach((entry, index) => {
    const at = parseInstant(entry.date);
    if (at === undefined || typeof entry.storyId !== 'string' || entry.storyId === '') return;
    const list = byStory.get(entry.storyId) ?? [];
    list.push({ entry, at, index });
    byStory.set(entry.storyId, list);
  });

  const stories: Array<TimelineStory & { at: number }> = [];
  for (const [storyId, list] of byStory) {
    const merged = mergeStory(storyId, list, filter);
    if (!merged) continue;
    if (from !== undefined && merged.at < from) continue;
    if (to !== undefined && merged.at > to) continue;
    stories.push(merged);
  }

  const sign = opts.order === 'newest' ? -1 : 1;
  stories.sort((a, b) => sign * (a.at - b.at) || b.heat - a.heat || compareIds(a.storyId, b.storyId));
  const kept = opts.limit === undefined ? stories : stories.slice(0, opts.limit);

  const days: TimelineDay[] = [];
  for (const { at: _at, ...story } of kept) {
    const day = story.date.slice(0, 10);
    const last = days[days.length - 1];
    if (last && last.date === day) last.stories.push(story);
    else days.push({ date: day, stories: [story] });
  }
  return days;
}

/** Merges a story's entries; `undefined` when the story does not match the filter. */
function mergeStory(
  storyId: string,
  list: Dated[],
  filter: TimelineFilter,
): (TimelineStory & { at: number }) | undefined {
  const topics = unionOf(list.map((d) => d.entry.topics));
  const orgs = unionOf(list.map((d) => d.entry.orgs));
  const people = unionOf(list.map((d) => d.entry.people));
  if (!matches({ topics, orgs, people }, filter)) return undefined;
  // Date the story by its first entry that itself matches the filter: a company's story enters a
  // person's timeline when the person first appears in it, not when the story began.
  const own = list.filter((d) =>
    matches({ topics: d.entry.topics ?? [], orgs: d.entry.orgs ?? [], people: d.entry.people ?? [] }, filter),
  );
  const pool = own.length > 0 ? own : list;
  const first = pool.reduce((a, b) => (b.at < a.at || (b.at === a.at && b.index < a.index) ? b : a));
  const heats = list.map((d) => d.entry.heat).filter((h): h is number => typeof h === 'number' && Number.isFinite(h));
  return {
    storyId,
    title: first.entry.title,
    date: new Date(first.at).toISOString(),
    heat: heats.length > 0 ? Math.max(...heats) : -1,
    topics,
    orgs,
    people,
    entries: list.length,
    at: first.at,
  };
}

function matches(s: { topics: string[]; orgs: string[]; people: string[] }, filter: TimelineFilter): boolean {
  const has = (names: string[], wanted: string | undefined): boolean =>
    wanted === undefined || names.some((n) => foldName(n) === foldName(wanted));
  return has(s.topics, filter.topic) && has(s.orgs, filter.org) && has(s.people, filter.person);
}

/** Union of name lists in order of first appearance, one spelling per folded name. */
function unionOf(lists: Array<string[] | undefined>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of lists.flatMap((l) => l ?? [])) {
    const key = foldName(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/** A bound in epoch ms; a date-only `to` is the end of that UTC day. */
function boundOf(value: string | Date | undefined, which: 'from' | 'to'): number | undefined {
  if (value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : parseInstant(value);
  if (ms === undefined || !Number.isFinite(ms)) throw new HeatwireError('USAGE', `timeline ${which}: not a real date`);
  const dateOnly = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim());
  return which === 'to' && dateOnly ? ms + 86_400_000 - 1 : ms;
}

/** Code-unit order, not locale order: the same on every machine. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
