import { assignStory, type AssignOptions, type StoryArticle } from './assign-story.js';
import { findNearDuplicate, type IndexedCopy, type NearDuplicate } from './find-near-duplicate.js';
import { createLshIndex, type LshIndex } from './lsh-index.js';
import { minhashSignature, type MinhashOptions } from './minhash-signature.js';
import { createStoryIndex, type StoryIndex } from './story-index.js';

/** Everything dedup + clustering keeps; each part is a port a store can back. */
export interface ClusterState {
  lsh: LshIndex;
  /** Provider and signature of indexed articles (read only for LSH candidates). */
  copies: { get(id: string): IndexedCopy | undefined; set(id: string, copy: IndexedCopy): void };
  stories: StoryIndex;
}

/** Fresh in-memory state. */
export function createClusterState(): ClusterState {
  return { lsh: createLshIndex(), copies: new Map<string, IndexedCopy>(), stories: createStoryIndex() };
}

/** Result for one article: its story and, if any, the near-duplicate it repeats. */
export interface ClusterOutcome {
  storyId: string;
  created: boolean;
  merged?: string[];
  duplicate: NearDuplicate | null;
}

/**
 * Dedup then cluster one article. A `same-article` near-duplicate (same provider) is the same
 * article: it takes the original's story and is not indexed again. A `copy-of` (syndication) is
 * its own article, indexed and clustered, with the link reported for the store to keep.
 */
export function clusterArticle(
  article: StoryArticle,
  state: ClusterState,
  now: Date | number,
  options: { minhash?: MinhashOptions; assign?: AssignOptions; threshold?: number } = {},
): ClusterOutcome {
  const signature = minhashSignature(`${article.title}\n${article.text ?? article.lead}`, options.minhash);
  const duplicate = findNearDuplicate({ id: article.id, provider: article.provider, signature }, state.lsh, (id) => state.copies.get(id), options.threshold);
  if (duplicate?.relation === 'same-article') {
    const storyId = state.stories.storyOf(duplicate.of);
    if (storyId !== undefined) return { storyId, created: false, duplicate };
  }
  state.lsh.add(article.id, signature);
  state.copies.set(article.id, { provider: article.provider, signature });
  return { ...assignStory(article, state.stories, now, options.assign), duplicate };
}
