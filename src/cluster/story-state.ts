import type { ArticleFeatures, StoryIndex, StoryState } from './story-index.js';
import { cosineSimilarity, inverseDocumentFrequency, truncateVector } from './story-terms.js';

/** Centroids keep this many terms: enough to describe a story, bounded per story. */
export const CENTROID_TERMS = 200;

/** IDF read from the index's running document frequencies. */
export function idfOf(index: StoryIndex): (term: string) => number {
  const n = index.documentCount();
  return (t) => inverseDocumentFrequency(n, index.documentFrequency(t));
}

/** A new story holding one article; its id derives from that first article's id (stable). */
export function startStory(id: string, article: ArticleFeatures): StoryState {
  return {
    id,
    title: article.title,
    titleArticleId: article.id,
    centroid: new Map(article.vector),
    articleIds: [article.id],
    firstSeen: article.publishedAt,
    lastSeen: article.publishedAt,
    providers: new Map([[article.provider, 1]]),
    entities: new Map(article.entities.map((e) => [e, 1])),
  };
}

function addCounts(into: Map<string, number>, from: Iterable<[string, number]>): void {
  for (const [k, n] of from) into.set(k, (into.get(k) ?? 0) + n);
}

/** Adds one article to a story: centroid sum, seen times, providers, entities, central title. */
export function addToStory(story: StoryState, article: ArticleFeatures, index: StoryIndex): void {
  const idf = idfOf(index);
  addCounts(story.centroid, article.vector);
  story.centroid = truncateVector(story.centroid, CENTROID_TERMS, (t, x) => x * idf(t));
  story.articleIds.push(article.id);
  story.firstSeen = Math.min(story.firstSeen, article.publishedAt);
  story.lastSeen = Math.max(story.lastSeen, article.publishedAt);
  addCounts(story.providers, [[article.provider, 1]]);
  addCounts(
    story.entities,
    article.entities.map((e) => [e, 1]),
  );
  chooseTitle(story, [article], index);
}

/**
 * Keeps as title the headline of the most central article seen: the one whose vector has the
 * highest cosine with the centroid. Only the current holder and the newcomers are compared, so
 * the cost per join does not grow with the story.
 */
export function chooseTitle(story: StoryState, newcomers: ArticleFeatures[], index: StoryIndex): void {
  const idf = idfOf(index);
  const holder = index.getArticle(story.titleArticleId);
  let best = holder ? cosineSimilarity(holder.vector, story.centroid, idf) : -1;
  for (const a of newcomers) {
    const c = cosineSimilarity(a.vector, story.centroid, idf);
    if (c > best + 1e-12) {
      best = c;
      story.title = a.title;
      story.titleArticleId = a.id;
    }
  }
}

/** Which of two stories keeps its id in a merge: the older one (then the smaller id). */
export function pickSurvivor(a: StoryState, b: StoryState): [StoryState, StoryState] {
  if (a.firstSeen !== b.firstSeen) return a.firstSeen < b.firstSeen ? [a, b] : [b, a];
  return a.id < b.id ? [a, b] : [b, a];
}

/** Merges `absorbed` into `survivor`; the absorbed id redirects, its cannot-links carry over. */
export function mergeInto(survivor: StoryState, absorbed: StoryState, index: StoryIndex): void {
  const idf = idfOf(index);
  addCounts(survivor.centroid, absorbed.centroid);
  survivor.centroid = truncateVector(survivor.centroid, CENTROID_TERMS, (t, x) => x * idf(t));
  survivor.articleIds.push(...absorbed.articleIds);
  survivor.firstSeen = Math.min(survivor.firstSeen, absorbed.firstSeen);
  survivor.lastSeen = Math.max(survivor.lastSeen, absorbed.lastSeen);
  addCounts(survivor.providers, absorbed.providers);
  addCounts(survivor.entities, absorbed.entities);
  const other = index.getArticle(absorbed.titleArticleId);
  chooseTitle(survivor, other ? [other] : [], index);
  const links = index.cannotLinksOf(absorbed.id);
  for (const id of absorbed.articleIds) index.setStoryOf(id, survivor.id);
  index.retireStory(absorbed.id, survivor.id);
  for (const l of links) if (l !== survivor.id) index.setCannotLinked(survivor.id, l, true);
  index.putStory(survivor);
}

/** Rebuilds a story from scratch out of stored article features (used by an editor split). */
export function rebuildStory(id: string, articleIds: readonly string[], index: StoryIndex): StoryState | undefined {
  const members = articleIds.map((a) => index.getArticle(a)).filter((a): a is ArticleFeatures => a !== undefined);
  members.sort((a, b) => a.publishedAt - b.publishedAt || (a.id < b.id ? -1 : 1));
  const [first, ...rest] = members;
  if (!first) return undefined;
  const story = startStory(id, first);
  for (const a of rest) addToStory(story, a, index);
  return story;
}

/** The public view of a story (what `heatwire stories` and the API show). */
export interface StoryView {
  id: string;
  title: string;
  articleIds: string[];
  providers: string[];
  /** People and organisations named most often across the story's articles. */
  entities: string[];
  firstSeen: string;
  lastSeen: string;
}

/** Presents a story state: providers and entities by frequency, times as ISO 8601. */
export function describeStory(story: StoryState): StoryView {
  const byCount = (m: Map<string, number>): string[] =>
    [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
  return {
    id: story.id,
    title: story.title,
    articleIds: [...story.articleIds],
    providers: byCount(story.providers),
    entities: byCount(story.entities).slice(0, 12),
    firstSeen: new Date(story.firstSeen).toISOString(),
    lastSeen: new Date(story.lastSeen).toISOString(),
  };
}
