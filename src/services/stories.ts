import { mergeStories, splitStory } from '../cluster/edit-stories.js';
import {
  buildTimeline,
  computeArticleHeat,
  computeHeat,
  type HeatOptionsInput,
  type TimelineDay,
  type TimelineEntry,
} from '../rank/index.js';
import { resolveHeatOptions } from '../rank/heat-options.js';
import type { StoriesRepository, StoryMember, StoryRow, TimelineQuery } from '../store/stories.js';
import { heatArticleOf, rescoreStory } from './cluster-stored-batch.js';

/** One line of `heatwire stories --json` (DESIGN.md §6), extended with the heat's reasons and trend. */
export interface StorySummary {
  id: string;
  title: string;
  heat: number;
  articles: Array<{ id: string; webUrl: string | null }>;
  sources: string[];
  firstSeen: string;
  lastSeen: string;
  reasons: string[];
  trend: 'rising' | 'steady' | 'cooling';
}

/** A story with its articles in full (the API's `/stories/:id`). */
export interface StoryDetail extends StorySummary {
  entities: string[];
  edited: { merge: boolean; split: boolean };
  members: Array<StoryMember & { heat: number }>;
}

/** Options of `listHotStories`. */
export interface ListHotStoriesOptions {
  topic?: string;
  limit?: number;
  now: Date;
  heat?: HeatOptionsInput;
  /** People and organisations the reader watches: a story that names them runs hotter. */
  watched?: Watchlist;
}

/** What the reader watches (HEATWIRE_WATCH_PEOPLE, HEATWIRE_WATCH_ORGS). */
export interface Watchlist {
  people: string[];
  orgs: string[];
}

const DAY_MS = 86_400_000;
/** At most this many recently active stories are rescored per listing. */
const ACTIVE_SCAN = 1000;

/**
 * Stories, hottest first at `now`: recently active stories (last coverage within the heat's
 * `maxAgeDays`) are rescored at `now` — a quiet story cools down without any write — then the
 * rest follow by last coverage, newest first (their heat is −1: too old to score).
 */
export async function listHotStories(
  repo: StoriesRepository,
  options: ListHotStoriesOptions,
): Promise<StorySummary[]> {
  const limit = options.limit ?? 50;
  const maxAge = resolveHeatOptions(options.heat).maxAgeDays * DAY_MS;
  const topic = options.topic === undefined ? {} : { topic: options.topic };
  const active = await repo.listStories({
    ...topic,
    activeSince: options.now.getTime() - maxAge,
    limit: ACTIVE_SCAN,
  });
  const scored = await Promise.all(active.map((s) => summariseStory(repo, s, options.now, options.heat, options.watched)));
  scored.sort(
    (a, b) => b.heat - a.heat || Date.parse(b.lastSeen) - Date.parse(a.lastSeen) || (a.id < b.id ? -1 : 1),
  );
  const out = scored.slice(0, limit);
  if (out.length < limit) {
    const seen = new Set(out.map((s) => s.id));
    for (const s of await repo.listStories({ ...topic, limit: limit + out.length })) {
      if (out.length >= limit) break;
      if (!seen.has(s.id)) out.push(await summariseStory(repo, s, options.now, options.heat, options.watched));
    }
  }
  return out;
}

/** A story's summary with heat recomputed at `now`. */
export async function summariseStory(
  repo: StoriesRepository,
  story: StoryRow,
  now: Date,
  heatOptions?: HeatOptionsInput,
  watched?: Watchlist,
): Promise<StorySummary> {
  const members = await repo.members(story.id);
  const heat = computeHeat(
    // A story keeps its people and organisations in one list: a watched name matches either way.
    { articles: members.map(heatArticleOf), people: story.entities, orgs: story.entities, ...(watched ? { watched } : {}) },
    now,
    heatOptions,
  );
  return {
    id: story.id,
    title: story.title,
    heat: heat.score,
    articles: members.map((m) => ({ id: m.articleId, webUrl: m.webUrl })),
    sources: story.providers,
    firstSeen: new Date(story.firstSeen).toISOString(),
    lastSeen: new Date(story.lastSeen).toISOString(),
    reasons: heat.reasons,
    trend: heat.trend,
  };
}

/** One story in full, or null; follows merge redirects. */
export async function getStoryDetail(
  repo: StoriesRepository,
  id: string,
  now: Date,
): Promise<StoryDetail | null> {
  const story = await repo.getStory(id);
  if (!story) return null;
  const summary = await summariseStory(repo, story, now);
  const members = await repo.members(story.id);
  return {
    ...summary,
    entities: story.entities,
    edited: story.edited,
    members: members.map((m) => ({
      ...m,
      heat: computeArticleHeat(m.quality === null ? {} : { quality: m.quality }, { score: summary.heat }),
    })),
  };
}

/** Editor merge (`heatwire stories merge A B`): kept as a must-link; the older id survives. */
export async function mergeStoriesById(
  repo: StoriesRepository,
  a: string,
  b: string,
  now: Date,
): Promise<{ storyId: string; merged: string[] }> {
  return repo.transaction((tx) => {
    const r = mergeStories(tx.state.stories, a, b, now);
    tx.flagEdited(r.storyId, 'merge');
    rescoreStory(tx, r.storyId, now);
    return r;
  });
}

/** Editor split (`heatwire stories split STORY ARTICLE…`): kept as a cannot-link. */
export async function splitStoryById(
  repo: StoriesRepository,
  storyId: string,
  articleIds: string[],
  now: Date,
): Promise<{ storyId: string; newStoryId: string }> {
  return repo.transaction((tx) => {
    const r = splitStory(tx.state.stories, storyId, articleIds, now);
    for (const id of [r.storyId, r.newStoryId]) {
      tx.flagEdited(id, 'split');
      rescoreStory(tx, id, now);
    }
    return r;
  });
}

/** `heatwire timeline`: dated stories about one topic, organisation or person. */
export async function buildStoryTimeline(
  repo: StoriesRepository,
  query: TimelineQuery,
  options: { from?: string; to?: string; limit?: number; order?: 'newest' | 'oldest' } = {},
): Promise<TimelineDay[]> {
  const rows = await repo.timelineRows(query);
  const entries: TimelineEntry[] = rows.map((r) => ({
    storyId: r.storyId,
    title: r.storyTitle,
    date: r.publishedAt,
    heat: r.heat,
    topics: r.topics,
    orgs: r.orgs,
    people: r.people,
  }));
  const filter = {
    ...(query.topic ? { topic: query.topic } : {}),
    ...(query.org ? { org: query.org } : {}),
    ...(query.person ? { person: query.person } : {}),
  };
  return buildTimeline(entries, filter, options);
}
