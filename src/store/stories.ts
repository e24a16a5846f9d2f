import type { ClusterState } from '../cluster/cluster-article.js';
import type { EditorConstraint } from '../cluster/story-index.js';
import type { Heat } from '../rank/compute-heat.js';

/**
 * The stories port: persistence of dedup + clustering state, story membership, duplicate links,
 * heat and computed related lists. The SQLite implementation is
 * `store/sqlite/stories-repository.ts`; it shares the articles store's connection.
 */

/** How an article repeats another: same URL, same article again (near-duplicate), or a syndicated copy. */
export type DuplicateKind = 'url' | 'near-duplicate' | 'syndicated';

/** One stored duplicate link: `articleId` repeats `canonicalId`. */
export interface DuplicateLink {
  articleId: string;
  canonicalId: string;
  kind: DuplicateKind;
  /** Estimated Jaccard of the texts (near-duplicate and syndicated), else null. */
  similarity: number | null;
}

/** A story as stored (heat as last computed, at `heatAt`). */
export interface StoryRow {
  id: string;
  title: string;
  /** Epoch ms of the first and last coverage. */
  firstSeen: number;
  lastSeen: number;
  /** Provider domains, most articles first. */
  providers: string[];
  /** People and organisations, most mentioned first. */
  entities: string[];
  articleCount: number;
  heat: number;
  heatReasons: string[];
  heatTrend: Heat['trend'];
  heatAt: string | null;
  /** Editor decisions that shaped this story. */
  edited: { merge: boolean; split: boolean };
}

/** One article of a story, with what heat and the presenters need. */
export interface StoryMember {
  articleId: string;
  title: string;
  webUrl: string | null;
  publishedAt: string | null;
  firstSeenAt: string;
  provider: string;
  quality: number | null;
  topics: string[];
}

/** A related-article candidate found through a shared topic or entity within a time window. */
export interface RelatedCandidate {
  articleId: string;
  publishedAt: string | null;
  sharedTopics: number;
  sharedEntities: number;
}

/** One person or organisation named by an article. */
export interface ArticleEntity {
  name: string;
  type: 'person' | 'organization';
}

/** One row of a timeline source: an article of a story matching a topic, org or person. */
export interface TimelineRow {
  storyId: string;
  storyTitle: string;
  heat: number;
  publishedAt: string;
  topics: string[];
  orgs: string[];
  people: string[];
}

/** What `findRelatedCandidates` looks for: the article's topics and entities within [from, to]. */
export interface RelatedCandidateQuery {
  articleId: string;
  topics: readonly string[];
  entityKeys: readonly string[];
  from: string;
  to: string;
  /** Most articles read per topic or entity key. */
  perKey: number;
}

/**
 * Work done inside one write transaction. Methods are synchronous: the whole batch (dedup,
 * clustering, heat, related) commits or rolls back together.
 */
export interface StoriesTransaction {
  /** Dedup + clustering state backed by the tables (bounded reads by key, never a full load). */
  readonly state: ClusterState;
  /** The stored id of the article a write landed on (its own id, or the article its URL reached). */
  resolveArticleId(write: {
    id: string;
    urls: readonly string[];
    canonicalUrl: string | null;
  }): string | null;
  linkDuplicate(link: DuplicateLink, now: string): void;
  /** Replaces the people and organisations indexed for an article. */
  saveEntities(articleId: string, publishedAt: string | null, entities: readonly ArticleEntity[]): void;
  /** The story's articles (arrival order), at most `limit`. */
  membersOf(storyId: string, limit?: number): StoryMember[];
  saveHeat(storyId: string, heat: Heat, at: string): void;
  /** Articles sharing a topic or entity with the article within [from, to] (ISO), bounded per key. */
  findRelatedCandidates(query: RelatedCandidateQuery): RelatedCandidate[];
  computedRelatedOf(articleId: string): string[];
  replaceComputedRelated(articleId: string, relatedIds: readonly string[]): void;
  /** Marks a story as shaped by an editor (kept on later arrivals). */
  flagEdited(storyId: string, kind: 'merge' | 'split'): void;
}

/** Options of `listStories`. */
export interface ListStoriesOptions {
  /** Only stories with an article carrying this topic. */
  topic?: string;
  /** Only stories whose last coverage is at or after this (epoch ms). */
  activeSince?: number;
  limit?: number;
}

/** Which stories a timeline covers; exactly one field is expected. */
export interface TimelineQuery {
  topic?: string;
  org?: string;
  person?: string;
  limit?: number;
}

/** The stories repository (async, like the Store port). */
export interface StoriesRepository {
  /** Runs `work` in one IMMEDIATE write transaction; any throw rolls everything back. */
  transaction<T>(work: (tx: StoriesTransaction) => T): Promise<T>;
  /** Stories by last coverage, newest first (callers re-rank by heat at their `now`). */
  listStories(options?: ListStoriesOptions): Promise<StoryRow[]>;
  /** A story by id, following merge redirects; null when unknown. */
  getStory(id: string): Promise<StoryRow | null>;
  members(storyId: string, limit?: number): Promise<StoryMember[]>;
  /** The story an article belongs to (directly or as a duplicate of a member). */
  storyOfArticle(articleId: string): Promise<string | null>;
  /** Links naming `articleId` as the canonical article (its copies). */
  duplicatesOf(articleId: string): Promise<DuplicateLink[]>;
  /** The link from `articleId` to the article it repeats, if any. */
  duplicateOf(articleId: string): Promise<DuplicateLink | null>;
  /** Heatwire's computed related ids for an article, in order. */
  computedRelated(articleId: string): Promise<string[]>;
  timelineRows(query: TimelineQuery): Promise<TimelineRow[]>;
  /** Editor decisions, oldest first. */
  decisions(): Promise<EditorConstraint[]>;
}
