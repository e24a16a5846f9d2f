import type { TermVector } from './story-terms.js';

/** What clustering keeps per article (bounded: the vector is truncated to its heaviest terms). */
export interface ArticleFeatures {
  id: string;
  title: string;
  provider: string;
  /** Epoch milliseconds. */
  publishedAt: number;
  vector: TermVector;
  entities: string[];
  /** The terms the article was posted under in the inverted index. */
  salient: string[];
}

/** One story's state. `centroid` is the sum of its articles' vectors (direction = their mean). */
export interface StoryState {
  id: string;
  title: string;
  titleArticleId: string;
  centroid: TermVector;
  articleIds: string[];
  firstSeen: number;
  lastSeen: number;
  providers: Map<string, number>;
  entities: Map<string, number>;
}

/** An editor decision, kept so later automatic assignment respects it. */
export interface EditorConstraint {
  kind: 'must-link' | 'cannot-link';
  stories: [string, string];
  articleIds?: string[];
  at: string;
}

/**
 * Everything online clustering reads and writes, behind one port so a store can back it
 * (tables: document_frequencies, story_postings (term, day) → story ids, stories, story_articles,
 * story_constraints). Every method touches a bounded number of rows: none scans all stories.
 */
export interface StoryIndex {
  documentCount(): number;
  documentFrequency(term: string): number;
  /** Running document frequencies: +1 for each distinct term of a new article. */
  countDocument(terms: Iterable<string>): void;
  /** Story ids posted under any of `keys` ("term@day"), with how many keys hit each. */
  lookupPostings(keys: readonly string[]): Map<string, number>;
  post(keys: readonly string[], storyId: string): void;
  /** The story, following merge redirects; undefined when unknown. */
  getStory(storyId: string): StoryState | undefined;
  putStory(story: StoryState): void;
  /** Removes a story absorbed by a merge; its id then redirects to `into`. */
  retireStory(storyId: string, into: string): void;
  /** Whether `storyId` is or was (before a merge) a story id. */
  hasStoryId(storyId: string): boolean;
  getArticle(articleId: string): ArticleFeatures | undefined;
  putArticle(article: ArticleFeatures): void;
  storyOf(articleId: string): string | undefined;
  setStoryOf(articleId: string, storyId: string): void;
  isCannotLinked(a: string, b: string): boolean;
  setCannotLinked(a: string, b: string, value: boolean): void;
  /** Story ids `storyId` must never be merged with automatically. */
  cannotLinksOf(storyId: string): string[];
  recordConstraint(c: EditorConstraint): void;
  constraints(): EditorConstraint[];
  stories(): IterableIterator<StoryState>;
}

/** The in-memory StoryIndex (laptop runs, tests, benchmarks). */
export function createStoryIndex(): StoryIndex {
  let documents = 0;
  const df = new Map<string, number>();
  const postings = new Map<string, Set<string>>();
  const stories = new Map<string, StoryState>();
  const redirects = new Map<string, string>();
  const articles = new Map<string, ArticleFeatures>();
  const storyOfArticle = new Map<string, string>();
  const cannot = new Map<string, Set<string>>();
  const log: EditorConstraint[] = [];

  const resolve = (id: string): string => {
    let cur = id;
    for (let hops = 0; hops < 64; hops++) {
      const next = redirects.get(cur);
      if (next === undefined) return cur;
      cur = next;
    }
    return cur;
  };

  return {
    documentCount: () => documents,
    documentFrequency: (t) => df.get(t) ?? 0,
    countDocument(terms) {
      documents++;
      for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
    },
    lookupPostings(keys) {
      const hits = new Map<string, number>();
      for (const key of keys) {
        const ids = postings.get(key);
        if (!ids) continue;
        // A story merged twice may appear under two old ids in one bucket: count it once per key.
        const seen = new Set<string>();
        for (const raw of ids) {
          const id = resolve(raw);
          if (seen.has(id)) continue;
          seen.add(id);
          hits.set(id, (hits.get(id) ?? 0) + 1);
        }
      }
      return hits;
    },
    post(keys, storyId) {
      for (const key of keys) {
        const ids = postings.get(key);
        if (ids) ids.add(storyId);
        else postings.set(key, new Set([storyId]));
      }
    },
    getStory: (id) => stories.get(resolve(id)),
    putStory(story) {
      redirects.delete(story.id);
      stories.set(story.id, story);
    },
    retireStory(id, into) {
      stories.delete(id);
      redirects.set(id, into);
    },
    hasStoryId: (id) => stories.has(id) || redirects.has(id),
    getArticle: (id) => articles.get(id),
    putArticle: (a) => void articles.set(a.id, a),
    storyOf(articleId) {
      const id = storyOfArticle.get(articleId);
      return id === undefined ? undefined : resolve(id);
    },
    setStoryOf: (articleId, storyId) => void storyOfArticle.set(articleId, storyId),
    isCannotLinked: (a, b) => cannot.get(resolve(a))?.has(resolve(b)) ?? false,
    setCannotLinked(a, b, value) {
      const [x, y] = [resolve(a), resolve(b)];
      for (const [p, q] of [
        [x, y],
        [y, x],
      ] as const) {
        const set = cannot.get(p) ?? new Set<string>();
        if (value) set.add(q);
        else set.delete(q);
        cannot.set(p, set);
      }
    },
    cannotLinksOf: (id) => [...(cannot.get(resolve(id)) ?? [])].map(resolve),
    recordConstraint: (c) => void log.push(c),
    constraints: () => [...log],
    stories: () => stories.values(),
  };
}
