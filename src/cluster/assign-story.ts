import type { ArticleFeatures, StoryIndex, StoryState } from './story-index.js';
import { addToStory, idfOf, mergeInto, pickSurvivor, startStory } from './story-state.js';
import { buildTermVector, cosineSimilarity, truncateVector } from './story-terms.js';

/** The article as clustering sees it. */
export interface StoryArticle {
  id: string;
  title: string;
  /** Excerpt or first paragraph. */
  lead: string;
  text?: string;
  /** Names of people and organisations (from enrichment), if known. */
  entities?: readonly string[];
  /** ISO 8601 or epoch milliseconds. */
  publishedAt: string | number;
  provider: string;
}

/** Tuning of online clustering; defaults measured on the planted corpus (docs/stories.md). */
export interface AssignOptions {
  /** Candidate stories must overlap [publishedAt − window, publishedAt + window] (default 3 days). */
  windowDays?: number;
  /** Join the best story when its score reaches this (default 0.4). */
  joinThreshold?: number;
  /** Merge a second story into the best when the article scores at least this with both (default 0.55). */
  mergeThreshold?: number;
  /** Weight of entity overlap added to the cosine (default 0.3). */
  entityWeight?: number;
  /** Terms kept per article vector (default 32). */
  vectorTerms?: number;
  /** Salient terms the article is looked up and posted under (default 8). */
  salientTerms?: number;
  /** At most this many candidate stories are scored, those with the most posting hits (default 25). */
  maxCandidates?: number;
}

/** Where an article went. `merged`: ids of stories folded into `storyId` because it bridged them. */
export interface StoryAssignment {
  storyId: string;
  created: boolean;
  merged?: string[];
}

const DAY_MS = 86_400_000;
const DEFAULTS: Required<AssignOptions> = {
  windowDays: 3,
  joinThreshold: 0.4,
  mergeThreshold: 0.55,
  entityWeight: 0.3,
  vectorTerms: 32,
  salientTerms: 8,
  maxCandidates: 25,
};

/** Story id of a story started by article `articleId`. */
export function storyIdFor(articleId: string): string {
  return `s-${articleId}`;
}

/**
 * Assigns one article to a story, online. Candidate stories come from the inverted index over the
 * article's salient terms for the days within the window (so cost depends on the day's volume,
 * not on the size of the store); each is scored by cosine of TF-IDF vectors plus entity overlap;
 * the best at or above `joinThreshold` is joined, otherwise a story is created. When the article
 * also scores ≥ `mergeThreshold` with other candidates, those stories merge into the best, unless
 * an editor's cannot-link forbids it. Assigning an article that already has a story returns it
 * unchanged (idempotent; editor moves stick).
 */
export function assignStory(article: StoryArticle, index: StoryIndex, now: Date | number, options: AssignOptions = {}): StoryAssignment {
  const o = { ...DEFAULTS, ...options };
  const existing = index.storyOf(article.id);
  if (existing !== undefined) return { storyId: existing, created: false };

  const nowMs = typeof now === 'number' ? now : now.getTime();
  const published = typeof article.publishedAt === 'number' ? article.publishedAt : Date.parse(article.publishedAt);
  // A missing or future date would put the article in the wrong window: clamp it to `now`.
  const at = Number.isFinite(published) ? Math.min(published, nowMs) : nowMs;

  const raw = buildTermVector(article);
  index.countDocument(raw.keys());
  const idf = idfOf(index);
  const vector = truncateVector(raw, o.vectorTerms, (t, x) => x * idf(t));
  const salient = [...vector]
    .map(([t, x]) => [t, x * idf(t)] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, o.salientTerms)
    .map(([t]) => t);
  const features: ArticleFeatures = {
    id: article.id,
    title: article.title,
    provider: article.provider,
    publishedAt: at,
    vector,
    entities: [...new Set(article.entities ?? [])],
    salient,
  };

  const day = Math.floor(at / DAY_MS);
  const keys: string[] = [];
  for (const t of salient) for (let d = day - o.windowDays; d <= day + o.windowDays; d++) keys.push(`${t}@${d}`);
  const hits = [...index.lookupPostings(keys)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, o.maxCandidates);

  const lo = at - o.windowDays * DAY_MS;
  const hi = at + o.windowDays * DAY_MS;
  const scored: Array<{ story: StoryState; score: number }> = [];
  for (const [id] of hits) {
    const story = index.getStory(id);
    if (!story || story.lastSeen < lo || story.firstSeen > hi) continue;
    const score = cosineSimilarity(vector, story.centroid, idf) + o.entityWeight * entityOverlap(features.entities, story);
    scored.push({ story, score });
  }
  scored.sort((a, b) => b.score - a.score || (a.story.id < b.story.id ? -1 : 1));

  const best = scored[0];
  let target: StoryState;
  let created = false;
  const merged: string[] = [];
  if (best && best.score >= o.joinThreshold) {
    target = best.story;
    if (best.score >= o.mergeThreshold) {
      for (const other of scored.slice(1)) {
        if (other.score < o.mergeThreshold) break;
        if (!index.getStory(other.story.id) || index.isCannotLinked(target.id, other.story.id)) continue;
        const [survivor, absorbed] = pickSurvivor(target, other.story);
        mergeInto(survivor, absorbed, index);
        merged.push(absorbed.id);
        target = survivor;
      }
    }
    addToStory(target, features, index);
  } else {
    target = startStory(uniqueStoryId(storyIdFor(article.id), index), features);
    created = true;
  }
  index.putStory(target);
  index.putArticle(features);
  index.setStoryOf(article.id, target.id);
  index.post(
    salient.map((t) => `${t}@${day}`),
    target.id,
  );
  return merged.length ? { storyId: target.id, created, merged } : { storyId: target.id, created };
}

/** Share of the article's entities the story already names (0 when the article names none). */
function entityOverlap(entities: readonly string[], story: StoryState): number {
  if (!entities.length) return 0;
  let shared = 0;
  for (const e of entities) if (story.entities.has(e)) shared++;
  return shared / entities.length;
}

/** `base`, or `base~2`, `base~3`… when an earlier story (or split) already used it. */
export function uniqueStoryId(base: string, index: StoryIndex): string {
  if (!index.hasStoryId(base)) return base;
  for (let n = 2; ; n++) if (!index.hasStoryId(`${base}~${n}`)) return `${base}~${n}`;
}
